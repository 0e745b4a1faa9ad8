import { message } from "@charts/errors";
import type { Rule } from "../types.ts";

/**
 * alt-drafted: the definition gives no `alt`, so the build drafted one from
 * the rows (the kind of chart, what it measures, the values or extremes): a
 * start, but only the desk can say what the chart means.
 */
export const altDrafted: Rule = {
  name: "alt-drafted",
  summary: "alt text drafted from the rows, not written",
  severity: "warning",
  options: {},
  scope: "chart",
  check({ definition }) {
    if (definition.alt !== undefined) return [];
    return [{ element: "alt text", measured: "drafted", threshold: "written (alt)", message: message.altDrafted() }];
  },
};
