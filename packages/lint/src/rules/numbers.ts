import { checkLocale } from "@charts/numbers";
import { numbersWithoutRows } from "@charts/specs";
import type { Problem, Rule } from "../types.ts";

/**
 * numbers: every number in the chart's words as published (headline, dek,
 * notes) is a figure of a row the chart draws or cites, or a year within
 * their span, as the specs check reads them (numbersWithoutRows: one number
 * grammar). compileChart refuses the definition's own words, and the alt
 * text (written or drafted) against the rows drawn, before anything is
 * drawn; what this finds is in the notes the build writes itself: a derived
 * or implied row's note ("2019 is derived: half the 2020 figure of $60bn")
 * quoting a figure no row gives.
 */
export const numbers: Rule = {
  name: "numbers",
  summary: "a number in the headline, dek or notes (generated ones included) that no row drawn or cited gives",
  severity: "error",
  options: {},
  scope: "chart",
  check({ chart, drawn, cited, sources, file }) {
    const locale = checkLocale(chart.locale, { file, field: "locale" });
    const words: Array<[string, string | undefined]> = [
      ["headline", chart.headline],
      ["dek", chart.dek],
      ["notes", chart.notes],
    ];
    const problems: Problem[] = [];
    for (const [field, text] of words) {
      if (!text) continue;
      for (const { written, message } of numbersWithoutRows(text, [drawn, ...cited], sources, locale)) {
        problems.push({ element: `${field} "${written}"`, measured: written, threshold: "a figure of a row drawn or cited", message });
      }
    }
    return problems;
  },
};
