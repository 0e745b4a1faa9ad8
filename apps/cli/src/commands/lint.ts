import { ChartsError, message } from "@charts/errors";
import { formatFindings, lintErrors, lintSummary, type Finding } from "@charts/lint";
import { fromWire, type LintResult } from "../build/chartJob.ts";
import { lintSettings } from "../build/lintSettings.ts";
import { loadInputs } from "../build/loadInputs.ts";
import { progress } from "../build/progress.ts";
import { jobOf, renderPool } from "../build/renderPool.ts";
import { display, loadConfig, parseNow, parseSeed } from "../config.ts";

/**
 * `charts lint [slug...]`: every chart (or those named) drawn in memory as the
 * build draws it, at every breakpoint, light and dark, and checked against
 * the house rules (@charts/lint, settings under `lint` in charts.config.json);
 * nothing is rasterised or published and the texts are not read. The charts
 * are drawn in the build's render workers, one per core. Prints a table of
 * the findings (chart, variant, rule, severity, element, measured, threshold;
 * or JSON with `--json`), in the charts' order, and a count; a chart that does
 * not build is a ✗ line with its root cause. On a terminal a bar shows the
 * charts drawn so far (stderr); elsewhere nothing comes before the table.
 * Exits 1 when a chart has a lint error or does not build.
 */
export async function lint(slugs: string[], options: { config?: string; seed?: string; json?: boolean }): Promise<void> {
  const config = loadConfig({ file: options.config });
  const seed = parseSeed(options.seed);
  // now() in chart expressions, as the build has it: SOURCE_DATE_EPOCH, else the time the lint started
  const now = parseNow(undefined)?.getTime() ?? Date.now();
  const settings = lintSettings(config);
  const inputs = await loadInputs(config);
  const known = inputs.charts.map((chart) => chart.slug);
  for (const slug of slugs) if (!known.includes(slug)) throw new ChartsError(message.invalid(`the slug of a chart in ${display(config, config.charts)} (${known.join(", ")})`, slug), { field: "charts lint" });
  const charts = slugs.length ? inputs.charts.filter((chart) => slugs.includes(chart.slug)) : inputs.charts;

  const sourceRecord = Object.fromEntries(inputs.sources);
  const pool = renderPool<LintResult>(config);
  // the build's bar on a terminal; its one line per chart elsewhere would mix with the table (or the JSON)
  const bar = progress({ lines: false });
  bar.start(charts.length);
  let results: Array<Finding[] | Error>;
  try {
    results = await Promise.all(
      charts.map(async (chart): Promise<Finding[] | Error> => {
        try {
          const { definition, file } = inputs.usable(chart, (path) => display(config, path));
          const job = jobOf(definition, file, { datasets: inputs.datasets, sourceRecord, verification: undefined, config, seed, now, lint: settings });
          const result = await pool.run({ ...job, mode: "lint" });
          bar.done(`✓ ${chart.slug}`);
          return "error" in result ? fromWire(result.error) : result.findings;
        } catch (error) {
          return error as Error;
        }
      }),
    );
  } finally {
    bar.stop();
    await pool.close();
  }
  const findings: Finding[] = [];
  let failed = 0;
  charts.forEach((chart, i) => {
    const result = results[i]!;
    if (Array.isArray(result)) return findings.push(...result);
    failed++;
    console.error(`✗ ${chart.slug.padEnd(32)} ${result instanceof ChartsError ? result.message : String(result.stack ?? result)}`);
  });

  if (options.json) console.log(JSON.stringify(findings, null, 2));
  else {
    if (findings.length) console.log(formatFindings(findings));
    console.log(`${lintSummary(findings, charts.length - failed)}${failed ? `; ${failed} chart${failed === 1 ? "" : "s"} did not build` : ""}`);
  }
  if (failed || lintErrors(findings).length) process.exitCode = 1;
}
