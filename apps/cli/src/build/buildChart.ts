// Steps 3 and 4 of the build for one chart: its definition at every
// breakpoint, light and dark -> compiled Vega-Lite -> SVG (drawChart of
// @charts/render) -> PNG at 1x and 2x, with what publish needs of it.
import type { Dataset, SourceInfo } from "@charts/datasets";
import type { Limits } from "@charts/errors";
import type { ChartDefinition, CompiledChart } from "@charts/specs";
import { DEFAULT_VARIANT, drawChart, placeRenderError, svgToPng, type DrawnChart, type DrawnVariant, type RenderChartOptions } from "@charts/render";
import type { FigureProvenance, RenderedChart } from "@charts/publish";
import { rowKey } from "../commands/check.ts";

export { DEFAULT_VARIANT };

/**
 * A variant in the build's memory: what publish writes (its PNGs with the
 * drawing), and what the linter reads of the drawing (DrawnVariant).
 */
export type BuiltVariant = DrawnVariant & { png: Buffer; png2x: Buffer };

/** A chart as the build holds it before publishing. */
export interface BuiltChart extends RenderedChart {
  variants: BuiltVariant[];
}

/** A chart drawn at every variant, without PNGs (what `charts lint` reads). */
export type LintedChart = Omit<BuiltChart, "variants"> & { variants: DrawnVariant[] };

/** What buildChart needs besides the definition. */
export interface BuildContext {
  /** The definition's path as shown to users. */
  file: string;
  datasets: Map<string, Dataset>;
  sources: Record<string, SourceInfo>;
  /** The desk's breakpoints (charts.config.json). */
  breakpoints: number[];
  /** The checked sentence of each row (`dataset#row`, rowKey) the chart draws or cites; undefined when the texts were not there. */
  sentences: ReadonlyMap<string, string> | undefined;
  /** What a bad input may not exceed (charts.config.json `limits`). */
  limits: Limits;
  /** Render options: the datasets folder, links, seed, the cache folder (font subsets). */
  render: RenderChartOptions;
  /** Called with the milliseconds each step took (compile, render; rasterise: the time some PNG of the chart was being drawn), for the build's per-stage times. */
  time?: (stage: "compile" | "render" | "rasterise", ms: number) => void;
}

/**
 * A chart as drawChart draws it (every breakpoint, its own or the desk's,
 * light and dark; annotations that do not fit below the plot), each variant
 * rasterised at 1x and 2x as soon as it is drawn, while the next one renders;
 * with the words, rows, provenance and table publish writes. The `default`
 * variant's files keep the stable names (`<slug>.svg`, `<slug>.png`,
 * `<slug>@2x.png`) and its Vega-Lite is the chart's `<slug>.vl.json`.
 */
export async function buildChart(definition: ChartDefinition, context: BuildContext): Promise<BuiltChart> {
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
  const drawn = await drawChart(definition, context, async (variant, compiled): Promise<BuiltVariant> => {
    const [png, png2x] = await rasterising(() => Promise.all([svgToPng(variant.svg, 1, raster), svgToPng(variant.svg, 2, raster)])).catch((error: unknown) => {
      throw placeRenderError(error, compiled, context.datasets);
    });
    return { ...variant, png, png2x };
  });
  return withWords(drawn, context.sentences);
}

/**
 * The chart as buildChart draws it, every variant, without the PNGs: what the
 * linter reads (`charts lint`), for about half the CPU.
 */
export async function drawForLint(definition: ChartDefinition, context: BuildContext): Promise<LintedChart> {
  return withWords(await drawChart(definition, context), context.sentences);
}

/** The drawn variants with the chart's words, rows and table, from the default variant's compiled chart. */
function withWords<V extends DrawnVariant>({ compiled, variants }: DrawnChart<V>, sentences: ReadonlyMap<string, string> | undefined): Omit<BuiltChart, "variants"> & { variants: V[] } {
  const { meta } = compiled;
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
    datasets: compiled.datasets,
    texts: compiled.texts,
    provenance: provenanceOf(compiled, sentences),
    table: compiled.table,
  };
}

/** Provenance of every row the chart draws, with its sentence when the texts were checked. */
function provenanceOf(compiled: CompiledChart, sentences: ReadonlyMap<string, string> | undefined): FigureProvenance[] {
  return compiled.rows.map(({ dataset, row, provenance }) => ({
    dataset,
    row,
    source: provenance.source,
    figure: provenance.figure,
    status: provenance.status,
    ...(provenance.note ? { note: provenance.note } : {}),
    ...(provenance.formula ? { formula: provenance.formula } : {}),
    ...(sentences?.has(rowKey(dataset, row)) ? { sentence: sentences.get(rowKey(dataset, row))! } : {}),
  }));
}
