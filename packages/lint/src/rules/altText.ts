import { message } from "@charts/errors";
import type { Rule } from "../types.ts";

/**
 * alt-text: the chart's alt text (the SVG's `<desc>`, the manifest's `alt`)
 * says more than the words beside it: not the headline or the dek again
 * (Chartability: a description says what the chart shows, not only its
 * title). An empty one never gets here: render refuses it
 * (`usermeta.chart.alt`), as it refuses a chart without a headline.
 */
export const altText: Rule = {
  name: "alt-text",
  summary: "alt text that only repeats the headline or the dek",
  severity: "error",
  options: {},
  scope: "chart",
  check({ chart }) {
    const plain = (text: string) => text.toLowerCase().replace(/[\s.!?:;,]+/g, " ").trim();
    const repeated = (["headline", "dek"] as const).find((field) => plain(chart.alt) === plain(chart[field]));
    if (!repeated) return [];
    return [{ element: "alt text", measured: `the ${repeated}`, threshold: "what the chart shows", message: message.altRepeats(repeated) }];
  },
};
