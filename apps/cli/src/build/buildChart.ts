// Steps 3 and 4 of the build for one chart: its definition at every
// breakpoint, light and dark -> compiled Vega-Lite -> SVG -> PNG at 1x and 2x.
import { ChartsError } from "@charts/errors";
import type { Dataset, SourceInfo } from "@charts/datasets";
import type { Limits } from "@charts/errors";
import { breakpointsOf, checkGlyphs, compileChart, resolveData, type ChartDefinition, type CompiledChart } from "@charts/specs";
import { dark, light, type Theme } from "@charts/theme";
import { renderChart, svgToPng, unfitAnnotations, type RenderChartOptions, type Scene, type TextBox } from "@charts/render";
import type { FigureProvenance, RenderedChart, RenderedVariant } from "@charts/publish";
import { rowKey, type Verification } from "../commands/check.ts";

/** The variant whose files keep the stable names the CMS uses (`<slug>.svg`): light, at the default width. */
export const DEFAULT_VARIANT = "default";

/**
 * A variant in the build's memory: what publish writes, and what a check of
 * the drawn chart reads (the linter): the text boxes and the scene (marks with
 * bounds and colours, axes with domains, the page colour), the annotations
 * drawn below the plot, Vega's warnings.
 */
export interface BuiltVariant extends RenderedVariant {
  png: Buffer;
  png2x: Buffer;
  vegaLite: string;
  boxes: TextBox[];
  scene: Scene;
  /** Indexes of the definition's annotations that did not fit in the plot at this width: drawn below it, or left out (value labels). */
  below: number[];
  warnings: string[];
}

/** A chart as the build holds it before publishing. */
export interface BuiltChart extends RenderedChart {
  variants: BuiltVariant[];
}

/** A variant drawn but not rasterised: what `charts lint` reads. */
export type DrawnVariant = Omit<BuiltVariant, "png" | "png2x">;

/** A chart drawn at every variant, without PNGs (drawChart). */
export type DrawnChart = Omit<BuiltChart, "variants"> & { variants: DrawnVariant[] };

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
  /** What a bad input may not exceed (charts.config.json `limits`). */
  limits: Limits;
  /** Render options: the datasets folder, links, seed, the cache folder (font subsets). */
  render: RenderChartOptions;
  /** Called with the milliseconds each step took (compile, render; rasterise: the time some PNG of the chart was being drawn), for the build's per-stage times. */
  time?: (stage: "compile" | "render" | "rasterise", ms: number) => void;
}

/**
 * A chart at each of its breakpoints (its own, else the desk's), light and
 * dark: compiled, rendered, rasterised. Every character it carries must be in
 * the bundled font (checkGlyphs, naming the definition path or the data.csv
 * row). At each width the light variant is drawn first; annotations whose
 * text does not fit (unfitAnnotations) are drawn below the plot instead, and
 * the light variant is drawn again; so it is when small multiples drew wider
 * than the chart (their axes' labels wider than the compiler estimates), with
 * panels narrower by the overflow. The dark variant has the light one's
 * layout (same type, same frame), so it takes the same annotations below. The
 * variant at the breakpoint nearest the theme's default width (640 px) is
 * `default` (stable names `<slug>.svg`, `<slug>.png`, `<slug>@2x.png`) and its
 * Vega-Lite is the chart's `<slug>.vl.json`; its dark twin is `dark`; the
 * others are named by width (`320`, `320-dark`).
 */
export function buildChart(definition: ChartDefinition, context: BuildContext): Promise<BuiltChart> {
  // a framed chart covers every pixel with the theme's opaque background: RGB PNGs
  const raster = { limits: context.limits, opaque: true };
  // The rasterise time is how long some PNG of the chart was being drawn: the PNGs of several variants are
  // drawn at once, in sharp's threads, so their own times would add up to several times the chart's.
  let drawing = 0;
  let since = 0;
  const rasterising = async <T>(work: () => Promise<T>): Promise<T> => {
    if (drawing++ === 0) since = performance.now();
    try {
      return await work();
    } finally {
      if (--drawing === 0) context.time?.("rasterise", performance.now() - since);
    }
  };
  return eachVariant(definition, context, async (variant, compiled) => {
    const [png, png2x] = await rasterising(() => Promise.all([svgToPng(variant.svg, 1, raster), svgToPng(variant.svg, 2, raster)])).catch((error: unknown) => {
      throw placed(error, compiled, context.datasets);
    });
    return { ...variant, png, png2x };
  });
}

/**
 * The chart as buildChart draws it, every variant, without the PNGs: what the
 * linter reads (`charts lint`), for about half the CPU.
 */
export function drawChart(definition: ChartDefinition, context: BuildContext): Promise<DrawnChart> {
  return eachVariant(definition, context, async (variant) => variant);
}

/** `work` timed as `stage` when the context keeps the time. */
function timed<T>(context: BuildContext, stage: "compile" | "render", work: () => T): T {
  if (!context.time) return work();
  const started = performance.now();
  const result = work();
  if (result instanceof Promise) return result.finally(() => context.time!(stage, performance.now() - started)) as T;
  context.time(stage, performance.now() - started);
  return result;
}

/** The variants, drawn in turn, each finished by `finish` (rasterised, or kept as drawn) while the next one is drawn. */
async function eachVariant<V extends DrawnVariant>(
  definition: ChartDefinition,
  context: BuildContext,
  finish: (variant: DrawnVariant, compiled: CompiledChart) => Promise<V>,
): Promise<Omit<BuiltChart, "variants"> & { variants: V[] }> {
  const { file, datasets, sources, breakpoints, verification, limits } = context;
  checkGlyphs(definition, resolveData(definition, datasets, file).dataset, file);
  const widths = breakpointsOf(definition, breakpoints);
  const main = widths.reduce((best, width) => (Math.abs(width - light.defaultWidth) < Math.abs(best - light.defaultWidth) ? width : best));
  const compile = (width: number, theme: Theme, below: number[], overflow = 0) =>
    timed(context, "compile", () => compileChart(definition, { file, datasets, sources, theme, width, below, breakpoints, limits, overflow }));
  // the 2x PNG is the largest render: its pixels are checked against limits.plotPixels before Vega and sharp
  const render: RenderChartOptions = { ...context.render, limits, scale: 2 };
  const draw = (compiled: CompiledChart, theme: Theme, name: string) =>
    timed(context, "render", () => renderChart(compiled.spec, { ...render, theme, name })).catch((error: unknown) => {
      throw placed(error, compiled, datasets);
    });
  const variant = (drawn: Awaited<ReturnType<typeof renderChart>>, compiled: CompiledChart, below: number[]): Promise<V> =>
    finish(
      {
        name: drawn.name,
        theme: drawn.theme,
        width: drawn.width,
        height: drawn.height,
        svg: drawn.svg,
        vegaLite: `${JSON.stringify(compiled.spec, null, 2)}\n`,
        boxes: drawn.boxes,
        scene: drawn.scene,
        below,
        warnings: drawn.warnings ?? [],
      },
      compiled,
    );

  let chart: CompiledChart | undefined;
  const pending: Array<Promise<V>> = [];
  const later = (finished: Promise<V>) => {
    // awaited below; if a later variant fails first, the chart fails with that error, not an unhandled rejection
    finished.catch(() => {});
    pending.push(finished);
  };
  for (const width of widths) {
    const name = width === main ? DEFAULT_VARIANT : String(width);
    let compiled = compile(width, light, []);
    let drawn = await draw(compiled, light, name);
    // small multiples whose axes came out wider than estimated: panels narrower by what they overflowed
    const overflow = Math.max(0, Math.ceil(drawn.width - width));
    if (overflow) {
      compiled = compile(width, light, [], overflow);
      drawn = await draw(compiled, light, name);
    }
    let below: number[] = [];
    const unfit = unfitAnnotations(drawn);
    // labels and labelled ranges move below the plot, value labels are left out at this width (notesBelow)
    const moved = unfit.length ? compile(width, light, unfit, overflow) : undefined;
    if (moved?.meta.below?.length || moved?.meta.omitted?.length) {
      below = unfit;
      compiled = moved;
      drawn = await draw(compiled, light, name);
    }
    if (width === main) chart = compiled;
    later(variant(drawn, compiled, below));
    const darkName = width === main ? "dark" : `${width}-dark`;
    const darkCompiled = compile(width, dark, below, overflow);
    later(variant(await draw(darkCompiled, dark, darkName), darkCompiled, below));
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
    ...(verification?.sentences.has(rowKey(dataset, row)) ? { sentence: verification.sentences.get(rowKey(dataset, row))! } : {}),
  }));
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
