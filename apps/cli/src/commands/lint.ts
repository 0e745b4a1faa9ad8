import { ChartsError, message } from "@charts/errors";
import type { Dataset, SourceInfo } from "@charts/datasets";
import { assertLintPasses, formatFindings, lintChart, lintErrors, lintSummary, lintWarnings, type Finding, type LintSettings } from "@charts/lint";
import { setupRenderer } from "@charts/render";
import type { ChartDefinition } from "@charts/specs";
import { buildChart, type BuiltChart } from "../build/buildChart.ts";
import { loadInputs } from "../build/loadInputs.ts";
import { display, LINKS_SETTING, loadConfig, parseSeed } from "../config.ts";

/**
 * `charts lint [slug...]`: every chart (or those named) built in memory as the
 * build builds it, at every breakpoint, light and dark, and checked against
 * the house rules (@charts/lint, settings under `lint` in charts.config.json);
 * nothing is published and the texts are not read. Prints a table of the
 * findings (chart, variant, rule, severity, element, measured, threshold; or
 * JSON with `--json`) and a count; a chart that does not build is a ✗ line
 * with its root cause. Exits 1 when a chart has a lint error or does not build.
 */
export async function lint(slugs: string[], options: { config?: string; seed?: string; json?: boolean }): Promise<void> {
  const config = loadConfig({ file: options.config });
  const seed = parseSeed(options.seed);
  const inputs = await loadInputs(config);
  const known = inputs.charts.map((chart) => chart.slug);
  for (const slug of slugs) if (!known.includes(slug)) throw new ChartsError(message.invalid(`the slug of a chart in ${display(config, config.charts)} (${known.join(", ")})`, slug), { field: "charts lint" });
  const charts = slugs.length ? inputs.charts.filter((chart) => slugs.includes(chart.slug)) : inputs.charts;

  await setupRenderer();
  const sources = Object.fromEntries(inputs.sources);
  const fontCache = new Map<string, string>();
  const findings: Finding[] = [];
  let failed = 0;
  for (const chart of charts) {
    try {
      if ("error" in chart) throw chart.error;
      const { definition } = chart;
      const file = display(config, chart.file);
      const cause = inputs.rootCause(definition, file);
      if (cause) throw cause;
      const built = await buildChart(definition, {
        file,
        datasets: inputs.datasets,
        sources,
        breakpoints: config.breakpoints,
        verification: undefined,
        limits: config.limits,
        render: { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed, fontCache },
      });
      findings.push(...lintChart(built, { definition, file, datasets: inputs.datasets, sources, settings: config.lint }));
    } catch (error) {
      failed++;
      console.error(`✗ ${chart.slug.padEnd(32)} ${error instanceof ChartsError ? error.message : String((error as Error).stack ?? error)}`);
    }
  }

  if (options.json) console.log(JSON.stringify(findings, null, 2));
  else {
    if (findings.length) console.log(formatFindings(findings));
    console.log(`${lintSummary(findings, charts.length - failed)}${failed ? `; ${failed} chart${failed === 1 ? "" : "s"} did not build` : ""}`);
  }
  if (failed || lintErrors(findings).length) process.exitCode = 1;
}

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
