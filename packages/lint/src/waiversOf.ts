import { invalid, message } from "@charts/errors";
import type { ChartDefinition } from "@charts/specs";
import { RULE_NAMES } from "./rules.ts";

/**
 * A definition's waivers (`"lint": {"waive": {"bar-baseline": "index chart
 * starting at 100"}}`), by rule name: the schema has checked that each reason
 * is words; a name that is no rule is an error naming `lint.waive.<name>`.
 */
export function waiversOf(definition: Pick<ChartDefinition, "lint">, file: string): Record<string, string> {
  const waive = definition.lint?.waive ?? {};
  for (const name of Object.keys(waive)) {
    if (!RULE_NAMES.includes(name)) throw invalid({ file, field: `lint.waive.${name}` }, message.expectedLintRule(RULE_NAMES), name);
  }
  return waive;
}
