import { message } from "@charts/errors";
import { contrast, textContrast as wcagTextContrast } from "@charts/theme";
import { backdropOf, composite, hexOf } from "../backdropOf.ts";
import type { TextBox } from "@charts/render";
import { describeTexts } from "../describeText.ts";
import type { Problem, Rule } from "../types.ts";

/**
 * text-contrast: WCAG 1.4.3 contrast of every text with what it is drawn on
 * (the page, or the bar or band that holds it), its opacity composited:
 * `normal` for body text, `large` for text of 24 px, or 18.66 px bold (the
 * theme's textContrast says which). Texts of one role drawn alike on the
 * same backdrop are one finding.
 */
export const textContrast: Rule = {
  name: "text-contrast",
  summary: "text under 4.5:1 (large text 3:1) against what it is drawn on",
  severity: "error",
  options: { normal: 4.5, large: 3 },
  scope: "variant",
  check(variant, _context, { normal, large }) {
    // texts of one role drawn alike on the same backdrop are one finding
    const failing = new Map<string, { boxes: TextBox[]; colour: string; backdrop: string; ratio: number; min: number }>();
    for (const box of variant.boxes) {
      const fill = hexOf(box.fill);
      if (!fill) continue;
      const backdrop = backdropOf(box, variant.scene);
      const ratio = contrast(composite(fill, box.opacity ?? 1, backdrop), backdrop);
      const weight = box.fontWeight === "bold" ? 700 : Number(box.fontWeight) || 400;
      const min = wcagTextContrast({ size: box.fontSize ?? 11, weight }) === 3 ? large! : normal!;
      if (ratio >= min) continue;
      const colour = box.opacity !== undefined && box.opacity < 1 ? `${fill} at ${Math.round(box.opacity * 100)}%` : fill;
      const key = `${box.role}|${colour}|${backdrop}|${min}`;
      const seen = failing.get(key);
      if (seen) seen.boxes.push(box);
      else failing.set(key, { boxes: [box], colour, backdrop, ratio, min });
    }
    return [...failing.values()].map(({ boxes, colour, backdrop, ratio, min }): Problem => ({
      element: describeTexts(boxes),
      measured: `${ratio.toFixed(2)}:1`,
      threshold: `≥ ${min}:1`,
      message: message.textContrastLow(describeTexts(boxes), colour, backdrop, ratio, min),
    }));
  },
};
