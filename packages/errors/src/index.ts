export { ChartsError, type Where } from "./ChartsError.ts";
export { invalid } from "./invalid.ts";
export { describe } from "./describe.ts";
export { errorSegments, jsonPath, pointerSegments, valueAt, type SchemaErrorLike } from "./jsonPath.ts";
export { displayPath } from "./displayPath.ts";
export * as message from "./message.ts";
export { checkLimit, DEFAULT_LIMITS, limitOf, limitSetting, type Limits } from "./limits.ts";
