import { existsSync } from "node:fs";
import { ChartsError, message } from "@charts/errors";
import { loadDatasets, loadSources, type Dataset, type SourceInfo } from "@charts/datasets";
import { breakpointsOf, compileChart, loadChartDefinitions, type ChartDefinition, type CompiledChart } from "@charts/specs";
import { dark, light, type Theme } from "@charts/theme";
import {
  renderChart,
  rendererVersions,
  setupRenderer,
  svgToPng,
  unfitAnnotations,
  type RenderChartOptions,
  type Scene,
  type TextBox,
} from "@charts/render";
import { publish, type FailedChart, type FigureProvenance, type RenderedChart, type RenderedVariant } from "@charts/publish";
import cli from "../../package.json" with { type: "json" };
import { display, LINKS_SETTING, loadConfig, parseSeed, type Config } from "../config.ts";
import { rowKey, verify, type Verification } from "./check.ts";

/**
 * `charts` / `charts build`, the desk's main job:
 *   1. load    datasets, sources and chart definitions
 *   2. verify  every dataset figure against its source text (skipped, loudly, without the texts)
 *   3. compile definition + datasets + house theme -> validated Vega-Lite, at every breakpoint, light and dark
 *   4. render  Vega-Lite -> Vega -> SVG -> PNG at 1x and 2x; annotations that do not fit at a width are
 *      drawn below the plot there (buildChart)
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
  // font subsets by the characters drawn: a chart's light and dark variants share theirs
  const fontCache = new Map<string, string>();
  const charts: BuiltChart[] = [];
  const failed: FailedChart[] = [];
  for (const { file, definition } of definitions) {
    const chartStart = performance.now();
    try {
      const chart = await buildChart(definition, {
        file: display(config, file),
        datasets,
        sources: sourceRecord,
        breakpoints: config.breakpoints,
        verification,
        render: { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed, fontCache },
      });
      charts.push(chart);
      const main = chart.variants.find((variant) => variant.name === DEFAULT_VARIANT)!;
      const widths = [...new Set(chart.variants.map((variant) => variant.width))].join(", ");
      console.log(
        `✓ ${chart.slug.padEnd(32)} ${main.width}×${main.height}  ${chart.variants.length} variants (${widths} px, light and dark)  ${Math.round(performance.now() - chartStart)} ms`,
      );
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

/** The variant whose files keep the stable names the CMS uses (`<slug>.svg`): light, at the default width. */
const DEFAULT_VARIANT = "default";

/**
 * A variant in the build's memory: what publish writes, and what a check of
 * the drawn chart reads (the linter to come): the text boxes and the scene
 * (marks with bounds and colours, axes with domains, the page colour), the
 * annotations drawn below the plot, Vega's warnings.
 */
export interface BuiltVariant extends RenderedVariant {
  vegaLite: string;
  boxes: TextBox[];
  scene: Scene;
  /** Indexes of the definition's annotations drawn below the plot at this width. */
  below: number[];
  warnings: string[];
}

/** A chart as the build holds it before publishing. */
export interface BuiltChart extends RenderedChart {
  variants: BuiltVariant[];
}

/** What buildChart needs besides the definition. */
export interface BuildContext {
  /** The definition's path as shown to users. */
  file: string;
  datasets: Map<string, Dataset>;
  sources: Record<string, SourceInfo>;
  /** The desk's breakpoints (charts.config.json). */
  breakpoints: number[];
  /** The figure check of this build; undefined when the texts were not there. */
  verification: Verification | undefined;
  /** Render options: the datasets folder, links, seed, the run's font cache. */
  render: RenderChartOptions;
}

/**
 * A chart at each of its breakpoints (its own, else the desk's), light and
 * dark: compiled, rendered, rasterised. At each width the light variant is
 * drawn first; annotations whose text does not fit (unfitAnnotations) are
 * drawn below the plot instead, and the light variant is drawn again. The
 * dark variant has the light one's layout (same type, same frame), so it
 * takes the same annotations below. The variant at the breakpoint nearest
 * the theme's default width (640 px) is `default` (stable names `<slug>.svg`,
 * `<slug>.png`, `<slug>@2x.png`) and its Vega-Lite is the chart's `<slug>.vl.json`;
 * its dark twin is `dark`; the others are named by width (`320`, `320-dark`).
 */
export async function buildChart(definition: ChartDefinition, context: BuildContext): Promise<BuiltChart> {
  const { file, datasets, sources, breakpoints, verification } = context;
  const widths = breakpointsOf(definition, breakpoints);
  const main = widths.reduce((best, width) => (Math.abs(width - light.defaultWidth) < Math.abs(best - light.defaultWidth) ? width : best));
  const compile = (width: number, theme: Theme, below: number[]) =>
    compileChart(definition, { file, datasets, sources, theme, width, below, breakpoints });
  const draw = (compiled: CompiledChart, theme: Theme, name: string) =>
    renderChart(compiled.spec, { ...context.render, theme, name }).catch((error: unknown) => {
      throw placed(error, file);
    });

  let chart: CompiledChart | undefined;
  const pending: Array<Promise<BuiltVariant>> = [];
  const later = (variant: Promise<BuiltVariant>) => {
    // awaited below; if a later variant fails first, the chart fails with that error, not an unhandled rejection
    variant.catch(() => {});
    pending.push(variant);
  };
  for (const width of widths) {
    const name = width === main ? DEFAULT_VARIANT : String(width);
    let compiled = compile(width, light, []);
    assertVerified(compiled, verification);
    let drawn = await draw(compiled, light, name);
    let below: number[] = [];
    const unfit = unfitAnnotations(drawn);
    // only labels and labelled ranges move (notesBelow); a value label that clashes stays for the linter to see
    const moved = unfit.length ? compile(width, light, unfit) : undefined;
    if (moved?.meta.below?.length) {
      below = unfit;
      compiled = moved;
      drawn = await draw(compiled, light, name);
    }
    if (width === main) chart = compiled;
    later(rasterise(drawn, compiled, below));
    const darkName = width === main ? "dark" : `${width}-dark`;
    const darkCompiled = compile(width, dark, below);
    later(rasterise(await draw(darkCompiled, dark, darkName), darkCompiled, below));
  }
  // PNGs are drawn by sharp off the main thread while the next variant renders
  const variants = await Promise.all(pending);
  const { meta } = chart!;
  return {
    slug: meta.slug,
    headline: meta.headline,
    dek: meta.dek,
    alt: meta.alt,
    source: meta.source,
    notes: meta.notes,
    byline: meta.byline,
    locale: meta.locale,
    vegaLite: variants.find((variant) => variant.name === DEFAULT_VARIANT)!.vegaLite,
    variants,
    datasets: chart!.datasets,
    texts: chart!.texts,
    provenance: provenanceOf(chart!, verification),
    table: chart!.table,
  };
}

async function rasterise(drawn: Awaited<ReturnType<typeof renderChart>>, compiled: CompiledChart, below: number[]): Promise<BuiltVariant> {
  const [png, png2x] = await Promise.all([svgToPng(drawn.svg, 1), svgToPng(drawn.svg, 2)]);
  return {
    name: drawn.name,
    theme: drawn.theme,
    width: drawn.width,
    height: drawn.height,
    svg: drawn.svg,
    png,
    png2x,
    vegaLite: `${JSON.stringify(compiled.spec, null, 2)}\n`,
    boxes: drawn.boxes,
    scene: drawn.scene,
    below,
    warnings: drawn.warnings ?? [],
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
