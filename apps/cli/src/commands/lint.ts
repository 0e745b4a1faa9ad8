import { ChartsError, message } from "@charts/errors";
import { formatFindings, lintChart, lintErrors, lintSummary, type Finding } from "@charts/lint";
import { setupRenderer } from "@charts/render";
import { buildChart } from "../build/buildChart.ts";
import { lintSettings } from "../build/lintSettings.ts";
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
  const settings = lintSettings(config);
  const inputs = await loadInputs(config);
  const known = inputs.charts.map((chart) => chart.slug);
  for (const slug of slugs) if (!known.includes(slug)) throw new ChartsError(message.invalid(`the slug of a chart in ${display(config, config.charts)} (${known.join(", ")})`, slug), { field: "charts lint" });
  const charts = slugs.length ? inputs.charts.filter((chart) => slugs.includes(chart.slug)) : inputs.charts;

  await setupRenderer();
  const sources = Object.fromEntries(inputs.sources);
  const findings: Finding[] = [];
  let failed = 0;
  for (const chart of charts) {
    try {
      const { definition, file } = inputs.usable(chart, (path) => display(config, path));
      const built = await buildChart(definition, {
        file,
        datasets: inputs.datasets,
        sources,
        breakpoints: config.breakpoints,
        verification: undefined,
        limits: config.limits,
        render: { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed, cacheDir: config.cache },
      });
      findings.push(...lintChart(built, { definition, file, datasets: inputs.datasets, sources, settings }));
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
