import { message } from "@charts/errors";
import { measureText } from "@charts/fonts";
import { describeText, px } from "../describeText.ts";
import type { Problem, Rule } from "../types.ts";

/**
 * label-truncated: a text Vega cut to its `limit` with an ellipsis (an axis
 * label, a legend label, a text mark with a limit). The house wraps labels
 * and never cuts them; the finding says how wide the whole text is.
 */
export const labelTruncated: Rule = {
  name: "label-truncated",
  summary: "a label cut short with an ellipsis",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const problems: Problem[] = [];
    for (const box of variant.boxes) {
      if (box.full === undefined || box.limit === undefined) continue;
      const font = { size: box.fontSize ?? 11, weight: box.fontWeight };
      const needs = Math.max(...box.full.split("\n").map((line) => measureText(line, font as Parameters<typeof measureText>[1])));
      problems.push({
        element: describeText(box),
        measured: `${px(needs)} wide`,
        threshold: `${px(box.limit)} (its limit)`,
        message: message.labelTruncated(describeText(box), box.full, needs, box.limit),
      });
    }
    return problems;
  },
};
