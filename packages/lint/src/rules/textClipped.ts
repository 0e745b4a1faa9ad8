import { message } from "@charts/errors";
import { describeText, px } from "../describeText.ts";
import { SLACK } from "@charts/render";
import type { Problem, Rule } from "../types.ts";

/** text-clipped: text running past an edge of the chart, where the canvas cuts it. */
export const textClipped: Rule = {
  name: "text-clipped",
  summary: "text cut by the edge of the chart",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const problems: Problem[] = [];
    for (const box of variant.boxes) {
      const sides: Array<[string, number]> = [
        ["left", -box.x1],
        ["top", -box.y1],
        ["right", box.x2 - variant.width],
        ["bottom", box.y2 - variant.height],
      ];
      const [side, by] = sides.sort((a, b) => b[1] - a[1])[0]!;
      if (by <= SLACK) continue;
      problems.push({
        element: describeText(box),
        measured: `${px(by)} past the ${side}`,
        threshold: "within the chart",
        message: message.textClipped(describeText(box), side, by),
      });
    }
    return problems;
  },
};
