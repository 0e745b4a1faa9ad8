import type { Column, Dataset } from "./types.ts";
import { parseStep, readIsoDate, type IsoDate, type TimeStep } from "./periods.ts";

/**
 * The time step of a dataset's rows along a year or date column: the
 * dataset's `step` when dataset.json declares one, else inferred from the
 * rows (pass a dataset narrowed to the rows a chart draws):
 *
 * - a year column is yearly;
 * - a date column is as fine as the dates allow: yearly when every date is
 *   1 January, quarterly when every date is the 1st of January, April, July
 *   or October, monthly when every date is a 1st (or written YYYY-MM), weekly
 *   when every date is the same day of the week, else daily.
 *
 * Inference cannot tell a monthly series that only has quarter months from a
 * quarterly one: declare `step` when the rows could mislead.
 *
 * @example timeStep(arms, yearColumn) // { unit: "year", every: 1 }
 */
export function timeStep(dataset: Pick<Dataset, "meta" | "rows">, column: Column): TimeStep {
  if (dataset.meta.step !== undefined) return parseStep(dataset.meta.step);
  if (column.type !== "date") return { unit: "year", every: 1 };
  const dates = dataset.rows
    .map((row) => row.values[column.name])
    .filter((value): value is string => typeof value === "string")
    .map(readIsoDate)
    .filter((date): date is IsoDate => date !== undefined);
  const firsts = dates.every((date) => date.day === 1);
  if (firsts && dates.length > 1 && dates.every((date) => date.month === 1)) return { unit: "year", every: 1 };
  if (firsts && dates.length > 1 && dates.every((date) => (date.month - 1) % 3 === 0)) return { unit: "quarter", every: 1 };
  if (firsts && (dates.length > 1 || dates.some((date) => date.form === "month"))) return { unit: "month", every: 1 };
  const weekdays = new Set(dates.map((date) => new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()));
  if (dates.length > 1 && weekdays.size === 1) return { unit: "week", every: 1 };
  return { unit: "day", every: 1 };
}
