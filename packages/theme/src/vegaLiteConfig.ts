import type { Config } from "vega-lite";
import { frameOf } from "./frames.ts";
import type { Theme } from "./types.ts";

/** px between the panels of small multiples (facet, repeat, concat). */
const PANEL_SPACING = 20;

/**
 * The house style as Vega-Lite config: font and sizes from the theme, no
 * chart border, horizontal gridlines only (darker at zero, where a bar
 * starts), no y domain line, no ticks, the x domain line as the baseline.
 * No title config: render draws headline, dek and footer outside the plot.
 *
 * Small multiples name each panel above it, left-aligned, in the house
 * font, 20 px apart (`facet.spacing`, which specs sizes panels with).
 *
 * Continuous axes tick at most every `frame.tickSpacing` px (x across, y
 * down): fewer ticks on a narrow frame, where labels would crowd.
 *
 * Number labels use the `house` format type (see formatValue), which render
 * registers as a Vega expression function; hence `customFormatTypes`.
 *
 * @example { ...spec, config: vegaLiteConfig(light) }
 */
export function vegaLiteConfig(theme: Theme): Config {
  const { text, colors, fontFamily } = theme;
  const { tickSpacing } = frameOf(theme);
  // Zero is where bars start and where a line's scale would otherwise lie.
  const gridColor = { condition: { test: "datum.value === 0", value: colors.axis }, value: colors.grid };
  return {
    background: colors.background,
    // The header and footer share this padding, so plot and headline align left.
    padding: { top: 8, right: theme.spacing.padding, bottom: 4, left: theme.spacing.padding },
    autosize: { type: "fit", contains: "padding" },
    font: fontFamily,
    customFormatTypes: true,
    view: { stroke: null, continuousHeight: 360 },
    range: { category: colors.categorical },
    axis: {
      labelFont: fontFamily,
      labelFontSize: text.axisLabel.size,
      labelFontWeight: text.axisLabel.weight,
      labelColor: text.axisLabel.color,
      labelPadding: 6,
      labelOverlap: true,
      titleFont: fontFamily,
      titleFontSize: text.axisTitle.size,
      titleFontWeight: text.axisTitle.weight,
      titleColor: text.axisTitle.color,
      titlePadding: 8,
      ticks: false,
      domainColor: colors.axis,
      domainWidth: 1,
      gridColor: colors.grid,
      gridWidth: 1,
    },
    axisX: { grid: false, domain: true, labelAngle: 0, labelFlush: false, tickCount: { expr: `ceil(width / ${tickSpacing.x})` } },
    axisY: {
      grid: true,
      domain: false,
      gridColor,
      // Unit titles sit above the axis, read horizontally, left-aligned.
      titleAngle: 0,
      titleAlign: "left",
      titleAnchor: "end",
      titleBaseline: "bottom",
      titleX: 0,
      titleY: -10,
      labelAlign: "right",
      tickCount: { expr: `ceil(height / ${tickSpacing.y})` },
    },
    // Bars side by side need no gridlines between categories.
    axisYBand: { grid: false, domain: false, titleAngle: 0 },
    axisXBand: { grid: false },
    legend: {
      orient: "top",
      direction: "horizontal",
      labelFont: fontFamily,
      labelFontSize: text.legend.size,
      labelColor: text.legend.color,
      titleFont: fontFamily,
      titleFontSize: text.legend.size,
      titleFontWeight: 600,
      titleColor: text.legend.color,
      symbolType: "square",
      symbolStrokeWidth: 0,
      columnPadding: 16,
      padding: 0,
      offset: 12,
    },
    // Small multiples: each panel's name above it, left-aligned like the headline; the facet
    // field's own title adds nothing a reader needs. Panels stand a gridline's breath apart.
    header: {
      title: null,
      labelFont: fontFamily,
      labelFontSize: text.axisTitle.size,
      labelFontWeight: 600,
      labelColor: text.legend.color,
      labelAnchor: "start",
      labelAlign: "left",
      labelPadding: 6,
    },
    facet: { spacing: PANEL_SPACING },
    concat: { spacing: PANEL_SPACING },
    mark: { color: colors.categorical[0] ?? colors.highlight },
    bar: { binSpacing: 1, discreteBandSize: { band: 0.7 }, cornerRadius: 0 },
    line: { strokeWidth: 2.5, strokeCap: "round", strokeJoin: "round" },
    point: { filled: true, size: 50 },
    rule: { color: colors.axis },
    rect: { color: colors.range },
    text: {
      font: fontFamily,
      fontSize: text.annotation.size,
      color: text.annotation.color,
    },
    scale: { bandPaddingInner: 0.25, bandPaddingOuter: 0.15 },
  };
}
