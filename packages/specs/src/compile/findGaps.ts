import { missingPeriods, periodOf, type Dataset, type PeriodRun, type Value } from "@charts/datasets";
import { isObject, units, type Json, type View } from "./plotShape.ts";
import type { TimeAxis } from "./timeAxis.ts";

/** Encoding channels whose discrete fields split a mark into series (one line per value). */
const SERIES_CHANNELS = ["color", "fill", "stroke", "detail", "strokeDash", "shape", "opacity", "fillOpacity", "strokeOpacity", "strokeWidth"];

/** Periods missing from one panel or one series: `key` names it by its fields' values ({} for the whole view). */
export interface Gap {
  key: Record<string, Value>;
  runs: PeriodRun[];
}

export interface ViewGaps {
  /** Periods no series of a panel has, between the panel's first and last: shaded and noted. */
  panels: Gap[];
  /** Periods one series lacks where another of its panel has figures: its line breaks, the note names it. */
  series: Gap[];
  /** Fields that split the view's marks into series (panels included). */
  seriesFields: string[];
}

/**
 * The discrete fields that split a unit's marks into series: fields of its
 * colour, detail, dash, shape and the like, and the fields a colour
 * condition tests (a highlight colours by test, and lines keep one series
 * per value). The time field is never one.
 */
export function seriesFieldsOf(encoding: Json, timeField: string): string[] {
  const fields = new Set<string>();
  for (const channel of SERIES_CHANNELS) {
    const defs = Array.isArray(encoding[channel]) ? (encoding[channel] as unknown[]) : [encoding[channel]];
    for (const def of defs) {
      if (!isObject(def)) continue;
      if (typeof def.field === "string" && def.type !== "quantitative") fields.add(def.field);
      const test = isObject(def.condition) ? def.condition.test : undefined;
      if (isObject(test) && typeof test.field === "string") fields.add(test.field);
    }
  }
  fields.delete(timeField);
  return [...fields];
}

/**
 * Step 7a, at compile time: the periods missing in a view's rows along its
 * time axis, per panel (what no series of the panel gives) and per series.
 * Draw and note steps use it; the marks themselves find the same gaps in
 * Vega's dataflow from the rows (see drawRows).
 */
export function findGaps(view: View, axis: TimeAxis, dataset: Pick<Dataset, "rows">): ViewGaps {
  const series = new Set<string>(view.panels);
  for (const { encoding, unit } of units(view.spec)) {
    if (unit.data === undefined) for (const field of seriesFieldsOf(encoding, axis.field)) series.add(field);
  }
  const seriesFields = [...series];
  const rows = dataset.rows.filter((row) => row.values[axis.field] !== null && row.values[axis.field] !== undefined);
  const groups = (fields: string[]): Gap[] => {
    const byKey = new Map<string, { key: Record<string, Value>; periods: number[] }>();
    for (const row of rows) {
      const key = Object.fromEntries(fields.map((f) => [f, row.values[f] ?? null]));
      const id = JSON.stringify(key);
      const group = byKey.get(id) ?? { key, periods: [] };
      group.periods.push(periodOf(row.values[axis.field] as string | number, axis.step.unit));
      byKey.set(id, group);
    }
    return [...byKey.values()].map(({ key, periods }) => ({ key, runs: missingPeriods(periods, axis.step.every) })).filter((gap) => gap.runs.length);
  };
  const panels = groups(view.panels);
  const shaded = (gap: Gap, period: number) =>
    panels.some((panel) => Object.entries(panel.key).every(([f, v]) => gap.key[f] === v) && panel.runs.some((run) => period >= run.first && period <= run.last));
  // A series' own gaps, less the periods its whole panel lacks (those are noted for the panel).
  const own = groups(seriesFields)
    .map((gap) => ({ key: gap.key, runs: gap.runs.flatMap((run) => unshaded(run, axis.step.every, (p) => shaded(gap, p))) }))
    .filter((gap) => gap.runs.length);
  return { panels, series: seriesFields.length > view.panels.length ? own : [], seriesFields };
}

/** The parts of a run whose periods `covered` does not cover. */
function unshaded(run: PeriodRun, every: number, covered: (period: number) => boolean): PeriodRun[] {
  const runs: PeriodRun[] = [];
  for (let p = run.first; p <= run.last; p += every) {
    if (covered(p)) continue;
    const last = runs.at(-1);
    if (last && last.last + every === p) last.last = p;
    else runs.push({ first: p, last: p });
  }
  return runs;
}
