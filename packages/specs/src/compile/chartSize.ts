import { frameOf, vegaLiteConfig, type Theme } from "@charts/theme";
import { baseEncoding, isComposite, isDiscrete, isObject, markSpec, type Json } from "./plotShape.ts";

/** Room for the x axis below the rows of a horizontal bar chart, px. */
const ROWS_AXIS = 48;
/** The narrowest panel of small multiples, px: columns are as many as fit. */
const MIN_PANEL = 180;
/** Room a panel's value axis takes, px (an estimate: Vega sizes composites around their panels). */
const AXIS = 52;

/** The size of a chart and of each of its views. */
export interface Layout {
  /** The published plot width with its axes (header and footer are drawn as wide). */
  width: number;
  /** A unit or layer plot's height. */
  height: number;
  /** One view's size: the plot's, a panel's in small multiples, a concat member's. */
  view: { width: number; height: number };
  /** Small multiples: panels per row, computed from the width unless the plot sets `columns`. */
  columns?: number;
}

/**
 * Step 4b: the chart's size, in the theme's frame (themeAt). Width defaults
 * to the theme's. A unit or layer plot's height: for categories down the y
 * axis, a row per category (`frame.row`, taller on a narrow frame, where
 * labels wrap); else `frame.aspect` of the width, at most `frame.maxHeight`
 * (square on a phone, 9:16 in a column, 1:2 wide) (autosize "fit": axes included).
 *
 * Small multiples (facet, repeat, concat) cannot be fitted by Vega: their
 * panels are sized so the whole fills the width (a facet's panels share a
 * value axis per row, others have one each), as many columns as leave a
 * panel at least 180 px (or the plot's `columns`), each panel's height the
 * definition's `height` or 3:5 of its width. sizeSpec writes the sizes in.
 * The axes' widths are estimated (AXIS): when render finds the panels drew
 * wider than the chart, the build compiles again with the `overflow`.
 */
export function chartSize(
  definition: { width?: number; height?: number; plot: Json },
  rows: Array<Record<string, unknown>>,
  theme: Theme,
  overflow = 0,
): Layout {
  const width = definition.width ?? theme.defaultWidth;
  const plot = definition.plot;
  if (isComposite(plot)) {
    const spacing = (vegaLiteConfig(theme).facet as { spacing: number }).spacing;
    // `overflow`: what the panels drew beyond the width last time (axes wider than AXIS), taken off them
    const inner = width - 2 * theme.spacing.padding - overflow;
    const { count, columns } = panels(plot, rows, inner, spacing);
    const across = Math.min(count, columns);
    // A facet's panels share one value axis per row; repeated and concatenated panels each have their own.
    const axes = isObject(plot.facet) ? 1 : across;
    const panel = Math.max(60, Math.floor((inner - axes * AXIS - (across - 1) * spacing) / across));
    const height = definition.height ?? Math.max(120, Math.round(panel * (Array.isArray(plot.vconcat) ? 9 / 16 : 0.6)));
    return { width, height, view: { width: panel, height }, ...(isObject(plot.facet) || plot.repeat !== undefined || Array.isArray(plot.concat) ? { columns } : {}) };
  }
  const frame = frameOf({ ...theme, defaultWidth: width });
  const size = (height: number) => ({ width, height, view: { width, height } });
  if (definition.height !== undefined) return size(definition.height);
  const target = markSpec(plot);
  const y = target ? baseEncoding(target).y : undefined;
  if (isObject(y) && isDiscrete(y) && typeof y.field === "string") {
    const domain = isObject(y.scale) && Array.isArray(y.scale.domain) ? y.scale.domain : undefined;
    const count = domain?.length ?? new Set(rows.map((row) => row[y.field as string])).size;
    return size(Math.max(160, count * frame.row + ROWS_AXIS));
  }
  return size(Math.min(frame.maxHeight, Math.round(width * frame.aspect)));
}

/** How many panels a composite plot draws and how many fit in a row. */
function panels(plot: Json, rows: Array<Record<string, unknown>>, inner: number, spacing: number): { count: number; columns: number } {
  const distinct = (field: unknown) => (typeof field === "string" ? new Set(rows.map((row) => row[field])).size : 1);
  const fit = (count: number) => Math.max(1, Math.min(count, Math.floor((inner - AXIS + spacing) / (MIN_PANEL + spacing))));
  const given = typeof plot.columns === "number" ? plot.columns : undefined;
  if (isObject(plot.facet)) {
    const facet = plot.facet;
    if (isObject(facet.column)) return { count: distinct(facet.column.field), columns: distinct(facet.column.field) };
    if (isObject(facet.row)) return { count: 1, columns: 1 };
    const count = distinct(facet.field);
    return { count, columns: given ?? fit(count) };
  }
  if (Array.isArray(plot.repeat)) return { count: plot.repeat.length, columns: given ?? fit(plot.repeat.length) };
  if (isObject(plot.repeat)) {
    const column = Array.isArray(plot.repeat.column) ? plot.repeat.column.length : 1;
    return { count: column, columns: column };
  }
  if (Array.isArray(plot.hconcat)) return { count: plot.hconcat.length, columns: plot.hconcat.length };
  if (Array.isArray(plot.vconcat)) return { count: 1, columns: 1 };
  const members = Array.isArray(plot.concat) ? plot.concat.length : 1;
  return { count: members, columns: given ?? fit(members) };
}

/**
 * The config a composite needs: the theme's tick counts are expressions of
 * the view's `width` and `height` (`ceil(height / 60)`), which a facet,
 * repeat or concat panel does not have (its size signals are its own), so
 * they would leave a panel's axes without ticks. A composite gets the counts
 * for its panel size instead; a unit or layer plot keeps the expressions.
 */
export function sizeConfig(config: Json, plot: Json, layout: Layout, theme: Theme): Json {
  if (!isComposite(plot)) return config;
  const { tickSpacing } = frameOf(theme);
  const axisX = isObject(config.axisX) ? config.axisX : {};
  const axisY = isObject(config.axisY) ? config.axisY : {};
  return {
    ...config,
    axisX: { ...axisX, tickCount: Math.max(2, Math.ceil(layout.view.width / tickSpacing.x)) },
    axisY: { ...axisY, tickCount: Math.max(2, Math.ceil(layout.view.height / tickSpacing.y)) },
  };
}

/**
 * Writes a layout into a compiled spec: width and height on a unit or layer
 * plot; on a composite, each panel's size on the facet's or repeat's inner
 * spec or on each concat member, the computed `columns`, and Vega's "pad"
 * autosize (it cannot fit a composite to a width).
 */
export function sizeSpec(spec: Json, layout: Layout): Json {
  if (!isComposite(spec)) return { width: layout.width, height: layout.height, ...spec };
  const view = (member: Json): Json => ("mark" in member || Array.isArray(member.layer) ? { ...member, width: layout.view.width, height: layout.view.height } : member);
  const sized: Json = { ...spec, autosize: { type: "pad", contains: "padding" } };
  if (isObject(spec.spec)) sized.spec = view(spec.spec);
  for (const key of ["concat", "hconcat", "vconcat"]) {
    if (Array.isArray(spec[key])) sized[key] = (spec[key] as unknown[]).map((member) => (isObject(member) ? view(member) : member));
  }
  const wraps = (isObject(spec.facet) && !isObject(spec.facet.row) && !isObject(spec.facet.column)) || Array.isArray(spec.repeat) || Array.isArray(spec.concat);
  if (wraps && layout.columns !== undefined && spec.columns === undefined) sized.columns = layout.columns;
  return sized;
}
