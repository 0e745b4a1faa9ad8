// Time as whole periods. A year column holds years, a date column ISO dates
// (YYYY-MM-DD, or YYYY-MM for a month); either falls in a numbered period of
// a unit (year, quarter, month, week, day), so a dataset's step, the periods
// missing between two rows and the length of a gap are integer arithmetic.
// Everything is UTC: a date is a calendar day, never an instant in a zone.
import { ChartsError, invalid, message, type Where } from "@charts/errors";

export const TIME_UNITS = ["year", "quarter", "month", "week", "day"] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** The step between a dataset's rows: one period of `unit`, or `every` of them (`5 years`). */
export interface TimeStep {
  unit: TimeUnit;
  every: number;
}

/** A date cell as written: a day (`2023-04-30`) or a month (`2023-04`). */
export interface IsoDate {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31; 1 for a month. */
  day: number;
  form: "day" | "month";
}

const DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/**
 * An ISO date as a dataset writes it, or undefined for anything else: other
 * forms (`03/04/2023`, `2023-4-1`, `April 2023`), times, and days the
 * calendar lacks (`2023-02-30`).
 *
 * @example readIsoDate("2024-02-29") // { year: 2024, month: 2, day: 29, form: "day" }
 */
export function readIsoDate(text: string): IsoDate | undefined {
  const match = ISO.exec(text);
  if (!match) return undefined;
  const [year, month] = [Number(match[1]), Number(match[2])];
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  if (new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1) return undefined;
  return { year, month, day, form: match[3] === undefined ? "month" : "day" };
}

/**
 * Reads a dataset's `step`: `year`, `quarter`, `month`, `week`, `day`, or a
 * multiple (`5 years`, `2 quarters`).
 * @throws ChartsError via `invalid` naming `where` for anything else.
 */
export function parseStep(text: string, where: Where = {}): TimeStep {
  const match = /^(?:([1-9]\d*) )?(year|quarter|month|week|day)s?$/.exec(text.trim());
  if (!match || (match[1] === undefined && text.trim().endsWith("s"))) throw invalid(where, message.expectedStep(), text);
  return { unit: match[2] as TimeUnit, every: match[1] === undefined ? 1 : Number(match[1]) };
}

/** The step as a dataset writes it: `year`, `5 years`. */
export function formatStep(step: TimeStep): string {
  return step.every === 1 ? step.unit : `${step.every} ${step.unit}s`;
}

/** Days since 1970-01-01 of a year (its 1 January) or an ISO date. */
function dayOf(value: number | string): number {
  if (typeof value === "number") return Date.UTC(value, 0, 1) / DAY;
  const date = readIsoDate(value);
  if (!date) throw new ChartsError(message.invalid(message.expectedIsoDate(), value));
  return Date.UTC(date.year, date.month - 1, date.day) / DAY;
}

/**
 * The number of the period a year (a number) or an ISO date (a string) falls
 * in: for years the year; quarters `year * 4 + quarter - 1`; months
 * `year * 12 + month - 1`; weeks, Monday to Sunday, counted from the week of
 * 1 January 1970; days since 1 January 1970. Consecutive periods differ by 1.
 *
 * @example periodOf("2023-05-17", "quarter") // 8093 (Q2 2023)
 */
export function periodOf(value: number | string, unit: TimeUnit): number {
  const days = dayOf(value);
  const date = new Date(days * DAY);
  const [year, month] = [date.getUTCFullYear(), date.getUTCMonth()];
  switch (unit) {
    case "year":
      return year;
    case "quarter":
      return year * 4 + Math.floor(month / 3);
    case "month":
      return year * 12 + month;
    case "week":
      // 1970-01-01 was a Thursday: its week began on Monday 29 December 1969, day -3.
      return Math.floor((days + 3) / 7);
    case "day":
      return days;
  }
}

/** The first day of period `index` of `unit`, in ms since 1970 (UTC). */
export function periodStart(index: number, unit: TimeUnit): number {
  switch (unit) {
    case "year":
      return Date.UTC(index, 0, 1);
    case "quarter":
      return Date.UTC(Math.floor(index / 4), (((index % 4) + 4) % 4) * 3, 1);
    case "month":
      return Date.UTC(Math.floor(index / 12), ((index % 12) + 12) % 12, 1);
    case "week":
      return (index * 7 - 3) * DAY;
    case "day":
      return index * DAY;
  }
}

/** Periods missing between the first and the last of `periods`: runs of whole steps, inclusive. */
export interface PeriodRun {
  first: number;
  last: number;
}

/**
 * The runs of periods missing between the first and last of `periods`
 * (period numbers, in any order), stepping by `every`: [2014, 2022] by 1 is
 * missing 2015-2021. Periods off the step's grid (2017 in a 5-yearly series
 * of 2015 and 2020) are not gaps.
 *
 * @example missingPeriods([2014, 2022, 2013], 1) // [{ first: 2015, last: 2021 }]
 */
export function missingPeriods(periods: number[], every = 1): PeriodRun[] {
  const sorted = [...new Set(periods)].sort((a, b) => a - b);
  const runs: PeriodRun[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    if (after - before > every) runs.push({ first: before + every, last: after - every });
  }
  return runs;
}
