import { periodOf, type Dataset } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";
import type { Theme } from "@charts/theme";
import { houseWords } from "./houseWords.ts";
import { encodingsOf, facetDefs, isObject, markType, units, viewsOf, type Json } from "./plotShape.ts";
import { timeAxisOf, timeColumn, startOf, stepLength, type TimeAxis } from "./timeAxis.ts";
import { datePattern, formatPeriod } from "./timeFormats.ts";
import { dateTicks, yearTicks, type TickInterval } from "./timeTicks.ts";

/** Marks drawn as a slot per period: the axis leaves room around the first and last. */
const SLOTS = new Set(["bar", "rect", "tick"]);
/** Share of a period's slot a bar fills on a continuous axis. */
const BAR_SHARE = 0.7;
/** Room the value axis and the padding take from a view's width, px (an estimate). */
const VALUE_AXIS = 60;

export interface TimeAxesOptions {
  file: string;
  /** The rows drawn (after `where`). */
  dataset: Dataset;
  theme: Theme;
  locale: string;
  /** Width of one view in px: the chart's, or a panel's in small multiples. */
  viewWidth: number;
  viewHeight: number;
}

/**
 * Step 5: years drawn as years, dates as dates, wherever a position channel
 * encodes a year or date column, whatever type the plot gives it. Returns a
 * new plot.
 *
 * - A year is never temporal (2014 would be 2014 ms after 1970) and takes no
 *   timeUnit, on any channel: a temporal year becomes quantitative; a facet
 *   by year has a panel per year (ordinal). A quantitative year axis
 *   does not start at zero: its domain is the years drawn (padded by most of a
 *   period for bars, which are given a width to fill it); an ordinal one lists
 *   every period from the first to the last, so a missing year keeps its
 *   empty slot on the axis.
 * - A date is temporal on a UTC scale, its domain the dates drawn (padded for
 *   bars), labelled in the house date format of the chart's locale.
 * - Labels fall on whole periods only, as many as fit the view's width.
 * - The axis's accessible description says what Vega cannot ("years from
 *   2013 to 2023", not "values from 2,013 to 2,023").
 *
 * A domain, axis values, format or description the plot sets is kept.
 */
export function timeAxes(definitionPlot: Json, options: TimeAxesOptions): Json {
  const plot = structuredClone(definitionPlot);
  // A panel per year is a panel per category.
  for (const def of facetDefs(plot)) if (timeColumn(options.dataset, def)?.type === "year") def.type = "ordinal";
  for (const view of viewsOf(plot)) {
    normaliseTypes(view.spec, view.path, options);
    for (const channel of ["x", "y"] as const) {
      const axis = timeAxisOf(channelOnly(view.spec, channel), options.dataset);
      if (axis) drawAxis(view.spec, axis, options);
    }
  }
  return plot;
}

/** A view seen through one channel only, so timeAxisOf finds that channel. */
function channelOnly(spec: Json, channel: "x" | "y"): Json {
  const strip = (s: Json): Json => ({
    ...s,
    ...(isObject(s.encoding) ? { encoding: { [channel]: s.encoding[channel] } } : {}),
    ...(Array.isArray(s.layer) ? { layer: s.layer.filter(isObject).map(strip) } : {}),
  });
  return strip(spec);
}

function normaliseTypes(spec: Json, path: string, { dataset, file }: TimeAxesOptions): void {
  for (const { encoding, path: at } of encodingsOf(spec, path)) {
    for (const channel of Object.keys(encoding)) {
      const def = encoding[channel];
      const column = timeColumn(dataset, def);
      if (!column || !isObject(def)) continue;
      if (column.type === "year") {
        if (def.timeUnit !== undefined) throw new ChartsError(message.timeUnitOnYear(column.name, def.timeUnit), { file, field: `${at}.${channel}.timeUnit` });
        if (def.type === "temporal") {
          def.type = "quantitative";
          // A time scale would read the year as an instant.
          if (isObject(def.scale) && (def.scale.type === "time" || def.scale.type === "utc")) {
            const { type: _, ...scale } = def.scale;
            def.scale = scale;
          }
        }
      } else if (channel === "x" || channel === "y") {
        def.type = "temporal";
      } else if (def.type !== undefined && def.type !== "temporal" && def.type !== "nominal" && def.type !== "ordinal") {
        def.type = "temporal";
      }
    }
  }
}

function drawAxis(spec: Json, axis: TimeAxis, options: TimeAxesOptions): void {
  const { dataset, theme, locale } = options;
  const periods = dataset.rows
    .map((row) => row.values[axis.field])
    .filter((value): value is string | number => value !== null)
    .map((value) => periodOf(value, axis.step.unit));
  if (!periods.length) return;
  const [first, last] = [Math.min(...periods), Math.max(...periods)];
  const draws = (encoding: Json) => isObject(encoding[axis.channel]) && (encoding[axis.channel] as Json).field === axis.field;
  const targets = encodingsOf(spec).filter(({ encoding }) => draws(encoding));
  const bars = units(spec).filter(({ unit, encoding }) => draws(encoding) && SLOTS.has(markType(unit) ?? "") && encoding[`${axis.channel}2`] === undefined);
  const slots = bars.length > 0;
  const length = (axis.channel === "x" ? options.viewWidth : options.viewHeight) - VALUE_AXIS;
  const fontSize = theme.text.axisLabel.size;
  const words = houseWords(locale);
  const description = words.axis(
    axis.channel === "x" ? "X" : "Y",
    axis.step.unit,
    formatPeriod(first, axis.kind === "year" ? "year" : axis.step.unit, locale),
    formatPeriod(last, axis.kind === "year" ? "year" : axis.step.unit, locale),
  );

  let scale: Json;
  let ticks: Json;
  let span: number;
  if (axis.discrete) {
    const categories: number[] = [];
    for (let p = first; p <= last; p += axis.step.every) categories.push(p);
    scale = { domain: categories };
    span = categories.length;
    ticks = { values: yearTicks(first, last, axis.step.every, length, fontSize).filter((year) => categories.includes(year)) };
  } else {
    const pad = slots ? BAR_SHARE * stepLength(axis, last) : 0;
    const domain = [startOf(axis, first) - pad, startOf(axis, last) + pad];
    // Vega-Lite reads a temporal domain's values as dates in a layer's x and not in its x2 (a band, a
    // rule), and warns of the conflict: expressions read alike in both.
    scale = axis.kind === "date" ? { type: "utc", domain: domain.map(utcExpr), nice: false } : { domain, zero: false, nice: false };
    span = (domain[1]! - domain[0]!) / stepLength(axis, first);
    ticks = axis.kind === "year" ? { values: yearTicks(domain[0]!, domain[1]!, axis.step.every, length, fontSize) } : dateLabels(domain as [number, number], axis, length, fontSize, locale);
  }

  for (const { encoding } of targets) {
    const def = encoding[axis.channel] as Json;
    const own = isObject(def.scale) ? def.scale : {};
    def.scale = { ...scale, ...own };
    if (def.axis !== null) {
      const given = isObject(def.axis) ? def.axis : {};
      def.axis = { ...(given.values === undefined && given.format === undefined && given.labelExpr === undefined ? ticks : {}), description, ...given };
    }
  }
  // A bar on a continuous axis has no band to fill: give it most of a period.
  if (!axis.discrete) {
    const size = axis.channel === "x" ? "width" : "height";
    for (const { unit } of bars) {
      const mark = isObject(unit.mark) ? unit.mark : { type: unit.mark };
      if (mark[size] === undefined) unit.mark = { ...mark, [size]: Math.max(2, Math.round((BAR_SHARE * length) / Math.max(1, span))) };
    }
  }
}

/**
 * Labels of a date axis: ticks at round intervals, each written in the
 * house format of its granularity; the year is written on the first label
 * and wherever a new year starts ("Jan 2023, Apr, Jul, Oct, Jan 2024").
 */
function dateLabels(domain: [number, number], axis: TimeAxis, length: number, fontSize: number, locale: string): Json {
  const chars = (interval: TickInterval) => (interval.unit === "year" ? 4 : interval.unit === "month" ? 6 : 7);
  const { values, interval } = dateTicks(domain[0], domain[1], axis.step, length, fontSize, chars);
  if (interval.unit === "year") return { values, format: "%Y", formatType: "utc" };
  // Quarterly rows are labelled by quarter ("Q3 2022, Q1 2023, Q3") when the labels fall on quarters.
  const unit = axis.step.unit === "quarter" && interval.unit === "month" && interval.count % 3 === 0 ? "quarter" : interval.unit;
  const withYear = datePattern(unit, locale, true);
  const alone = datePattern(unit, locale, false);
  const newYear = interval.unit === "month" ? "utcmonth(datum.value) < " + interval.count : `utcmonth(datum.value) === 0 && utcdate(datum.value) <= ${interval.unit === "week" ? 7 * interval.count : interval.count}`;
  return {
    values,
    labelExpr: `utcFormat(datum.value, datum.index === 0 || (${newYear}) ? ${JSON.stringify(withYear)} : ${JSON.stringify(alone)})`,
  };
}

/** A timestamp as a Vega expression: `utc(2023, 3, 1)` is 1 April 2023. */
function utcExpr(ms: number): Json {
  const date = new Date(ms);
  const parts = [date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds()];
  while (parts.length > 3 && parts.at(-1) === 0) parts.pop();
  return { expr: `utc(${parts.join(", ")})` };
}
