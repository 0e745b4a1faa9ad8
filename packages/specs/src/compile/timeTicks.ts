// Where a time axis puts its labels: whole periods only (never 2014.5), as
// many as fit the width without touching, at round intervals. Widths are
// estimated here (specs has no font metrics); Vega's labelOverlap stays on
// behind this as a safety net.
import { periodOf, periodStart, type TimeStep, type TimeUnit } from "@charts/datasets";

/** Estimated width of a label of `chars` characters at `fontSize` px, with room between labels. */
export function labelRoom(chars: number, fontSize: number): number {
  return chars * 0.55 * fontSize + 14;
}

/** Intervals between labelled years, smallest first. */
const YEAR_INTERVALS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];

/**
 * Years to label between `from` and `to` (inclusive, whole years): every
 * year when they fit in `width` px, else every 2nd from the first, else
 * multiples of 5, 10, 20... (2015, 2020). A multi-year step labels only its
 * own grid.
 *
 * @example yearTicks(2013, 2023, 1, 200, 12) // [2013, 2015, 2017, 2019, 2021, 2023]
 */
export function yearTicks(from: number, to: number, every: number, width: number, fontSize: number): number[] {
  const room = labelRoom(4, fontSize);
  const [lo, hi] = [Math.ceil(from), Math.floor(to)];
  for (const k of YEAR_INTERVALS.map((n) => n * every)) {
    const start = k <= 2 * every ? lo : Math.ceil(lo / k) * k;
    const ticks: number[] = [];
    for (let year = start; year <= hi; year += k) ticks.push(year);
    if (ticks.length * room <= width || ticks.length <= 2) return ticks;
  }
  return [lo, hi];
}

/** An interval between labels on a date axis: `count` periods of `unit`. */
export interface TickInterval {
  unit: Exclude<TimeUnit, "quarter">;
  count: number;
}

const DATE_INTERVALS: TickInterval[] = [
  { unit: "day", count: 1 },
  { unit: "day", count: 2 },
  { unit: "week", count: 1 },
  { unit: "week", count: 2 },
  { unit: "month", count: 1 },
  { unit: "month", count: 2 },
  { unit: "month", count: 3 },
  { unit: "month", count: 6 },
  ...YEAR_INTERVALS.map((count): TickInterval => ({ unit: "year", count })),
];

/** Length of an interval in days, roughly, to compare it with a step. */
function days(unit: TimeUnit, count: number): number {
  return count * { day: 1, week: 7, month: 30, quarter: 91, year: 365 }[unit];
}

/**
 * Labels for a date axis from `from` to `to` (ms UTC): the first interval,
 * no finer than the data's step, whose labels fit in `width` px. Ticks fall
 * on period starts aligned to the interval (January and July for 6 months,
 * Mondays for weeks, years divisible by 5 for 5 years). `chars` estimates a
 * label's length per tick unit.
 */
export function dateTicks(
  from: number,
  to: number,
  step: TimeStep,
  width: number,
  fontSize: number,
  chars: (interval: TickInterval) => number,
): { values: number[]; interval: TickInterval } {
  const finest = days(step.unit, step.every);
  const candidates = DATE_INTERVALS.filter(({ unit, count }) => days(unit, count) >= finest);
  let last: { values: number[]; interval: TickInterval } | undefined;
  for (const interval of candidates) {
    const values = ticksOf(from, to, interval);
    last = { values, interval };
    if (values.length * labelRoom(chars(interval), fontSize) <= width || values.length <= 2) return last;
  }
  return last!;
}

function ticksOf(from: number, to: number, { unit, count }: TickInterval): number[] {
  const values: number[] = [];
  const first = periodOf(new Date(from).toISOString().slice(0, 10), unit);
  const last = periodOf(new Date(to).toISOString().slice(0, 10), unit);
  for (let index = first; index <= last; index++) {
    if (count > 1 && ((index % count) + count) % count !== 0) continue;
    const start = periodStart(index, unit);
    if (start >= from && start <= to) values.push(start);
  }
  return values;
}
