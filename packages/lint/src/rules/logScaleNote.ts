import { message } from "@charts/errors";
import type { Problem, Rule } from "../types.ts";

/** "log scale", "logarithmic", "logarithmique", "logarítmica", "logarit" (vi), "logarithmisch". */
const SAYS_LOG = /\blog\b|logar[iíy]t/i;

/** Texts where a reader looks for how the chart measures. */
const ROLES = new Set(["dek", "notes", "axis-title", "below", "legend-title"]);

/**
 * log-scale-note: an axis on a log (or symlog) scale, where equal steps are
 * ratios, not amounts, that neither the dek, the notes, a note below the plot
 * nor an axis title of the variant mentions, in any of the house languages.
 */
export const logScaleNote: Rule = {
  name: "log-scale-note",
  summary: "a log scale that the dek, notes or an axis title does not mention",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const words = variant.boxes.filter((box) => ROLES.has(box.role)).map((box) => box.text).join(" ");
    if (SAYS_LOG.test(words)) return [];
    return variant.scene.axes
      .filter((axis) => axis.scaleType === "log" || axis.scaleType === "symlog")
      .map((axis): Problem => {
        const element = `the ${axis.orient} axis (${axis.scaleType} scale)`;
        return { element, measured: "not said", threshold: "said in the dek, notes or axis title", message: message.logScaleUnsaid(element) };
      });
  },
};
