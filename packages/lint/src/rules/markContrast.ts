import { message } from "@charts/errors";
import type { SceneMark } from "@charts/render";
import { contrast } from "@charts/theme";
import { backdropOf, composite, hexOf } from "../backdropOf.ts";
import { dataMarks } from "@charts/render";
import { describeMarks } from "../describeText.ts";
import type { Problem, Rule } from "../types.ts";

/**
 * mark-contrast: WCAG 1.4.11 for what the data is drawn with (bars, points,
 * lines, slices, areas): its fill, or its outline (at least 1 px wide; a
 * line's stroke is the line), each with its opacity composited over what is
 * behind it, must have `min` contrast with that. A derived bar's light fill
 * inside an outline of the full colour passes on its outline, as WCAG counts
 * the part a reader needs to see the shape. Marks drawn alike are one finding.
 */
export const markContrast: Rule = {
  name: "mark-contrast",
  summary: "bars, lines, points under 3:1 against what they are drawn on",
  severity: "error",
  options: { min: 3 },
  scope: "variant",
  check(variant, _context, { min }) {
    const failing = new Map<string, { marks: SceneMark[]; colours: string; backdrop: string; ratio: number }>();
    for (const mark of dataMarks(variant.scene)) {
      const backdrop = backdropOf(mark, variant.scene, mark);
      const fill = hexOf(mark.fill);
      const stroke = hexOf(mark.stroke);
      const outlined = stroke !== undefined && (!fill || (mark.strokeWidth ?? 1) >= 1);
      const ratios = [
        ...(fill ? [contrast(composite(fill, mark.opacity, backdrop), backdrop)] : []),
        ...(outlined ? [contrast(composite(stroke, mark.strokeOpacity ?? mark.opacity, backdrop), backdrop)] : []),
      ];
      if (!ratios.length) continue;
      const ratio = Math.max(...ratios);
      if (ratio >= min!) continue;
      const colours = [fill && `fill ${withOpacity(fill, mark.opacity)}`, outlined && `outline ${withOpacity(stroke, mark.strokeOpacity ?? mark.opacity)}`].filter(Boolean).join(", ");
      const key = `${mark.mark}|${mark.type}|${colours}|${backdrop}`;
      const seen = failing.get(key);
      if (seen) seen.marks.push(mark);
      else failing.set(key, { marks: [mark], colours, backdrop, ratio });
    }
    return [...failing.values()].map(({ marks, colours, backdrop, ratio }): Problem => ({
      element: describeMarks(marks),
      measured: `${ratio.toFixed(2)}:1`,
      threshold: `≥ ${min}:1`,
      message: message.markContrastLow(describeMarks(marks), colours, backdrop, ratio, min!),
    }));
  },
};

function withOpacity(colour: string, opacity: number): string {
  return opacity < 1 ? `${colour} at ${Math.round(opacity * 100)}%` : colour;
}
