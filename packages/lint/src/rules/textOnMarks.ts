import { message } from "@charts/errors";
import { acrossEdge, dataMarks, lineThrough, overlap } from "@charts/render";
import { describeMark, describeText, pxArea } from "../describeText.ts";
import type { Problem, Rule } from "../types.ts";

/**
 * text-on-marks: text over the data: across the edge of a bar (a label
 * inside a bar, whole, is a label in a bar; text-contrast reads it against
 * the bar), over a point, or across a line. Slices and areas are not
 * checked: their bounds are not their outline.
 */
export const textOnMarks: Rule = {
  name: "text-on-marks",
  summary: "text across the edge of a bar, over a point or across a line",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const marks = dataMarks(variant.scene);
    const problems: Problem[] = [];
    for (const box of variant.boxes) {
      for (const mark of marks) {
        let hit: { width: number; height: number } | undefined;
        if (mark.type === "rect") hit = acrossEdge(box, mark);
        else if (mark.type === "symbol") hit = overlap(box, mark);
        else if (mark.points) hit = lineThrough(box, mark.points);
        if (!hit) continue;
        problems.push({
          element: `${describeText(box)} on ${describeMark(mark)}`,
          measured: pxArea(hit.width, hit.height),
          threshold: "clear of the mark, or inside a bar",
          message: message.textOnMark(describeText(box), describeMark(mark), hit.width, hit.height),
        });
      }
    }
    return problems;
  },
};
