import { message } from "@charts/errors";
import type { TextBox } from "@charts/render";
import { labelsOf } from "../axes.ts";
import { describeText, pxArea } from "../describeText.ts";
import { overlap } from "@charts/render";
import type { Problem, Rule } from "../types.ts";

/**
 * text-overlap: two texts drawn over each other (a value label on an axis
 * label, an annotation on the dek, two lines of a wrapped label). Labels of
 * one axis are axis-label-spacing's, which measures them along the axis.
 */
export const textOverlap: Rule = {
  name: "text-overlap",
  summary: "text overlapping other text",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const { boxes } = variant;
    const axisOf = new Map<TextBox, number>();
    variant.scene.axes.forEach((axis, i) => {
      for (const label of labelsOf(axis, boxes)) axisOf.set(label, i);
    });
    const problems: Problem[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        if (axisOf.has(a) && axisOf.get(a) === axisOf.get(b)) continue;
        const clash = overlap(a, b);
        if (!clash) continue;
        problems.push({
          element: `${describeText(a)} and ${describeText(b)}`,
          measured: pxArea(clash.width, clash.height),
          threshold: "no overlap",
          message: message.textOverlaps(describeText(a), describeText(b), clash.width, clash.height),
        });
      }
    }
    return problems;
  },
};
