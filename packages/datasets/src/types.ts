// Contracts of the datasets stage. A dataset is a folder under `datasets/`:
//   dataset.json  metadata (title, units, columns; see dataset.schema.json)
//   data.csv      the table; every row carries its provenance columns

export type ColumnType = "string" | "number" | "year" | "date";

export interface Column {
  name: string;
  type: ColumnType;
  /** Unit of a number column, in the @charts/numbers grammar: `USD million`, `EUR billion`, `count million`, `%`, `pp`, `rank`... */
  unit?: string;
  description?: string;
}

export interface DatasetMeta {
  title: string;
  description?: string;
  columns: Column[];
  /** The column each row's `figure` is checked against. */
  value: string;
  /**
   * The time step of the rows: `year`, `quarter`, `month`, `week` or `day`,
   * optionally a multiple (`5 years`). Without it the step is inferred from
   * the rows a chart draws (see timeStep). Charts mark the periods missing
   * between a series' first and last row as gaps.
   */
  step?: string;
}

export type ProvenanceStatus = "stated" | "implied" | "derived";

/** Where a row's value comes from. These are columns of every data.csv. */
export interface Provenance {
  /** Id of the source text (file name without `.txt`). */
  source: string;
  /** The figure exactly as the text writes it, e.g. `US$72 million`. */
  figure: string;
  status: ProvenanceStatus;
  /** Words that stand in the same sentence as the figure, to pick the right occurrence. */
  context?: string;
  /** For derived rows: the value as an expression of the parsed figure, e.g. `2 * figure`. */
  formula?: string;
  /** Required for implied and derived rows: where the unsaid part comes from, or how it was derived. */
  note?: string;
}

export const PROVENANCE_COLUMNS = ["source", "figure", "status", "context", "formula", "note"] as const;

export type Value = string | number | null;

export interface Row {
  /** 1-based data row number in data.csv (header excluded). */
  row: number;
  values: Record<string, Value>;
  provenance: Provenance;
}

export interface Dataset {
  name: string;
  /** Folder of the dataset. */
  dir: string;
  /** Paths as shown to users (relative to the project root when possible). */
  metaFile: string;
  dataFile: string;
  meta: DatasetMeta;
  rows: Row[];
}

/** Metadata of the source texts a project cites (datasets/sources.json). */
export interface SourceInfo {
  /** Publisher or outlet as the source line names it. */
  publisher: string;
  title?: string;
  author?: string;
  /** ISO date of publication. */
  date?: string;
}

/** A row's figure as found in its text by `checkDatasets`. */
export interface VerifiedRow {
  dataset: string;
  row: number;
  source: string;
  figure: string;
  status: ProvenanceStatus;
  /** The sentence the figure stands in, from the cleaned text. */
  sentence: string;
  /** Value of the figure converted to the column's unit (after the formula for derived rows); for a date value column, the date's year. */
  value: number;
}
