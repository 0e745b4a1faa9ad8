import { stringify } from "csv-stringify/sync";
import type { DataTable } from "./types.ts";

/**
 * A chart's data table as CSV (RFC 4180 quoting, `\n` line ends, UTF-8):
 * a header of column keys (the dataset's column names, then `unit`, `source`,
 * `figure`, `status`, `note`), then one line per row drawn, numbers as
 * data.csv has them, an empty cell for a missing value.
 *
 * @example tableCsv(table) // "year,value_usd_m,unit,source,figure,status,note\n2014,1000,USD million,..."
 */
export function tableCsv(table: DataTable): string {
  const header = table.columns.map((column) => column.key);
  const rows = table.rows.map((row) => row.map((cell) => (cell.value === null ? "" : cell.value)));
  return stringify([header, ...rows]);
}
