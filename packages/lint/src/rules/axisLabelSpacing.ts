import { message } from "@charts/errors";
import type { TextBox } from "@charts/render";
import { isVertical, labelsOf } from "../axes.ts";
import { describeText, px } from "../describeText.ts";
import type { Problem, Rule } from "../types.ts";

/**
 * axis-label-spacing: neighbouring labels of one axis closer than `min` px
 * (overlapping ones have a negative gap): a line chart whose years print
 * over each other, category labels that run together. The gap is measured
 * along the axis; for labels drawn at an angle, across their baselines.
 * One finding per axis, naming its tightest pair.
 */
export const axisLabelSpacing: Rule = {
  name: "axis-label-spacing",
  summary: "axis labels closer than min px to their neighbours, or over them",
  severity: "error",
  options: { min: 4 },
  scope: "variant",
  check(variant, _context, { min }) {
    const problems: Problem[] = [];
    for (const axis of variant.scene.axes) {
      const down = isVertical(axis);
      const centre = (box: TextBox) => (down ? (box.y1 + box.y2) / 2 : (box.x1 + box.x2) / 2);
      const labels = labelsOf(axis, variant.boxes).sort((a, b) => centre(a) - centre(b));
      const crowded = labels.slice(1).map((b, i) => ({ a: labels[i]!, b, gap: gapBetween(labels[i]!, b, down) })).filter(({ gap }) => gap < min!);
      if (!crowded.length) continue;
      // one finding per axis: its tightest pair, and how many pairs are too close
      const { a, b, gap } = crowded.reduce((tightest, pair) => (pair.gap < tightest.gap ? pair : tightest));
      const pair = `${describeText(a)} and ${describeText(b)}`;
      const element = crowded.length > 1 ? `${pair} (${crowded.length} of ${labels.length - 1} neighbours on the ${axis.orient} axis)` : pair;
      problems.push({ element, measured: px(gap), threshold: `≥ ${px(min!)}`, message: message.labelsCrowded(element, gap, min!) });
    }
    return problems;
  },
};

/** Space between two neighbouring labels along the axis; between their baselines when they are turned. */
function gapBetween(a: TextBox, b: TextBox, down: boolean): number {
  const angle = ((a.angle ?? 0) * Math.PI) / 180;
  if (!angle) return down ? b.y1 - a.y2 : b.x1 - a.x2;
  // parallel baselines: their distance apart, less the height of a line of text
  const along = down ? (b.y1 + b.y2 - a.y1 - a.y2) / 2 : (b.x1 + b.x2 - a.x1 - a.x2) / 2;
  return Math.abs(along * (down ? Math.cos(angle) : Math.sin(angle))) - (a.fontSize ?? 11);
}
