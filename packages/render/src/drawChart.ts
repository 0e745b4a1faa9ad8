// A chart definition drawn as the build draws it, at every breakpoint, light
// and dark: compiled (@charts/specs), rendered, its annotations that do not
// fit moved below the plot. The build rasterises each variant as it comes
// (apps/cli buildChart); `charts lint` and the linter's tests read the
// drawings as they are.
import type { Dataset, SourceInfo } from "@charts/datasets";
import { ChartsError, type Limits } from "@charts/errors";
import { breakpointsOf, checkGlyphs, compileChart, resolveData, type ChartDefinition, type CompiledChart } from "@charts/specs";
import { dark, light, type Theme } from "@charts/theme";
import { renderChart, type RenderChartOptions, type RenderedChartSvg } from "./renderChart.ts";
import type { Scene, TextBox } from "./types.ts";
import { unfitAnnotations } from "./unfitAnnotations.ts";

/** The variant whose files keep the stable names the CMS uses (`<slug>.svg`): light, at the default width. */
export const DEFAULT_VARIANT = "default";

/**
 * One size and theme of a chart as drawn: its SVG and Vega-Lite, and what a
 * check of the drawing reads (the linter): the text boxes and the scene
 * (marks with bounds and colours, axes with domains, the page colour), the
 * annotations drawn below the plot, Vega's warnings.
 */
export interface DrawnVariant {
  /** `default`, `dark`, `320`, `320-dark`... */
  name: string;
  theme: Theme["name"];
  width: number;
  height: number;
  svg: string;
  /** The compiled Vega-Lite, as published (`<slug>-320.vl.json`). */
  vegaLite: string;
  boxes: TextBox[];
  scene: Scene;
  /** Indexes of the definition's annotations that did not fit in the plot at this width: drawn below it, or left out (value labels). */
  below: number[];
  warnings: string[];
}

/** What drawChart needs besides the definition. */
export interface DrawChartOptions {
  /** The definition's path as shown to users. */
  file: string;
  datasets: Map<string, Dataset>;
  sources: Record<string, SourceInfo>;
  /** The desk's breakpoints (charts.config.json); a definition's own replace them. */
  breakpoints: number[];
  /** What a bad input may not exceed (charts.config.json `limits`; default DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** Render options: the datasets folder, links, seed, the cache folder (font subsets). */
  render?: RenderChartOptions;
  /** The themes drawn at each width, the first one's layout deciding what goes below the plot. Default light and dark; tests draw fewer. */
  themes?: Theme[];
  /** Called with the milliseconds each step took, for the build's per-stage times. */
  time?: (stage: "compile" | "render", ms: number) => void;
}

/** The drawn variants (or what `finish` made of each), and the compiled chart of the default variant (its words, rows, table). */
export interface DrawnChart<V> {
  compiled: CompiledChart;
  variants: V[];
}

/**
 * A chart at each of its breakpoints (its own, else the desk's), light and
 * dark. Every character it carries must be in the bundled font (checkGlyphs,
 * naming the definition path or the data.csv row). At each width the light
 * variant is drawn first; annotations whose text does not fit
 * (unfitAnnotations) are drawn below the plot instead, and the light variant
 * is drawn again; so it is when small multiples drew wider than the chart
 * (their axes' labels wider than the compiler estimates), with panels
 * narrower by the overflow. The dark variant has the light one's layout
 * (same type, same frame), so it takes the same annotations below. The
 * variant at the breakpoint nearest the theme's default width (640 px) is
 * `default` and its dark twin `dark`; the others are named by width (`320`,
 * `320-dark`). Each variant is handed to `finish` as soon as it is drawn (the
 * build rasterises it there while the next one renders); errors of a render
 * are placed in the definition or the dataset row (placeRenderError).
 *
 * @example const { variants } = await drawChart(definition, { file, datasets, sources, breakpoints: [320, 600] })
 */
export async function drawChart<V = DrawnVariant>(
  definition: ChartDefinition,
  options: DrawChartOptions,
  finish: (variant: DrawnVariant, compiled: CompiledChart) => Promise<V> = async (variant) => variant as V,
): Promise<DrawnChart<V>> {
  const { file, datasets, sources, breakpoints, limits, themes = [light, dark] } = options;
  checkGlyphs(definition, resolveData(definition, datasets, file).dataset, file);
  const widths = breakpointsOf(definition, breakpoints);
  const main = widths.reduce((best, width) => (Math.abs(width - light.defaultWidth) < Math.abs(best - light.defaultWidth) ? width : best));
  const timed = <T>(stage: "compile" | "render", work: () => T): T => {
    if (!options.time) return work();
    const started = performance.now();
    const result = work();
    if (result instanceof Promise) return result.finally(() => options.time!(stage, performance.now() - started)) as T;
    options.time(stage, performance.now() - started);
    return result;
  };
  const compile = (width: number, theme: Theme, below: number[], overflow = 0) =>
    timed("compile", () => compileChart(definition, { file, datasets, sources, theme, width, below, breakpoints, limits, overflow }));
  // the 2x PNG is the largest render: its pixels are checked against limits.plotPixels before Vega and sharp
  const render: RenderChartOptions = { ...options.render, limits, scale: 2 };
  const draw = (compiled: CompiledChart, theme: Theme, name: string) =>
    timed("render", () => renderChart(compiled.spec, { ...render, theme, name })).catch((error: unknown) => {
      throw placeRenderError(error, compiled, datasets);
    });
  const variant = (drawn: RenderedChartSvg, compiled: CompiledChart, below: number[]): Promise<V> =>
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
  const [first, ...others] = themes;
  if (!first) throw new Error("drawChart: expected at least one theme");
  // default, dark, 320, 320-dark
  const nameOf = (width: number, theme: Theme) => [width === main ? "" : String(width), theme.name === "light" ? "" : theme.name].filter(Boolean).join("-") || DEFAULT_VARIANT;
  for (const width of widths) {
    let compiled = compile(width, first, []);
    let drawn = await draw(compiled, first, nameOf(width, first));
    // small multiples whose axes came out wider than estimated: panels narrower by what they overflowed
    const overflow = Math.max(0, Math.ceil(drawn.width - width));
    if (overflow) {
      compiled = compile(width, first, [], overflow);
      drawn = await draw(compiled, first, nameOf(width, first));
    }
    let below: number[] = [];
    const unfit = unfitAnnotations(drawn);
    // labels and labelled ranges move below the plot, value labels are left out at this width (notesBelow)
    const moved = unfit.length ? compile(width, first, unfit, overflow) : undefined;
    if (moved?.meta.below?.length || moved?.meta.omitted?.length) {
      below = unfit;
      compiled = moved;
      drawn = await draw(compiled, first, nameOf(width, first));
    }
    if (width === main) chart = compiled;
    later(variant(drawn, compiled, below));
    for (const theme of others) {
      const themed = compile(width, theme, below, overflow);
      later(variant(await draw(themed, theme, nameOf(width, theme)), themed, below));
    }
  }
  return { compiled: chart!, variants: await Promise.all(pending) };
}

/**
 * A render error (a refused image or link, a font, a size) placed in the
 * chart's definition file; its JSON path is in the compiled spec, as validate
 * names it (`compiled.encoding.url.value`). A value of the inlined data
 * (`data.values[3].partner`) is placed in its dataset's data.csv, row and column.
 */
export function placeRenderError(error: unknown, compiled: CompiledChart, datasets: Map<string, Dataset>): unknown {
  if (!(error instanceof ChartsError) || error.where.file) return error;
  const cell = /^data\.values\[(\d+)\]\.([A-Za-z_]\w*)$/.exec(error.where.field ?? "");
  const row = cell ? compiled.rows[Number(cell[1])] : undefined;
  const dataFile = row ? datasets.get(row.dataset)?.dataFile : undefined;
  if (cell && row && dataFile) return error.at({ file: dataFile, row: row.row, field: cell[2] });
  const field = error.where.field ? `compiled${error.where.field.startsWith("[") ? "" : "."}${error.where.field}` : undefined;
  return error.at({ ...error.where, file: compiled.file, ...(field ? { field } : {}) });
}
