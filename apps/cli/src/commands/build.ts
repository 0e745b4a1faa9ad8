import { existsSync } from "node:fs";
import { ChartsError, message } from "@charts/errors";
import { loadDatasets, loadSources, type Dataset, type SourceInfo } from "@charts/datasets";
import { compileChart, loadChartDefinitions, type CompiledChart } from "@charts/specs";
import { light } from "@charts/theme";
import { renderChart, rendererVersions, setupRenderer, svgToPng, type RenderChartOptions } from "@charts/render";
import { publish, type FailedChart, type FigureProvenance, type RenderedChart } from "@charts/publish";
import cli from "../../package.json" with { type: "json" };
import { display, LINKS_SETTING, loadConfig, parseSeed, type Config } from "../config.ts";
import { rowKey, verify, type Verification } from "./check.ts";

/**
 * `charts` / `charts build`, the desk's main job:
 *   1. load    datasets, sources and chart definitions
 *   2. verify  every dataset figure against its source text (skipped, loudly, without the texts)
 *   3. compile definition + datasets + house theme -> validated Vega-Lite
 *   4. render  Vega-Lite -> Vega -> SVG -> PNG at 1x and 2x
 *   5. publish everything that built, atomically, with the renderers' versions; failed charts keep their
 *      last good version; a damaged published release is published past, with a warning
 * Exits non-zero when any chart failed. Renders read files only under the datasets folder, keep http(s)
 * links unless charts.config.json says `"allowLinks": false`, and draw random numbers from `--seed`.
 */
export async function build(options: { texts?: string; config?: string; out?: string; seed?: string; allowUnchecked?: boolean }): Promise<void> {
  const started = performance.now();
  const config = loadConfig({ file: options.config, texts: options.texts, out: options.out });
  const seed = parseSeed(options.seed);

  // 1. load
  const datasets = await loadDatasets(config.datasets, { root: config.root });
  const sources = await loadSources(config.sources, { root: config.root });
  const definitions = await loadChartDefinitions(config.charts);

  // 2. verify
  const verification = await verifyIfPossible(config, datasets, sources);

  // 3-4. compile and render each chart; one failure does not stop the others
  await setupRenderer();
  const sourceRecord = Object.fromEntries(sources);
  const charts: RenderedChart[] = [];
  const failed: FailedChart[] = [];
  for (const { file, definition } of definitions) {
    const chartStart = performance.now();
    try {
      const compiled = compileChart(definition, { file: display(config, file), datasets, sources: sourceRecord, theme: light });
      assertVerified(compiled, verification);
      const chart = await renderCompiled(compiled, verification, { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed });
      charts.push(chart);
      const { width, height } = chart.variants[0]!;
      console.log(`✓ ${chart.slug.padEnd(32)} ${width}×${height}  ${Math.round(performance.now() - chartStart)} ms`);
    } catch (error) {
      const message = error instanceof ChartsError ? error.message : String((error as Error).stack ?? error);
      failed.push({ slug: definition.slug, error: message });
      console.error(`✗ ${definition.slug.padEnd(32)} ${message}`);
    }
  }

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
  const summary = `${charts.length} chart${charts.length === 1 ? "" : "s"} built, ${failed.length} failed in ${seconds} s -> ${display(config, config.out)}`;
  // A build that could not check its figures must not look like a normal one.
  console.log(verification ? summary : `${summary}. ${message.uncheckedBuild(display(config, config.texts))}`);
  if (failed.length) process.exitCode = 1;
  else if (!verification && !options.allowUnchecked) process.exitCode = 3;
}

async function verifyIfPossible(
  config: Config,
  datasets: Map<string, Dataset>,
  sources: Map<string, SourceInfo>,
): Promise<Verification | undefined> {
  if (!existsSync(config.texts)) {
    console.warn(
      `! the source texts are not at ${config.texts}: building from the committed datasets without checking their figures (pass --texts DIR or set CHARTS_TEXTS)`,
    );
    return undefined;
  }
  const verification = await verify(config, datasets, sources);
  for (const error of verification.errors) console.error(`error: ${error.message}`);
  console.log(
    `${verification.errors.length ? "✗" : "✓"} ${verification.verified.length} figures checked against ${display(config, config.texts)}` +
      (verification.errors.length ? `, ${verification.errors.length} no longer match` : ""),
  );
  return verification;
}

/** A chart drawing on a dataset whose figures the texts no longer support must not be published. */
function assertVerified(compiled: CompiledChart, verification: Verification | undefined): void {
  for (const name of compiled.datasets) {
    const errors = verification?.failing.get(name);
    if (errors?.length) {
      throw new ChartsError(`dataset ${name} failed its check against the texts (${errors.length} figure${errors.length === 1 ? "" : "s"}): ${errors[0]!.message}`, { file: compiled.file });
    }
  }
}

async function renderCompiled(compiled: CompiledChart, verification: Verification | undefined, options: RenderChartOptions): Promise<RenderedChart> {
  const { svg, width, height } = await renderChart(compiled.spec, options).catch((error: unknown) => {
    throw placed(error, compiled.file);
  });
  const [png, png2x] = await Promise.all([svgToPng(svg, 1), svgToPng(svg, 2)]);
  const { meta } = compiled;
  return {
    slug: meta.slug,
    headline: meta.headline,
    dek: meta.dek,
    alt: meta.alt,
    source: meta.source,
    notes: meta.notes,
    byline: meta.byline,
    vegaLite: `${JSON.stringify(compiled.spec, null, 2)}\n`,
    variants: [{ name: "default", theme: "light", width, height, svg, png, png2x }],
    datasets: compiled.datasets,
    texts: compiled.texts,
    provenance: provenanceOf(compiled, verification),
  };
}

/** Provenance of every row the chart draws, with its sentence when the texts were checked. */
function provenanceOf(compiled: CompiledChart, verification: Verification | undefined): FigureProvenance[] {
  return compiled.rows.map(({ dataset, row, provenance }) => ({
    dataset,
    row,
    source: provenance.source,
    figure: provenance.figure,
    status: provenance.status,
    ...(provenance.note ? { note: provenance.note } : {}),
    ...(provenance.formula ? { formula: provenance.formula } : {}),
    ...withSentence(verification?.sentences.get(rowKey(dataset, row))),
  }));
}

function withSentence(sentence: string | undefined): { sentence?: string } {
  return sentence === undefined ? {} : { sentence };
}

/**
 * A render error (a refused image or link, a font) placed in the chart's
 * definition file; its JSON path is in the compiled spec, as validate names it
 * (`compiled.encoding.url.value`).
 */
function placed(error: unknown, file: string): unknown {
  if (!(error instanceof ChartsError) || error.where.file) return error;
  const own = error.message.slice(new ChartsError("", error.where).message.length);
  const field = error.where.field ? `compiled${error.where.field.startsWith("[") ? "" : "."}${error.where.field}` : undefined;
  return new ChartsError(own, { ...error.where, file, ...(field ? { field } : {}) }, { cause: error });
}
