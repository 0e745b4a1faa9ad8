import type { Scene, SceneMark } from "./types.ts";
import { ANNOTATION_MARK, STATUS_FIELD } from "@charts/specs";

/**
 * The marks of a scene that draw dataset rows: bars, points, lines, areas,
 * slices. The compiler inlines every row with its provenance status, so a
 * data mark's row carries STATUS_FIELD; gap bands, annotation ranges and
 * connectors, gridlines and axes do not count.
 */
export function dataMarks(scene: Scene): SceneMark[] {
  return scene.marks.filter((mark) => mark.role === "mark" && mark.datum !== undefined && STATUS_FIELD in mark.datum && !ANNOTATION_MARK.test(mark.mark));
}
