import { existsSync } from "node:fs";
import { ChartsError, message } from "@charts/errors";
import { loadDatasets, loadSources, type Dataset, type SourceInfo } from "@charts/datasets";
import { checkGlyphs, compileChart, loadChartDefinitions, resolveCites, resolveData, slugOf, type ChartDefinition, type CompiledChart } from "@charts/specs";
import { light } from "@charts/theme";
import { renderChart, rendererVersions, setupRenderer, svgToPng, type RenderChartOptions } from "@charts/render";
import { publish, type FailedChart, type FigureProvenance, type RenderedChart } from "@charts/publish";
import cli from "../../package.json" with { type: "json" };
import { display, LINKS_SETTING, loadConfig, parseSeed, type Config } from "../config.ts";
import { rowKey, verify, type Verification } from "./check.ts";

/**
 * `charts` / `charts build`, the desk's main job:
 *   1. load    datasets, sources and chart definitions, each on its own: what does not load is kept with its error
 *   2. verify  every dataset figure against its source text (skipped, loudly, without the texts)
 *   3. compile definition + datasets + house theme -> validated Vega-Lite; glyphs checked
 *   4. render  Vega-Lite -> Vega -> SVG -> PNG at 1x and 2x
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
  const charts: RenderedChart[] = [];
  const failed: FailedChart[] = [];
  for (const chart of inputs.charts) {
    const chartStart = performance.now();
    try {
      if ("error" in chart) throw chart.error;
      const { definition } = chart;
      const file = display(config, chart.file);
      const cause = inputs.rootCause(definition, file);
      if (cause) throw cause;
      assertVerified(datasetNames(definition), verification);
      const compiled = compileChart(definition, { file, datasets, sources: sourceRecord, theme: light, limits });
      checkGlyphs(definition, resolveData(definition, datasets, file).dataset, file);
      const rendered = await renderCompiled(compiled, verification, { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed, limits, scale: 2 }, datasets);
      charts.push(rendered);
      const { width, height } = rendered.variants[0]!;
      console.log(`✓ ${rendered.slug.padEnd(32)} ${width}×${height}  ${Math.round(performance.now() - chartStart)} ms`);
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
  const summary = `${charts.length} chart${charts.length === 1 ? "" : "s"} built, ${failed.length} failed${names}${also} in ${seconds} s -> ${display(config, config.out)}`;
  // A build that could not check its figures must not look like a normal one.
  console.log(verification ? summary : `${summary}. ${message.uncheckedBuild(display(config, config.texts))}`);
  if (failed.length || unused.length) process.exitCode = 1;
  else if (!verification && !options.allowUnchecked) process.exitCode = 3;
}

/** A chart to build: its definition, or the error that kept it from loading (named by its file). */
type ChartInput = { file: string; slug: string; definition: ChartDefinition } | { file: string; slug: string; error: ChartsError };

/**
 * Step 1: every input loaded on its own. What fails is kept, by name, with its
 * error; `rootCause` says which of them a chart depends on: a dataset it draws
 * or cites, sources.json itself, or the entry of a text its rows cite.
 */
async function loadInputs(config: Config) {
  const { root, limits } = config;
  const failedDatasets = new Map<string, ChartsError>();
  const datasets = await loadDatasets(config.datasets, { root, limits, onError: (error, name) => failedDatasets.set(name, error) });
  const failedSources = new Map<string, ChartsError>();
  let sources = new Map<string, SourceInfo>();
  let sourcesError: ChartsError | undefined;
  try {
    sources = await loadSources(config.sources, { root, limits, onError: (error, id) => failedSources.set(id, error) });
  } catch (error) {
    if (!(error instanceof ChartsError)) throw error;
    sourcesError = error;
  }
  const charts: ChartInput[] = [];
  const definitions = await loadChartDefinitions(config.charts, {
    root,
    limits,
    onError: (error, file) => charts.push({ file, slug: slugOf(file), error }),
  });
  for (const { file, definition } of definitions) charts.push({ file, slug: definition.slug, definition });
  charts.sort((a, b) => (a.file < b.file ? -1 : 1));

  const rootCause = (definition: ChartDefinition, file: string): ChartsError | undefined => {
    for (const name of datasetNames(definition)) if (failedDatasets.has(name)) return failedDatasets.get(name);
    if (sourcesError) return sourcesError;
    if (!failedSources.size) return undefined;
    let drawn: Dataset[];
    try {
      drawn = [resolveData(definition, datasets, file).dataset, ...resolveCites(definition, datasets, file)];
    } catch {
      return undefined; // compileChart names the problem
    }
    for (const dataset of drawn) {
      for (const row of dataset.rows) if (failedSources.has(row.provenance.source)) return failedSources.get(row.provenance.source);
    }
    return undefined;
  };
  /** The datasets the charts that loaded draw or cite. */
  const usedDatasets = () => new Set(definitions.flatMap(({ definition }) => datasetNames(definition)));
  return { datasets, sources, sourcesError, charts, failedDatasets, failedSources, rootCause, usedDatasets };
}

/** The datasets a definition draws (`data`) and cites, by name. */
function datasetNames(definition: ChartDefinition): string[] {
  return [definition.data, ...(definition.cites ?? [])].map((ref) => (typeof ref === "string" ? ref : ref.dataset));
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

async function renderCompiled(compiled: CompiledChart, verification: Verification | undefined, options: RenderChartOptions, datasets: Map<string, Dataset>): Promise<RenderedChart> {
  const { svg, width, height } = await renderChart(compiled.spec, options).catch((error: unknown) => {
    throw placed(error, compiled, datasets);
  });
  const [png, png2x] = await Promise.all([svgToPng(svg, 1, options), svgToPng(svg, 2, options)]).catch((error: unknown) => {
    throw placed(error, compiled, datasets);
  });
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
 * A render error (a refused image or link, a font, a size) placed in the
 * chart's definition file; its JSON path is in the compiled spec, as validate
 * names it (`compiled.encoding.url.value`). A value of the inlined data
 * (`data.values[3].partner`) is placed in its dataset's data.csv, row and column.
 */
function placed(error: unknown, compiled: CompiledChart, datasets: Map<string, Dataset>): unknown {
  if (!(error instanceof ChartsError) || error.where.file) return error;
  const cell = /^data\.values\[(\d+)\]\.([A-Za-z_]\w*)$/.exec(error.where.field ?? "");
  const row = cell ? compiled.rows[Number(cell[1])] : undefined;
  const dataFile = row ? datasets.get(row.dataset)?.dataFile : undefined;
  if (cell && row && dataFile) return error.at({ file: dataFile, row: row.row, field: cell[2] });
  const field = error.where.field ? `compiled${error.where.field.startsWith("[") ? "" : "."}${error.where.field}` : undefined;
  return error.at({ ...error.where, file: compiled.file, ...(field ? { field } : {}) });
}
