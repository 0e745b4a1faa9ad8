import type { Dataset, SourceInfo } from "@charts/datasets";
import { assertLintPasses, lintChart, lintWarnings, type LintSettings } from "@charts/lint";
import type { ChartDefinition } from "@charts/specs";
import type { BuiltChart } from "./buildChart.ts";

/** What the build's lint step needs besides the built chart. */
export interface LintStep {
  definition: ChartDefinition;
  file: string;
  datasets: Map<string, Dataset>;
  sources: Record<string, SourceInfo>;
  settings: LintSettings;
}

/**
 * The build's lint step, after a chart is built and before it is handed to
 * publish: a chart with a lint error throws (assertLintPasses: its first
 * error and the count), so it fails like any chart and keeps its last good
 * version, stale with that reason; its warnings come back as lines to print.
 */
export function lintBuilt(built: BuiltChart, step: LintStep): string[] {
  const findings = lintChart(built, step);
  assertLintPasses(findings);
  return lintWarnings(findings).map((f) => `! ${built.slug} ${f.rule} (${f.variants.join(", ")}): ${f.message}`);
}
