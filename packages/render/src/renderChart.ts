import type { TopLevelSpec } from "vega-lite";
import type { ChartMeta } from "@charts/specs";
import { light, themes, type Theme } from "@charts/theme";
import { invalid, message } from "@charts/errors";
import { embedFonts } from "@charts/fonts";
import { assertSafeSvg } from "./assertSafeSvg.ts";
import { frameChart } from "./frameChart.ts";
import { renderSvg } from "./renderSvg.ts";
import { setupRenderer } from "./setupRenderer.ts";
import type { RenderedSvg, RenderOptions } from "./types.ts";

/** A rendered chart variant before rasterising: RenderedVariant without its PNGs, plus its text boxes and scene. */
export interface RenderedChartSvg extends RenderedSvg {
  /** `default`, or e.g. `dark`. */
  name: string;
  theme: Theme["name"];
  meta: ChartMeta;
}

export interface RenderChartOptions extends RenderOptions {
  /** Must match the config the spec was compiled with. Default: the theme `usermeta.theme` names, else `light`. */
  theme?: Theme;
  /** Variant name, default `default`. */
  name?: string;
  /** Overrides `usermeta.chart`. */
  meta?: ChartMeta;
}

/** The theme a compiled spec names in `usermeta.theme` (`light` when it names none). */
export function themeOf(vl: TopLevelSpec): Theme {
  const name = (vl as { usermeta?: { theme?: unknown } }).usermeta?.theme;
  if (name === undefined) return light;
  if (typeof name !== "string" || !Object.hasOwn(themes, name)) throw invalid({ field: "usermeta.theme" }, `one of the themes ${Object.keys(themes).join(", ")}`, name);
  return themes[name as Theme["name"]];
}

/** The ChartMeta a compiled Vega-Lite spec carries in `usermeta.chart`, checked. */
export function chartMetaOf(vl: TopLevelSpec): ChartMeta {
  const meta = (vl as { usermeta?: { chart?: unknown } }).usermeta?.chart as Partial<ChartMeta> | undefined;
  if (!meta || typeof meta !== "object") throw invalid({ field: "usermeta.chart" }, message.expectedChartMeta(), meta);
  for (const key of ["slug", "headline", "source", "alt"] as const) {
    if (typeof meta[key] !== "string" || !meta[key]!.trim()) throw invalid({ field: `usermeta.chart.${key}` }, message.expectedNonEmptyString(), meta[key]);
  }
  for (const key of ["dek", "notes", "byline", "locale"] as const) {
    if (meta[key] !== undefined && typeof meta[key] !== "string") throw invalid({ field: `usermeta.chart.${key}` }, message.expectedString(), meta[key]);
  }
  if (meta.below !== undefined) {
    const notes = Array.isArray(meta.below) ? meta.below : [];
    if (!Array.isArray(meta.below) || notes.some((note) => typeof note?.marker !== "string" || typeof note?.text !== "string")) {
      throw invalid({ field: "usermeta.chart.below" }, "a list of {marker, text}", meta.below);
    }
  }
  return { dek: "", locale: "en-GB", ...meta } as ChartMeta;
}

/**
 * A compiled Vega-Lite chart -> the publishable SVG: compile to Vega, render
 * the plot, draw the header and footer from `usermeta.chart` around it (an
 * accessible image: role, title, desc), embed the fonts it uses (subsets made
 * once per process, and per machine with `cacheDir`: embedFonts), and check
 * the result is inert and self-contained (assertSafeSvg). The result carries
 * the text boxes and the scene for checks after it (unfitAnnotations, the
 * linter). PNGs come from svgToPng(result.svg, 1 | 2).
 *
 * @example const chart = await renderChart(compiled.spec); await svgToPng(chart.svg, 2)
 */
export async function renderChart(vl: TopLevelSpec, options: RenderChartOptions = {}): Promise<RenderedChartSvg> {
  await setupRenderer();
  const theme = options.theme ?? themeOf(vl);
  const meta = options.meta ?? chartMetaOf(vl);
  const { theme: _theme, name: _name, meta: _meta, ...render } = options;
  const plot = await renderSvg(vl, { ...render, locale: options.locale ?? meta.locale });
  const name = options.name ?? "default";
  // ids of <title> and <desc>, unique per variant in a page that inlines several: chart-arms-320-dark
  const id = `chart-${meta.slug}-${Math.ceil(plot.width)}${theme.name === "light" ? "" : `-${theme.name}`}`;
  const framed = frameChart(plot, meta, theme, { id });
  const svg = await embedFonts(framed.svg, { cacheDir: options.cacheDir });
  assertSafeSvg(svg, { links: options.links });
  return {
    name,
    theme: theme.name,
    meta,
    svg,
    width: framed.width,
    height: framed.height,
    boxes: framed.boxes,
    scene: framed.scene,
    warnings: plot.warnings,
  };
}
