import { existsSync } from "node:fs";
import { ChartsError, message } from "@charts/errors";
import type { Dataset, SourceInfo } from "@charts/datasets";
import { rendererVersions, setupRenderer } from "@charts/render";
import { publish, type FailedChart } from "@charts/publish";
import cli from "../../package.json" with { type: "json" };
import { buildChart, DEFAULT_VARIANT, type BuiltChart } from "../build/buildChart.ts";
import { datasetNames, loadInputs } from "../build/loadInputs.ts";
import { display, LINKS_SETTING, loadConfig, parseSeed, type Config } from "../config.ts";
import { verify, type Verification } from "./check.ts";
import { lintBuilt } from "./lint.ts";

/**
 * `charts` / `charts build`, the desk's main job:
 *   1. load    datasets, sources and chart definitions, each on its own: what does not load is kept with its error
 *   2. verify  every dataset figure against its source text (skipped, loudly, without the texts)
 *   3. compile definition + datasets + house theme -> validated Vega-Lite, at every breakpoint, light and
 *      dark; glyphs checked
 *   4. render  Vega-Lite -> Vega -> SVG -> PNG at 1x and 2x; annotations that do not fit at a width are
 *      drawn below the plot there (buildChart)
 *      lint    every variant against the house rules (lintBuilt, @charts/lint): a lint error fails the chart
 *      like any error; warnings are printed and counted in the summary
 *   5. publish everything that built, atomically, with the renderers' versions; failed charts keep their
 *      last good version; a damaged published release is published past, with a warning
 * A bad input fails only the charts that use it: a dataset the charts that draw or cite it, a sources.json
 * entry the charts whose rows cite its text, a definition its own chart. One line per chart (✓, or ✗ with
 * the root cause), errors of inputs no chart uses, then a summary naming every failure; exits non-zero
 * when anything failed. Renders read files only under the datasets folder, keep http(s) links unless
 * charts.config.json says `"allowLinks": false`, draw random numbers from `--seed`, and stay within `limits`.
 */
export async function build(options: { texts?: string; config?: string; out?: string; seed?: string; allowUnchecked?: boolean }): Promise<void> {
  const started = performance.now();
  const config = loadConfig({ file: options.config, texts: options.texts, out: options.out });
  const seed = parseSeed(options.seed);
  const { limits } = config;

  // 1. load
  const inputs = await loadInputs(config);
  const { datasets, sources } = inputs;

  // 2. verify
  // without a sources.json to read, every chart fails on it: the check only looks at the figures
  const verification = await verifyIfPossible(config, datasets, inputs.sourcesError ? undefined : sources);

  // 3-4. compile and render each chart; one failure does not stop the others
  await setupRenderer();
  const sourceRecord = Object.fromEntries(sources);
  // font subsets by the characters drawn: a chart's light and dark variants share theirs
  const fontCache = new Map<string, string>();
  const charts: BuiltChart[] = [];
  const failed: FailedChart[] = [];
  let lintWarnings = 0;
  for (const chart of inputs.charts) {
    const chartStart = performance.now();
    try {
      if ("error" in chart) throw chart.error;
      const { definition } = chart;
      const file = display(config, chart.file);
      const cause = inputs.rootCause(definition, file);
      if (cause) throw cause;
      assertVerified(datasetNames(definition), verification);
      const built = await buildChart(definition, {
        file,
        datasets,
        sources: sourceRecord,
        breakpoints: config.breakpoints,
        verification,
        limits,
        render: { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed, fontCache },
      });
      // lint: a chart with a lint error throws here and is not handed to publish
      const warnings = lintBuilt(built, { definition, file, datasets, sources: sourceRecord, settings: config.lint });
      charts.push(built);
      const main = built.variants.find((variant) => variant.name === DEFAULT_VARIANT)!;
      const widths = [...new Set(built.variants.map((variant) => variant.width))].join(", ");
      console.log(
        `✓ ${built.slug.padEnd(32)} ${main.width}×${main.height}  ${built.variants.length} variants (${widths} px, light and dark)  ${Math.round(performance.now() - chartStart)} ms`,
      );
      for (const warning of warnings) console.warn(warning);
      lintWarnings += warnings.length;
    } catch (error) {
      const text = error instanceof ChartsError ? error.message : String((error as Error).stack ?? error);
      failed.push({ slug: chart.slug, error: text });
      console.error(`✗ ${chart.slug.padEnd(32)} ${text}`);
    }
  }

  // inputs that failed and that no chart uses: a dataset (that does not load, or whose figures do not match), a sources.json entry
  const used = inputs.usedDatasets();
  const cited = new Set([...used].flatMap((name) => datasets.get(name)?.rows.map((row) => row.provenance.source) ?? []));
  const unused = [
    ...[...inputs.failedDatasets].filter(([name]) => !used.has(name)).map(([name, error]) => ({ what: `dataset ${name}`, error })),
    ...[...(verification?.failing ?? [])].filter(([name]) => !used.has(name)).map(([name, errors]) => ({ what: `dataset ${name}`, error: errors[0]! })),
    ...[...inputs.failedSources].filter(([id]) => !cited.has(id)).map(([id, error]) => ({ what: `sources.json entry ${id}`, error })),
  ];
  for (const { error } of unused) console.error(`error: ${error.message}`);

  // 5. publish
  const published = await publish({
    outDir: config.out,
    charts,
    failed,
    toolVersion: cli.version,
    renderers: await rendererVersions(),
    ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
  });
  for (const warning of published.warnings) console.warn(`! ${warning}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const names = failed.length ? ` (${failed.map((f) => f.slug).join(", ")})` : "";
  const also = unused.length ? `; ${[...new Set(unused.map((u) => u.what))].join(", ")} also failed, used by no chart` : "";
  const linted = lintWarnings ? `; ${lintWarnings} lint warning${lintWarnings === 1 ? "" : "s"}` : "";
  const summary = `${charts.length} chart${charts.length === 1 ? "" : "s"} built, ${failed.length} failed${names}${also} in ${seconds} s -> ${display(config, config.out)}${linted}`;
  // A build that could not check its figures must not look like a normal one.
  console.log(verification ? summary : `${summary}. ${message.uncheckedBuild(display(config, config.texts))}`);
  if (failed.length || unused.length) process.exitCode = 1;
  else if (!verification && !options.allowUnchecked) process.exitCode = 3;
}

async function verifyIfPossible(
  config: Config,
  datasets: Map<string, Dataset>,
  sources: Map<string, SourceInfo> | undefined,
): Promise<Verification | undefined> {
  if (!existsSync(config.texts)) {
    console.warn(`! ${message.buildingUnchecked(config.texts)}`);
    return undefined;
  }
  const verification = await verify(config, datasets, sources);
  const bad = verification.errors.length;
  // the errors themselves are printed as the root cause on the line of each chart drawing their dataset, or at the end
  console.log(
    `${bad ? "✗" : "✓"} ${verification.verified.length + bad} figures checked against ${display(config, config.texts)}` +
      (bad ? `, ${bad} failed the check` : ""),
  );
  return verification;
}

/** A chart drawing on a dataset whose figures the texts do not support must not be published: the first such figure is the cause. */
function assertVerified(names: string[], verification: Verification | undefined): void {
  for (const name of names) {
    const errors = verification?.failing.get(name);
    if (!errors?.length) continue;
    if (errors.length === 1) throw errors[0];
    const [first] = errors;
    throw new ChartsError(first!.detail + message.moreCheckErrors(errors.length - 1, name), first!.where, { cause: first });
  }
}
