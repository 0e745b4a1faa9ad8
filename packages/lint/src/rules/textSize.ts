import { message } from "@charts/errors";
import type { TextBox } from "@charts/render";
import { describeTexts, px } from "../describeText.ts";
import type { Problem, Rule } from "../types.ts";

/**
 * text-size: text set smaller than `min` px. Checked in every variant at the
 * size it is drawn; the house keeps type the same at every width, so it
 * matters most at the narrowest, where a phone shows the variant at its size
 * (the embed snippet never shows a variant narrower than it is drawn). Texts
 * of one role and size are one finding.
 */
export const textSize: Rule = {
  name: "text-size",
  summary: "text smaller than min px",
  severity: "error",
  options: { min: 12 },
  scope: "variant",
  check(variant, _context, { min }) {
    // texts of one role set alike are one finding
    const small = new Map<string, TextBox[]>();
    for (const box of variant.boxes) {
      const size = box.fontSize ?? 11;
      if (size >= min!) continue;
      const key = `${box.role}|${size}`;
      small.set(key, [...(small.get(key) ?? []), box]);
    }
    return [...small.values()].map((boxes): Problem => {
      const size = boxes[0]!.fontSize ?? 11;
      return { element: describeTexts(boxes), measured: px(size), threshold: `≥ ${px(min!)}`, message: message.textTooSmall(describeTexts(boxes), size, min!) };
    });
  },
};
