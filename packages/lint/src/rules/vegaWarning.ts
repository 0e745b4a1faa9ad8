import { message } from "@charts/errors";
import type { Rule } from "../types.ts";

/** vega-warning: Vega warned while drawing the variant (an infinite extent, a scale it could not fit). */
export const vegaWarning: Rule = {
  name: "vega-warning",
  summary: "a warning of Vega's while drawing the chart",
  severity: "warning",
  options: {},
  scope: "variant",
  check(variant) {
    return (variant.warnings ?? []).map((warning) => ({ element: "Vega", measured: warning, threshold: "no warning", message: message.vegaWarned(warning) }));
  },
};
