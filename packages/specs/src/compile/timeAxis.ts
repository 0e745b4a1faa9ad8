// Which channel of a view is time, and time as Vega expressions. The compile
// steps that draw gaps and style lines work in Vega's dataflow (on the rows,
// after the chart's own filters), so the period arithmetic of
// @charts/datasets (periodOf, periodStart) is written here once more as Vega
// expressions; a test keeps the two equal.
import { periodStart, readIsoDate, timeStep, type Column, type Dataset, type TimeStep } from "@charts/datasets";
import { isDiscrete, isObject, units, type Json } from "./plotShape.ts";

export interface TimeAxis {
  channel: "x" | "y";
  field: string;
  column: Column;
  /** Years are numbers on the scale; dates are instants (ms, UTC). */
  kind: "year" | "date";
  step: TimeStep;
  /** Whether the periods are categories of a band scale (years typed ordinal or nominal). */
  discrete: boolean;
}

/** The year or date column a channel definition draws, if any. */
export function timeColumn(dataset: Pick<Dataset, "meta">, def: unknown): Column | undefined {
  if (!isObject(def) || typeof def.field !== "string") return undefined;
  const column = dataset.meta.columns.find((c) => c.name === def.field);
  return column && (column.type === "year" || column.type === "date") ? column : undefined;
}

/**
 * The time channel of a view: its x (else y) when the field is a year or
 * date column. The step is the dataset's, for the rows drawn.
 */
export function timeAxisOf(view: Json, dataset: Pick<Dataset, "meta" | "rows">): TimeAxis | undefined {
  for (const channel of ["x", "y"] as const) {
    for (const { encoding } of units(view)) {
      const def = encoding[channel];
      const column = timeColumn(dataset, def);
      if (!column) continue;
      return {
        channel,
        field: column.name,
        column,
        kind: column.type === "date" ? "date" : "year",
        step: timeStep(dataset, column),
        discrete: isDiscrete(def),
      };
    }
  }
  return undefined;
}

const DAY = 86_400_000;

/** Vega expression: the period number of `value` (a year, or a date as a Date, timestamp or ISO string), as periodOf gives it. */
export function periodExpr(axis: Pick<TimeAxis, "kind" | "step">, expression: string): string {
  const value = `(${expression})`;
  if (axis.kind === "year") return value;
  switch (axis.step.unit) {
    case "year":
      return `utcyear(${value})`;
    case "quarter":
      return `(utcyear(${value}) * 4 + floor(utcmonth(${value}) / 3))`;
    case "month":
      return `(utcyear(${value}) * 12 + utcmonth(${value}))`;
    case "week":
      return `floor((floor(time(${value}) / ${DAY}) + 3) / 7)`;
    case "day":
      return `floor(time(${value}) / ${DAY})`;
  }
}

/** Vega expression: where period `index` starts on the axis (the year itself, or ms UTC), as periodStart gives it. */
export function startExpr(axis: Pick<TimeAxis, "kind" | "step">, expression: string): string {
  const index = `(${expression})`;
  if (axis.kind === "year") return index;
  switch (axis.step.unit) {
    case "year":
      return `utc(${index}, 0, 1)`;
    case "quarter":
      return `utc(floor(${index} / 4), (${index} % 4) * 3, 1)`;
    case "month":
      return `utc(floor(${index} / 12), ${index} % 12, 1)`;
    case "week":
      return `(${index} * 7 - 3) * ${DAY}`;
    case "day":
      return `${index} * ${DAY}`;
  }
}

/** Where period `index` starts on the axis: the year for year columns, else ms UTC. */
export function startOf(axis: Pick<TimeAxis, "kind" | "step">, index: number): number {
  return axis.kind === "year" ? index : periodStart(index, axis.step.unit);
}

/** The length of one step on the axis, in years or ms, near period `index`. */
export function stepLength(axis: Pick<TimeAxis, "kind" | "step">, index: number): number {
  return startOf(axis, index + axis.step.every) - startOf(axis, index);
}

/**
 * A value as Vega-Lite compares or places it on a column's scale: an ISO
 * date of a date column as a UTC DateTime (a string would be compared as a
 * string, or not placed at all); anything else as it is.
 */
export function datumOf(dataset: Pick<Dataset, "meta">, field: string, value: string | number): string | number | Json {
  const column = dataset.meta.columns.find((c) => c.name === field);
  const date = column?.type === "date" && typeof value === "string" ? readIsoDate(value) : undefined;
  return date ? { year: date.year, month: date.month, date: date.day, utc: true } : value;
}
