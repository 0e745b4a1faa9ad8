import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { ChartsError, checkLimit, invalid, limitOf, message, type Limits, type Where, displayPath } from "@charts/errors";
import { readUnit } from "@charts/numbers";
import { readUtf8 } from "@charts/texts";
import { compileFormula } from "./evaluateFormula.ts";
import { parseStep, readIsoDate, type IsoDate } from "./periods.ts";
import { readJson } from "./readJson.ts";
import {
  PROVENANCE_COLUMNS,
  type Column,
  type Dataset,
  type DatasetMeta,
  type Provenance,
  type ProvenanceStatus,
  type Row,
  type Value,
} from "./types.ts";
import { carriesRowUnits } from "./unitOf.ts";
import { validateJson } from "./validateJson.ts";

export interface LoadOptions {
  /** Paths in error messages are shown relative to this folder (default: the working directory). */
  root?: string;
  /** Sizes, rows, nesting and formulas allowed (default DEFAULT_LIMITS of @charts/errors). */
  limits?: Partial<Limits>;
  /**
   * For loadDatasets: called with each dataset that does not load, which is
   * then left out; without it the first such dataset throws. The build passes
   * one, so a bad dataset fails only the charts that draw on it.
   */
  onError?: (error: ChartsError, name: string) => void;
}

const STATUSES: readonly ProvenanceStatus[] = ["stated", "implied", "derived"];
const PROVENANCE_LIST = PROVENANCE_COLUMNS.join(", ");
// A number cell as a desk types it: 171, 3.6, -2.5. No separators, units or exponents,
// so "7,6" or "3.6bn" is caught here instead of becoming NaN on the chart.
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
// Digits a double holds exactly: a longer number would be rounded (or become Infinity) without a word.
const MAX_DIGITS = 15;

/**
 * Loads one dataset folder: validates `dataset.json` against
 * `dataset.schema.json`, parses `data.csv` and types every cell by its column
 * (`number` and `year` cells become numbers, `date` cells stay ISO strings,
 * `2023-04-30` or `2023-04`, empty cells null).
 *
 * Rules checked, each failure a ChartsError naming file, row, field, what was
 * expected and what was received: both files are UTF-8 text within the size
 * limits, dataset.json has no duplicate keys or deep nesting; the header
 * holds exactly the columns of dataset.json plus the provenance columns; there
 * are rows, and no more than `limits.datasetRows`; every row has source,
 * figure, status and a value; numbers are plain and exact (at most 15
 * digits); implied and derived rows have a note; derived rows have a
 * formula (and only they do); no two rows share all their non-value columns;
 * every unit, of a column or of a row's `unit` cell, is one of @charts/numbers;
 * a date is an ISO date written in one form per column (a date in any other
 * form is an error, never dropped); a declared `step` is one a time column
 * can take (no monthly step for a year column).
 *
 * @example const arms = await loadDataset("datasets/russia-arms-transfers")
 */
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const { limits } = options;
  const metaFile = displayPath(join(dir, "dataset.json"), options.root);
  const dataFile = displayPath(join(dir, "data.csv"), options.root);
  const meta = checkMeta(validateJson<DatasetMeta>("dataset.schema.json", await readJson(join(dir, "dataset.json"), metaFile, limits), metaFile), metaFile);
  const csv = await readUtf8(join(dir, "data.csv"), { shown: dataFile, limit: "datasetBytes", limits });
  const rows = parseRows(csv, meta, dataFile, limits);
  checkStepForDates(meta, rows, metaFile);
  return { name: basename(join(dir, ".")), dir, metaFile, dataFile, meta, rows };
}

/** A declared step finer than a date column's form (`day` for dates written as months) cannot be drawn. */
function checkStepForDates(meta: DatasetMeta, rows: Row[], metaFile: string): void {
  if (meta.step === undefined) return;
  const { unit } = parseStep(meta.step);
  if (unit !== "week" && unit !== "day") return;
  for (const column of meta.columns.filter((c) => c.type === "date")) {
    const first = rows.map((row) => row.values[column.name]).find((cell): cell is string => typeof cell === "string");
    if (first !== undefined && readIsoDate(first)?.form === "month") {
      throw invalid({ file: metaFile, field: "step" }, message.expectedStepFor(`the date column ${column.name}, written as months`, ["year", "quarter", "month"]), meta.step);
    }
  }
}

/**
 * The text of a data.csv -> typed rows with their provenance, by the rules of
 * loadDataset. At most `limits.datasetRows` rows are parsed: a longer file is
 * refused before its rows are typed, with its row count.
 *
 * @example parseRows("year,value,source,...\n2022,72,004_e411960df6774cf9,...", meta, "datasets/x/data.csv")
 */
export function parseRows(csv: string, meta: DatasetMeta, dataFile: string, limits?: Partial<Limits>): Row[] {
  const maxRows = limitOf(limits, "datasetRows");
  const records = parseCsv(csv, dataFile, { to: maxRows + 2 });
  const [header, ...body] = records;
  if (!header) throw new ChartsError(message.emptyCsv(), { file: dataFile });
  if (body.length > maxRows) checkLimit("datasetRows", parseCsv(csv, dataFile, { count: true }).length - 1, { file: dataFile }, limits);
  checkHeader(header, meta, dataFile);
  if (!body.length) throw new ChartsError(message.noRows(), { file: dataFile });

  const rows: Row[] = [];
  const seen = new Map<string, number>();
  const keyColumns = meta.columns.filter((column) => column.name !== meta.value);
  const rowUnits = carriesRowUnits({ meta }, meta.columns.find((column) => column.name === meta.value)!);
  const dateForms = new Map<string, { form: IsoDate["form"]; row: number }>();
  body.forEach((record, index) => {
    const row = index + 1;
    if (record.length !== header.length) throw new ChartsError(message.fieldCount(header.length, record.length), { file: dataFile, row });
    const cells = new Map(header.map((name, i) => [name, record[i] ?? ""]));
    const values: Record<string, Value> = {};
    for (const column of meta.columns) {
      const where = { file: dataFile, row, field: column.name };
      values[column.name] = typed(cells.get(column.name) ?? "", column, where);
      if (column.type === "date" && values[column.name] !== null) checkDateForm(values[column.name] as string, dateForms, where);
    }
    if (values[meta.value] === null) throw invalid({ file: dataFile, row, field: meta.value }, message.expectedValue(), "");
    const provenance = readProvenance(cells, { file: dataFile, row }, limits);
    if (keyColumns.length) {
      const key = JSON.stringify(keyColumns.map((column) => values[column.name]));
      const first = seen.get(key);
      if (first !== undefined) {
        throw invalid(
          { file: dataFile, row },
          message.expectedDistinctRow(first, keyColumns.map((column) => column.name)),
          keyColumns.map((column) => String(values[column.name])).join(", "),
        );
      }
      seen.set(key, row);
    }
    if (rowUnits) readUnit(values.unit, { file: dataFile, row, field: "unit" });
    rows.push({ row, values, provenance });
  });
  return rows;
}

/** csv-parse, its errors placed in the file: up to `to` records, or (`count`) every record, kept empty. */
function parseCsv(csv: string, file: string, options: { to?: number; count?: boolean }): string[][] {
  try {
    return parse(csv, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      ...(options.to ? { to: options.to } : {}),
      ...(options.count ? { on_record: () => [] } : {}),
    }) as string[][];
  } catch (error) {
    throw new ChartsError(message.invalidCsv((error as Error).message), { file }, { cause: error });
  }
}

/**
 * Loads every dataset under `root`: each subfolder with a dataset.json, by
 * name. Other entries (sources.json, a README) are not datasets. A dataset
 * that does not load throws, or with `options.onError` is reported there and
 * left out.
 */
export async function loadDatasets(root: string, options: LoadOptions = {}): Promise<Map<string, Dataset>> {
  const found = await stat(root).catch(() => undefined);
  if (!found?.isDirectory()) throw new ChartsError(message.noSuchFolder("datasets"), { file: displayPath(root, options.root) });
  const entries = await readdir(root, { withFileTypes: true });
  const datasets = new Map<string, Dataset>();
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = join(root, entry.name);
    const hasMeta = await stat(join(dir, "dataset.json")).catch(() => undefined);
    if (!hasMeta?.isFile()) continue;
    try {
      datasets.set(entry.name, await loadDataset(dir, options));
    } catch (error) {
      if (!(error instanceof ChartsError) || !options.onError) throw error;
      options.onError(error, entry.name);
    }
  }
  return datasets;
}

/**
 * What the schema cannot say: column names are unique, every unit is one of
 * the @charts/numbers grammar (so a unit the formatter cannot write fails
 * here, naming the file and column, never inside render), and `value` names a
 * number or year column.
 */
function checkMeta(meta: DatasetMeta, file: string): DatasetMeta {
  const names = new Set<string>();
  meta.columns.forEach((column, i) => {
    if (names.has(column.name)) throw invalid({ file, field: `columns[${i}].name` }, message.expectedUniqueColumnName(), column.name);
    names.add(column.name);
    if (column.unit !== undefined) readUnit(column.unit, { file, field: `columns[${i}].unit` });
  });
  if (meta.step !== undefined) {
    const step = parseStep(meta.step, { file, field: "step" });
    const years = meta.columns.find((column) => column.type === "year");
    if (years && step.unit !== "year") throw invalid({ file, field: "step" }, message.expectedStepFor(`the year column ${years.name}`, ["year"]), meta.step);
  }
  const candidates = meta.columns.filter((column) => column.type !== "string").map((column) => column.name);
  if (!candidates.includes(meta.value)) throw invalid({ file, field: "value" }, message.expectedValueColumn(candidates), meta.value);
  return meta;
}

function checkHeader(header: string[], meta: DatasetMeta, file: string): void {
  const where = { file, field: "header" };
  const declared = meta.columns.map((column) => column.name);
  const allowed = new Set<string>([...declared, ...PROVENANCE_COLUMNS]);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw invalid(where, message.expectedColumnOnce(), name);
    seen.add(name);
    if (!allowed.has(name)) throw invalid(where, message.expectedHeaderColumns(declared, PROVENANCE_LIST), name);
  }
  for (const name of allowed) {
    if (!seen.has(name)) throw new ChartsError(message.missingColumn(name, declared.includes(name), PROVENANCE_LIST), where);
  }
}

function typed(cell: string, column: Column, where: Where): Value {
  if (cell === "") return null;
  if (column.type === "string") return cell;
  if (column.type === "year") {
    if (!/^\d{4}$/.test(cell)) throw invalid(where, message.expectedYear(), cell);
    return Number(cell);
  }
  if (column.type === "date") {
    if (!readIsoDate(cell)) throw invalid(where, message.expectedIsoDate(), cell);
    return cell;
  }
  if (!PLAIN_NUMBER.test(cell)) throw invalid(where, message.expectedPlainNumber(), cell);
  // 0.000123 has 3 significant digits, 1000000000000000000 has 19: a double would round it
  if (cell.replace(/\D/g, "").replace(/^0+/, "").length > MAX_DIGITS) throw invalid(where, message.expectedExactNumber(MAX_DIGITS), cell);
  return Number(cell);
}

/**
 * A date column keeps one form, days or months, so its step and labels mean
 * one thing.
 */
function checkDateForm(cell: string, forms: Map<string, { form: IsoDate["form"]; row: number }>, where: Where & { row: number; field: string }): void {
  const { form } = readIsoDate(cell)!;
  const first = forms.get(where.field);
  if (!first) forms.set(where.field, { form, row: where.row });
  else if (first.form !== form) throw invalid(where, message.expectedDateForm(first.form, first.row), cell);
}

function readProvenance(cells: Map<string, string>, where: { file: string; row: number }, limits?: Partial<Limits>): Provenance {
  const cell = (name: string) => (cells.get(name) ?? "").trim();
  const source = cell("source");
  const figure = cell("figure");
  const status = cell("status");
  if (!source) throw invalid({ ...where, field: "source" }, message.expectedSourceId(), cells.get("source"));
  if (!figure) throw invalid({ ...where, field: "figure" }, message.expectedFigureCell(), cells.get("figure"));
  if (!STATUSES.includes(status as ProvenanceStatus)) throw invalid({ ...where, field: "status" }, message.expectedStatus(STATUSES), cells.get("status"));
  const provenance: Provenance = { source, figure, status: status as ProvenanceStatus };
  const context = cell("context");
  const formula = cell("formula");
  const note = cell("note");
  if (context) provenance.context = context;
  if (status === "derived") {
    if (!formula) throw invalid({ ...where, field: "formula" }, message.expectedFormulaCell(), cells.get("formula"));
    // Catch a malformed formula when loading, not only when checking.
    compileFormula(formula, { ...where, field: "formula" }, limits);
    provenance.formula = formula;
  } else if (formula) {
    throw invalid({ ...where, field: "formula" }, message.expectedNoFormula(status), formula);
  }
  if (status !== "stated" && !note) throw invalid({ ...where, field: "note" }, message.expectedNote(status as "implied" | "derived"), cells.get("note"));
  if (note) provenance.note = note;
  return provenance;
}
