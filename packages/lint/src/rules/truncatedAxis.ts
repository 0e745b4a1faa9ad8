import { message } from "@charts/errors";
import { dataMarks } from "@charts/render";
import { describeMark, px } from "../describeText.ts";
import type { Problem, Rule } from "../types.ts";

/** How far (px) a mark may reach past the plot: antialiasing, beyond half its outline. */
const TOLERANCE = 1;

/**
 * truncated-axis: a value axis that stops short of the data: a mark drawn
 * past the plot (a bar through the header, a line off the top), which
 * Vega does when a scale's domain is set narrower than the rows, and cuts
 * off where marks are clipped. A point counts by its centre, a line by the
 * points it runs through, a bar by its edges (half its outline allowed).
 */
export const truncatedAxis: Rule = {
  name: "truncated-axis",
  summary: "data drawn past the plot: an axis that stops short of the data",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const { plot } = variant.scene;
    const problems: Problem[] = [];
    for (const mark of dataMarks(variant.scene)) {
      const slack = TOLERANCE + (mark.stroke ? (mark.strokeWidth ?? 1) / 2 : 0);
      const extent =
        mark.points ? { x1: Math.min(...mark.points.map((p) => p[0])), x2: Math.max(...mark.points.map((p) => p[0])), y1: Math.min(...mark.points.map((p) => p[1])), y2: Math.max(...mark.points.map((p) => p[1])) }
        : mark.type === "symbol" ? { x1: (mark.x1 + mark.x2) / 2, x2: (mark.x1 + mark.x2) / 2, y1: (mark.y1 + mark.y2) / 2, y2: (mark.y1 + mark.y2) / 2 }
        : mark;
      const sides: Array<[string, number]> = [
        ["top", plot.y1 - extent.y1],
        ["bottom", extent.y2 - plot.y2],
        ["left", plot.x1 - extent.x1],
        ["right", extent.x2 - plot.x2],
      ];
      const [side, by] = sides.sort((a, b) => b[1] - a[1])[0]!;
      if (by <= slack) continue;
      problems.push({
        element: describeMark(mark),
        measured: `${px(by)} past the ${side}`,
        threshold: "within the plot",
        message: message.markPastAxis(describeMark(mark), side, by),
      });
    }
    return problems;
  },
};
