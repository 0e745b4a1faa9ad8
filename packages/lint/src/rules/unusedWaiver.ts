import { message } from "@charts/errors";
import type { Rule } from "../types.ts";

/** unused-waiver: a waiver of a rule that finds nothing at any width or theme (a fixed chart, an old waiver). */
export const unusedWaiver: Rule = {
  name: "unused-waiver",
  summary: "a waiver of a rule that finds nothing",
  severity: "warning",
  options: {},
  scope: "waivers",
  check(waive, found) {
    return Object.keys(waive)
      .filter((rule) => !found.has(rule))
      .map((rule) => ({ element: `lint.waive.${rule}`, measured: "nothing waived", threshold: "a finding to waive", message: message.unusedWaiver(rule) }));
  },
};
