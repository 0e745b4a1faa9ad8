import { periodOf, type Dataset } from "@charts/datasets";
import { vegaLiteConfig, type Theme } from "@charts/theme";
import { findGaps, seriesFieldsOf, type ViewGaps } from "./findGaps.ts";
import { houseWords } from "./houseWords.ts";
import { STATUS_FIELD } from "./inlineData.ts";
import { isObject, mapViews, markType, position, unwrapUnit, withLayers, type Json, type View } from "./plotShape.ts";
import { timeAxisOf, periodExpr, startExpr, startOf, type TimeAxis } from "./timeAxis.ts";
import { labelRoom } from "./timeTicks.ts";
import { textLines } from "./annotations/context.ts";

/** A row the texts do not state outright: implied or derived. */
export const NOT_STATED = `datum.${STATUS_FIELD} !== 'stated'`;
const STATED = `datum.${STATUS_FIELD} === 'stated'`;

/** Fields the dataflow derives; a dataset column cannot start with "__" (dataset.schema.json). */
const F = {
  period: "__period",
  before: "__periodBefore",
  after: "__periodAfter",
  statusBefore: "__statusBefore",
  statusAfter: "__statusAfter",
  nextTime: "__nextTime",
  timeAfter: "__timeAfter",
  valueAfter: "__valueAfter",
  breaks: "__break",
  segment: "__segment",
  segmentRows: "__segmentRows",
  end: "__end",
  stepTime: "__stepTime",
  stepValue: "__stepValue",
  rows: "__rows",
  gapFrom: "__gapFrom",
  gapTo: "__gapTo",
  gapMiddle: "__gapMiddle",
} as const;

/** How a derived or implied bar, area or point is drawn: a lighter fill inside a dashed outline. */
const LIGHT = 0.35;
const DASH = [4, 2];
const LINE_DASH = [5, 3];
const OUTLINE = 1.5;

/** What a definition says about gaps (chart.schema.json `gaps`). */
export interface GapsOption {
  /** false: no band and no generated note; `reason` is noted instead. */
  mark?: boolean;
  /** The band's label; null for none; by default the house words, where the band is wide enough. */
  label?: string | null;
  /** Replaces the generated note. */
  reason?: string;
}

export interface DrawRowsOptions {
  /** The rows drawn (after `where`). */
  dataset: Dataset;
  theme: Theme;
  locale: string;
  gaps: GapsOption;
  /** Width of one view, px. */
  viewWidth: number;
  /** Whether a Vega filter narrows the rows in the chart (gaps the compiler cannot see may appear). */
  filtered: boolean;
}

/**
 * Step 7: the rows drawn as what they are, in every view of the plot.
 *
 * Gaps stay gaps. Along a year or date axis, a period missing between a
 * series' first and last row breaks its line or area (never a line across
 * years no source gives), and the periods no series of a panel has are
 * shaded, labelled where the band has room. Both are computed in Vega's
 * dataflow from the rows drawn, after the chart's own filters: a window over
 * each series, sorted by time, numbers its periods (periodExpr) and starts a
 * new segment (a `detail` of the line) after a gap. No row is added: every
 * number drawn is a dataset row's.
 *
 * Derived and implied rows look different from stated ones, on every mark:
 * bars, rects and arcs a lighter fill in a dashed outline; a line is solid
 * only between stated rows, dashed on a step that touches a derived or
 * implied row, which gets a hollow point; points hollow; number labels
 * italic. Each survives grey scale (lightness, dashes, outlines, italics).
 * A row's lone point (a stated figure between gaps) is drawn as a point.
 *
 * Marks with their own data (annotation bands) and marks of aggregated rows
 * (by a transform or an encoding) are left as they are; encodings the plot
 * sets (a fillOpacity) are kept.
 */
export function drawRows(plot: Json, options: DrawRowsOptions): Json {
  // Rows grouped before any view draws them have no single row's status or period.
  if (grouping(plot.transform)) return plot;
  return mapViews(plot, (view) => drawView(view, options));
}

function drawView(view: View, options: DrawRowsOptions): Json {
  const { dataset } = options;
  const axis = timeAxisOf(view.spec, dataset);
  const gaps = axis ? findGaps(view, axis, dataset) : undefined;
  const notStated = dataset.rows.some((row) => row.provenance.status !== "stated");
  const context: UnitContext = { ...options, view, axis, found: gaps, notStated };
  const styled = mapUnits(view.spec, {}, (unit, inherited, grouped) => (grouped ? unit : drawUnit(unit, inherited, context)));
  // Only gaps the compiler can name are shaded: a period a Vega filter drops is the desk's choice, not a gap in the sources.
  if (!axis || options.gaps.mark === false || !gaps?.panels.length) return styled;
  const [band, label] = gapLayers(styled, axis, context);
  return withLayers(styled, [band], label ? [label] : []);
}

interface UnitContext extends DrawRowsOptions {
  view: View;
  axis: TimeAxis | undefined;
  /** The view's gaps, as the compiler finds them in the rows drawn. */
  found: ViewGaps | undefined;
  notStated: boolean;
}

/**
 * A spec with each unit replaced by `fn(unit, encoding it inherits, grouped)`,
 * through nested layers; `grouped` when the unit or a layer around it
 * aggregates its rows.
 */
function mapUnits(spec: Json, inherited: Json, fn: (unit: Json, inherited: Json, grouped: boolean) => Json, grouped = false): Json {
  const within = grouped || grouping(spec.transform);
  if (!Array.isArray(spec.layer)) return fn(spec, inherited, within);
  const encoding = { ...inherited, ...(isObject(spec.encoding) ? spec.encoding : {}) };
  return { ...spec, layer: spec.layer.map((layer) => (isObject(layer) ? mapUnits(layer, encoding, fn, within) : layer)) };
}

/** Whether transforms group rows, so the marks after them draw no row of the dataset. */
function grouping(transforms: unknown): boolean {
  return Array.isArray(transforms) && transforms.some((t) => isObject(t) && ["aggregate", "density", "regression", "loess", "quantile", "pivot"].some((key) => key in t));
}

function drawUnit(unit: Json, inherited: Json, context: UnitContext): Json {
  if (unit.data !== undefined) return unit;
  const encoding = { ...inherited, ...(isObject(unit.encoding) ? unit.encoding : {}) };
  if (aggregated(encoding)) return unit;
  const mark = markType(unit) ?? "";
  if (["line", "trail", "area"].includes(mark)) return drawLine(unit, encoding, context);
  if (!context.notStated) return unit;
  if (["bar", "rect", "arc"].includes(mark)) return lightFill(unit, encoding, context.theme);
  if (["point", "circle", "square"].includes(mark)) return split(unit, { filled: false, fill: context.theme.colors.background, strokeWidth: OUTLINE + 0.5 });
  // The house face has its italic at regular weight only.
  if (mark === "text" && numberField(encoding.text, context.dataset)) return split(unit, { fontStyle: "italic", fontWeight: 400 });
  return unit;
}

/** A mark that draws groups of rows has no single row's status. */
function aggregated(encoding: Json): boolean {
  return Object.values(encoding).some((def) => isObject(def) && (def.aggregate !== undefined || (def.bin !== undefined && def.bin !== false)));
}

function numberField(def: unknown, dataset: Dataset): boolean {
  return isObject(def) && dataset.meta.columns.some((c) => c.name === def.field && c.type === "number");
}

/** The colour a unit's marks take when no encoding colours them. */
function markColour(unit: Json, theme: Theme): string {
  const mark = isObject(unit.mark) ? unit.mark : {};
  for (const key of ["color", "stroke", "fill"]) if (typeof mark[key] === "string") return mark[key] as string;
  return (vegaLiteConfig(theme).mark as { color: string }).color;
}

/** Bars, rects and arcs of derived and implied rows: lighter, in a dashed outline of their own colour. */
function lightFill(unit: Json, encoding: Json, theme: Theme): Json {
  const own: Json = { ...(isObject(unit.encoding) ? unit.encoding : {}) };
  const when = (value: unknown, otherwise: unknown) => ({ condition: { test: NOT_STATED, value }, value: otherwise });
  if (encoding.fillOpacity === undefined && encoding.opacity === undefined) own.fillOpacity = when(LIGHT, 1);
  if (encoding.stroke === undefined) {
    const colour = encoding.fill ?? encoding.color;
    // The same field and legend: Vega-Lite merges the fill and stroke legends into one.
    own.stroke = isObject(colour) ? colour : { value: markColour(unit, theme) };
  }
  if (encoding.strokeWidth === undefined) own.strokeWidth = when(OUTLINE, 0);
  if (encoding.strokeDash === undefined) own.strokeDash = when(DASH, [1, 0]);
  return { ...unit, encoding: own };
}

/** A unit drawn twice: its stated rows as they are, the others with `mark` changed (hollow points, italic labels). */
function split(unit: Json, changes: Json): Json {
  const { outer, inner } = unwrapUnit(unit);
  const { params, ...rest } = inner;
  const mark = isObject(rest.mark) ? rest.mark : { type: rest.mark };
  return {
    ...outer,
    layer: [
      { ...rest, ...(params ? { params } : {}), transform: [{ filter: STATED }] },
      // a named layer (an annotation's) keeps its name once: Vega names datasets after it
      { ...rest, ...(typeof rest.name === "string" ? { name: `${rest.name}-apart` } : {}), mark: { ...mark, ...changes }, transform: [{ filter: NOT_STATED }] },
    ],
  };
}

/**
 * A line (or area) over time, in segments: a window over each series,
 * sorted by time, finds the periods before and after each row; a new
 * segment starts after a gap and wherever a derived or implied row begins
 * or ends a step. Solid segments are the line's own mark; steps that touch
 * such a row are dashed rules (over a lighter area of their own, for an
 * area); the row itself a hollow point; a stated row alone between gaps a
 * point.
 */
function drawLine(unit: Json, encoding: Json, context: UnitContext): Json {
  const { axis, found: gaps, view, theme, filtered, notStated } = context;
  if (!axis) return notStated ? withHollowPoints(unit, encoding, context) : unit;
  const channel = axis.channel;
  const other = channel === "x" ? "y" : "x";
  const value = encoding[other];
  if (!isObject(value) || typeof value.field !== "string") return unit;
  const seriesGaps = (gaps?.panels.length ?? 0) + (gaps?.series.length ?? 0) > 0;
  if (!seriesGaps && !notStated && !filtered) return unit;

  const area = markType(unit) === "area";
  // Stacked areas are drawn whole: Vega-Lite fills each series' missing periods with zeros to stack them,
  // and a row's top is not its value, so segments, dashed steps and points would stand elsewhere.
  const stacked = area && seriesFieldsOf(encoding, axis.field).length > 0 && value.stack !== null && value.stack !== false;
  if (stacked) return unit;
  const series = [...new Set([...view.panels, ...seriesFieldsOf(encoding, axis.field)])];
  const every = axis.step.every;
  const d = (field: string) => `datum[${JSON.stringify(field)}]`;
  const near = (before: string, after: string) => `isValid(${d(before)}) && isValid(${d(after)}) && ${d(after)} - ${d(before)} <= ${every}`;
  const sort = [{ field: axis.field, order: "ascending" }];
  const { outer, inner: line } = unwrapUnit(unit);
  const { transform, ...layerLevel } = outer;
  const dataflow: Json[] = [
    { calculate: periodExpr(axis, d(axis.field)), as: F.period },
    {
      window: [
        { op: "lag", field: F.period, as: F.before },
        { op: "lag", field: STATUS_FIELD, as: F.statusBefore },
        { op: "lead", field: F.period, as: F.after },
        { op: "lead", field: STATUS_FIELD, as: F.statusAfter },
        { op: "lead", field: axis.field, as: F.nextTime },
        { op: "lead", field: value.field, as: F.valueAfter },
      ],
      groupby: series,
      sort,
    },
    // Vega-Lite takes a window's output for a number and would not read it as a date on a time axis.
    { calculate: d(F.nextTime), as: F.timeAfter },
    { calculate: `${near(F.before, F.period)} && ${STATED} && ${d(F.statusBefore)} === 'stated' ? 0 : 1`, as: F.breaks },
    { window: [{ op: "sum", field: F.breaks, as: F.segment }], groupby: series, sort },
    { joinaggregate: [{ op: "count", as: F.segmentRows }], groupby: [...series, F.segment] },
  ];
  const own = isObject(line.encoding) ? line.encoding : {};
  const details = Array.isArray(own.detail) ? own.detail : own.detail === undefined ? [] : [own.detail];
  const solid: Json = {
    ...line,
    transform: [{ filter: `${d(F.segmentRows)} > 1` }],
    encoding: {
      ...own,
      // An area's segments are not a stack.
      ...(area ? { [other]: { ...value, stack: null } } : {}),
      detail: [...details, ...series.map((field) => ({ field, type: "nominal" })), { field: F.segment, type: "nominal" }],
    },
  };
  const at = { [channel]: positioned(encoding[channel]), [other]: positioned(value) };
  const colours = pick(own, ["color", "stroke"]);
  const colour = markColour(unit, theme);
  const lineWidth = (vegaLiteConfig(theme).line as { strokeWidth: number }).strokeWidth;
  // Layers without rows would only make Vega warn of empty extents.
  const has = filtered ? { solid: true, dashed: true, alone: true } : steps(context.dataset, series, axis);
  const layers: Json[] = has.solid ? [solid] : [];
  const derivedStep = `${near(F.period, F.after)} && (${NOT_STATED} || ${d(F.statusAfter)} !== 'stated')`;
  if (has.dashed && area) {
    // Each step that touches a derived or implied row is its own lighter area: its two ends, one row each.
    layers.push({
      transform: [
        { filter: derivedStep },
        { calculate: "[0, 1]", as: F.end },
        { flatten: [F.end] },
        { calculate: `${d(F.end)} === 0 ? ${d(axis.field)} : ${d(F.timeAfter)}`, as: F.stepTime },
        { calculate: `${d(F.end)} === 0 ? ${d(value.field)} : ${d(F.valueAfter)}`, as: F.stepValue },
      ],
      mark: { ...(isObject(line.mark) ? line.mark : { type: "area" }), color: colour, fillOpacity: LIGHT },
      encoding: {
        [channel]: { ...at[channel], field: F.stepTime },
        [other]: { ...at[other], field: F.stepValue, stack: null },
        detail: [...series.map((field) => ({ field, type: "nominal" })), { field: F.period, type: "nominal" }],
        ...colours,
      },
    });
  }
  if (has.dashed) {
    layers.push({
      transform: [{ filter: derivedStep }],
      mark: { type: "rule", color: colour, strokeDash: LINE_DASH, strokeWidth: lineWidth, strokeCap: "butt" },
      encoding: { ...at, [`${channel}2`]: { field: F.timeAfter }, [`${other}2`]: { field: F.valueAfter }, ...colours },
    });
  }
  if (has.alone) {
    layers.push({
      transform: [{ filter: `${STATED} && !(${near(F.before, F.period)}) && !(${near(F.period, F.after)})` }],
      mark: { type: "point", color: colour, filled: true, size: 40, opacity: 1 },
      encoding: { ...at, ...colours },
    });
  }
  if (notStated) layers.push(hollowPoints(at, colours, colour, theme));
  return { ...layerLevel, transform: [...(Array.isArray(transform) ? transform : []), ...dataflow], layer: layers };
}

/**
 * Which parts of a segmented line the rows drawn have, as the dataflow will
 * find them: solid steps (between stated rows),
 * dashed steps (touching a derived or implied row), stated rows alone
 * between gaps.
 */
function steps(dataset: Dataset, series: string[], axis: TimeAxis): { solid: boolean; dashed: boolean; alone: boolean } {
  const bySeries = new Map<string, Array<{ period: number; stated: boolean }>>();
  for (const row of dataset.rows) {
    const value = row.values[axis.field];
    if (value === null || value === undefined) continue;
    const key = JSON.stringify(series.map((field) => row.values[field] ?? null));
    const list = bySeries.get(key) ?? [];
    list.push({ period: periodOf(value, axis.step.unit), stated: row.provenance.status === "stated" });
    bySeries.set(key, list);
  }
  const has = { solid: false, dashed: false, alone: false };
  const near = (a: { period: number } | undefined, b: { period: number } | undefined) => !!a && !!b && b.period - a.period <= axis.step.every;
  for (const rows of bySeries.values()) {
    rows.sort((a, b) => a.period - b.period);
    rows.forEach((row, i) => {
      const [before, after] = [rows[i - 1], rows[i + 1]];
      if (near(row, after)) {
        if (row.stated && after!.stated) has.solid = true;
        if (!row.stated || !after!.stated) has.dashed = true;
      }
      if (row.stated && !near(before, row) && !near(row, after)) has.alone = true;
    });
  }
  return has;
}

/** A line without a time axis keeps its path; its derived and implied rows get hollow points. */
function withHollowPoints(unit: Json, encoding: Json, { theme }: UnitContext): Json {
  const at = pick(encoding, ["x", "y"]);
  for (const key of Object.keys(at)) at[key] = positioned(at[key]);
  const own = isObject(unit.encoding) ? unit.encoding : {};
  const { outer, inner: line } = unwrapUnit(unit);
  return { ...outer, layer: [line, hollowPoints(at, pick(own, ["color", "stroke"]), markColour(unit, theme), theme)] };
}

function hollowPoints(at: Json, colours: Json, colour: string, theme: Theme): Json {
  return {
    transform: [{ filter: NOT_STATED }],
    mark: { type: "point", color: colour, filled: false, fill: theme.colors.background, strokeWidth: OUTLINE + 0.5, size: 48, opacity: 1 },
    encoding: { ...at, ...colours },
  };
}

/**
 * A position channel for a layer drawn on the same scale: field, type, the
 * scale's settings, title and axis (the same axis: a layer may be all that
 * is left of a line whose rows are all apart).
 */
function positioned(def: unknown): Json | undefined {
  const copy = position(def);
  if (!copy || !isObject(def)) return copy;
  for (const key of ["scale", "title", "axis"]) if (def[key] !== undefined) copy[key] = def[key];
  return copy;
}

function pick(object: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key]]));
}

/**
 * The shaded band of each gap in a panel (the periods no series has), from
 * the rows: the periods drawn, one per panel and period, then a window
 * finds the period before each; where more than a step lies between, the
 * band spans the missing periods' slots (half a step either side of their
 * starts, or whole categories on a band scale). The label stands in bands
 * wide enough for it.
 */
function gapLayers(spec: Json, axis: TimeAxis, context: UnitContext): [Json, Json | undefined] {
  const { view, theme, viewWidth, gaps: option, locale } = context;
  const every = axis.step.every;
  const d = (field: string) => `datum[${JSON.stringify(field)}]`;
  const def = timeDef(spec, axis);
  // The plot's scale, and its title: Vega-Lite would title the axis with every field its layers draw.
  const scale = { ...(isObject(def?.scale) ? { scale: def!.scale } : {}), title: def?.title === undefined ? axis.field : def.title };
  const panels = view.panels;
  const dataflow: Json[] = [
    { filter: `isValid(${d(axis.field)})` },
    { calculate: periodExpr(axis, d(axis.field)), as: F.period },
    { aggregate: [{ op: "count", as: F.rows }], groupby: [...panels, F.period] },
    { window: [{ op: "lag", field: F.period, as: F.before }], groupby: panels, sort: [{ field: F.period, order: "ascending" }] },
    { filter: `isValid(${d(F.before)}) && ${d(F.period)} - ${d(F.before)} > ${every}` },
  ];
  const channel = axis.channel;
  const end = `${channel}2`;
  let band: Json;
  let span: Json[];
  if (axis.discrete) {
    dataflow.push({ calculate: `${d(F.before)} + ${every}`, as: F.gapFrom }, { calculate: `${d(F.period)} - ${every}`, as: F.gapTo });
    band = {
      transform: dataflow,
      mark: { type: "rect", color: theme.colors.range, clip: true },
      encoding: { [channel]: { field: F.gapFrom, type: def?.type ?? "ordinal", bandPosition: 0, ...scale }, [end]: { field: F.gapTo, bandPosition: 1 } },
    };
    span = [{ calculate: `${d(F.gapTo)} - ${d(F.gapFrom)} + 1`, as: F.gapMiddle }];
  } else {
    const start = (index: string) => startExpr(axis, index);
    dataflow.push(
      { calculate: `(${start(d(F.before))} + ${start(`${d(F.before)} + ${every}`)}) / 2`, as: F.gapFrom },
      { calculate: `(${start(`${d(F.period)} - ${every}`)} + ${start(d(F.period))}) / 2`, as: F.gapTo },
    );
    const type = axis.kind === "date" ? "temporal" : "quantitative";
    band = {
      transform: dataflow,
      mark: { type: "rect", color: theme.colors.range, clip: true },
      encoding: { [channel]: { field: F.gapFrom, type, ...scale }, [end]: { field: F.gapTo } },
    };
    span = [{ calculate: `(${d(F.gapFrom)} + ${d(F.gapTo)}) / 2`, as: F.gapMiddle }];
  }
  const text = option.label === undefined ? houseWords(locale).gapLabel : option.label;
  if (text === null || channel !== "x") return [band, undefined];
  const style = theme.text.annotation;
  const lines = text.split("\n");
  const room = labelRoom(Math.max(...lines.map((l) => l.length)), style.size);
  const minimum = minimumSpan(def, axis, context.dataset, viewWidth, room);
  if (minimum === undefined) return [band, undefined];
  const wide = axis.discrete ? `${d(F.gapTo)} - ${d(F.gapFrom)} + 1 >= ${minimum}` : `${d(F.gapTo)} - ${d(F.gapFrom)} >= ${minimum}`;
  const faceted = panels.length > 0;
  const label: Json = {
    transform: [...dataflow, { filter: wide }, ...span],
    mark: {
      type: "text",
      align: axis.discrete ? "left" : "center",
      baseline: faceted || axis.discrete ? "top" : "middle",
      dx: axis.discrete ? 6 : 0,
      color: theme.colors.annotation,
      fontSize: style.size,
      fontWeight: style.weight,
      fontStyle: "italic",
      lineHeight: Math.round(style.size * style.lineHeight),
    },
    encoding: {
      [channel]: axis.discrete
        ? { field: F.gapFrom, type: def?.type ?? "ordinal", bandPosition: 0, ...scale }
        : { field: F.gapMiddle, type: axis.kind === "date" ? "temporal" : "quantitative", ...scale },
      y: { value: faceted || axis.discrete ? 6 : { expr: "height / 2" } },
      text: { value: textLines(text) },
    },
  };
  return [band, label];
}

/** The time channel's definition in a view (its scale and type). */
function timeDef(spec: Json, axis: TimeAxis): Json | undefined {
  const defs: Json[] = [];
  mapUnits(spec, {}, (unit, inherited) => {
    const encoding = { ...inherited, ...(isObject(unit.encoding) ? unit.encoding : {}) };
    const def = encoding[axis.channel];
    if (unit.data === undefined && isObject(def) && def.field === axis.field) defs.push(def);
    return unit;
  });
  return defs[0];
}

/**
 * The smallest band, in the axis's units (years, ms, or categories), wide
 * enough for a label `room` px wide: from the scale's domain when it is
 * numbers (years, categories), else the span of the rows (dates: a domain
 * of expressions), and the view's width.
 */
function minimumSpan(def: Json | undefined, axis: TimeAxis, dataset: Dataset, viewWidth: number, room: number): number | undefined {
  const domain = isObject(def?.scale) ? (def!.scale as Json).domain : undefined;
  const width = Math.max(100, viewWidth - 60);
  if (axis.discrete) return Array.isArray(domain) ? Math.ceil(room / (width / Math.max(1, domain.length))) : undefined;
  let [lo, hi] = Array.isArray(domain) ? (domain.map(Number) as [number, number]) : [NaN, NaN];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    const periods = dataset.rows.map((row) => row.values[axis.field]).filter((v): v is string | number => v !== null).map((v) => periodOf(v, axis.step.unit));
    if (!periods.length) return undefined;
    [lo, hi] = [startOf(axis, Math.min(...periods)), startOf(axis, Math.max(...periods))];
  }
  return hi > lo ? room / (width / (hi - lo)) : undefined;
}
