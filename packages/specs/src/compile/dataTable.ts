import { unitOf, type Dataset, type SourceInfo, type Value } from "@charts/datasets";
import { languageOf, type Language, type Locale } from "@charts/numbers";
import { formatValue } from "@charts/theme";
import type { ChartMeta } from "../types.ts";

/** One column of a chart's data table: `key` heads the CSV, `label` the HTML table. */
export interface TableColumn {
  key: string;
  label: string;
  /** Number columns are right-aligned in HTML. */
  numeric?: boolean;
}

/** One cell: the value as the CSV gives it, and as a reader reads it (house format). */
export interface TableCell {
  value: Value;
  text: string;
}

/**
 * The rows a chart draws as a table, published beside it (CSV and an HTML
 * fragment): the dataset's columns, the unit of each row's value, and its
 * provenance: the source's publisher, the figure as the source writes it, its
 * status (stated, implied, derived) and the note on how it was implied or derived.
 */
export interface DataTable {
  /** What is measured (the dek). */
  caption: string;
  /** The source line, in the chart's language. */
  source: string;
  locale: string;
  columns: TableColumn[];
  /** Cells in column order. */
  rows: TableCell[][];
}

const PROVENANCE: Record<Language, { unit: string; source: string; figure: string; status: string; note: string }> = {
  en: { unit: "Unit", source: "Source", figure: "Figure as written", status: "Status", note: "Note" },
  fr: { unit: "Unité", source: "Source", figure: "Chiffre tel qu’écrit", status: "Statut", note: "Note" },
  de: { unit: "Einheit", source: "Quelle", figure: "Zahl im Wortlaut", status: "Status", note: "Anmerkung" },
  es: { unit: "Unidad", source: "Fuente", figure: "Cifra tal como se escribe", status: "Estado", note: "Nota" },
  vi: { unit: "Đơn vị", source: "Nguồn", figure: "Số liệu nguyên văn", status: "Trạng thái", note: "Ghi chú" },
};

/**
 * The data table of a chart: the rows of `drawn` (after `where`, the rows the
 * chart draws, not those it only cites), with a `unit` column when a number
 * column has a unit, and the provenance columns. Number cells are written by
 * the house formatter in the chart's locale for the HTML table; the CSV keeps
 * the numbers as data.csv has them.
 *
 * @example dataTable(arms, sources, meta).columns.map((c) => c.key) // ["year", "value_usd_m", "unit", "source", "figure", "status", "note"]
 */
export function dataTable(drawn: Dataset, sources: Map<string, SourceInfo> | Record<string, SourceInfo>, meta: ChartMeta): DataTable {
  const words = PROVENANCE[languageOf(meta.locale as Locale)];
  const data = drawn.meta.columns;
  const value = data.find((c) => c.name === drawn.meta.value);
  const hasUnit = data.some((c) => c.name === "unit");
  const unitColumn = !hasUnit && value && value.type === "number";
  const columns: TableColumn[] = [
    ...data.map((c) => ({ key: c.name, label: c.description ?? c.name, ...(c.type === "number" ? { numeric: true } : {}) })),
    ...(unitColumn ? [{ key: "unit", label: words.unit }] : []),
    { key: "source", label: words.source },
    { key: "figure", label: words.figure },
    { key: "status", label: words.status },
    { key: "note", label: words.note },
  ];
  const publisher = (id: string) => (sources instanceof Map ? sources.get(id) : Object.hasOwn(sources, id) ? sources[id] : undefined)?.publisher ?? id;
  const rows = drawn.rows.map((row) => {
    const cells: TableCell[] = data.map((column) => {
      const cell = row.values[column.name] ?? null;
      const unit = column.type === "number" ? unitOf(drawn, column, row) : undefined;
      const text = typeof cell === "number" && unit ? formatValue(cell, { unit, locale: meta.locale }) : cell === null ? "" : String(cell);
      return { value: cell, text };
    });
    if (unitColumn) {
      const unit = unitOf(drawn, value, row) ?? "";
      cells.push({ value: unit, text: unit });
    }
    const { source, figure, status, note } = row.provenance;
    for (const text of [publisher(source), figure, status, note ?? ""]) cells.push({ value: text, text });
    return cells;
  });
  return { caption: meta.dek, source: meta.source, locale: meta.locale, columns, rows };
}
