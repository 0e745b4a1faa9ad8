export { ChartsError, type Where } from "./ChartsError.ts";
export { invalid } from "./invalid.ts";
export { describe } from "./describe.ts";
export { jsonPath, pointerSegments, valueAt } from "./jsonPath.ts";
