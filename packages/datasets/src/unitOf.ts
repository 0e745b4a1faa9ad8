import type { Column, Dataset, Row } from "./types.ts";

const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

/**
 * The unit of one cell: the column's `unit`; for the value column of a
 * dataset whose rows carry their own unit, the row's `unit` cell (russia-tourists
 * mixes % and rank); `year` for year columns; else none. The checker, the
 * chart's formats and its number check all read units through here.
 */
export function unitOf(dataset: Dataset, column: Column, row: Row): string | undefined {
  if (column.unit) return column.unit;
  if (column.name === dataset.meta.value && dataset.meta.columns.some((c) => c.name === "unit")) {
    const own = row.values.unit;
    if (typeof own === "string") return own;
  }
  return column.type === "year" ? "year" : undefined;
}

/**
 * How many base units one unit is: 1e6 for `USD million`, 1e9 for `EUR
 * billion`, 1 for `USD`, `%`, `count` and the rest.
 * @example unitScale("USD million") // 1e6
 */
export function unitScale(unit: string | undefined): number {
  const scale = unit === undefined ? undefined : /^[A-Z]{3} (thousand|million|billion|trillion)$/.exec(unit)?.[1];
  return scale ? SCALES[scale]! : 1;
}
