import type { Column, Dataset, Row } from "./types.ts";

/**
 * The unit of one cell: the column's `unit`; for the value column of a
 * dataset whose rows carry their own unit, the row's `unit` cell (russia-tourists
 * mixes % and rank); `year` for year columns; else none. The checker, the
 * chart's formats and its number check all read units through here; what a
 * unit means (its currency, scale, kind) is @charts/numbers' parseUnit.
 */
export function unitOf(dataset: Dataset, column: Column, row: Row): string | undefined {
  if (column.unit) return column.unit;
  if (carriesRowUnits(dataset, column)) {
    const own = row.values.unit;
    if (typeof own === "string") return own;
  }
  return column.type === "year" ? "year" : undefined;
}

/** Whether `column` is the value column of a dataset whose rows give their unit in a `unit` column. */
export function carriesRowUnits(dataset: Pick<Dataset, "meta">, column: Column): boolean {
  return !column.unit && column.name === dataset.meta.value && dataset.meta.columns.some((c) => c.name === "unit");
}
