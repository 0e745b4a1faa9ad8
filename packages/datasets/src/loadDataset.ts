import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { parse } from "csv-parse/sync";
import { ChartsError, invalid, message, type Where, displayPath } from "@charts/errors";
import { readUnit } from "@charts/numbers";
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
}

const STATUSES: readonly ProvenanceStatus[] = ["stated", "implied", "derived"];
const PROVENANCE_LIST = PROVENANCE_COLUMNS.join(", ");
// A number cell as a desk types it: 171, 3.6, -2.5. No separators, units or exponents,
// so "7,6" or "3.6bn" is caught here instead of becoming NaN on the chart.
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Loads one dataset folder: validates `dataset.json` against
 * `dataset.schema.json`, parses `data.csv` and types every cell by its column
 * (`number` and `year` cells become numbers, `date` cells stay ISO strings,
 * `2023-04-30` or `2023-04`, empty cells null).
 *
 * Rules checked, each failure a ChartsError naming file, row, field, what was
 * expected and what was received: the header holds exactly the columns of
 * dataset.json plus the provenance columns; every row has source, figure,
 * status and a value; implied and derived rows have a note; derived rows have
 * a formula (and only they do); no two rows share all their non-value columns;
 * every unit, of a column or of a row's `unit` cell, is one of @charts/numbers;
 * a date is an ISO date written in one form per column (a date in any other
 * form is an error, never dropped); a declared `step` is one a time column
 * can take (no monthly step for a year column).
 *
 * @example const arms = await loadDataset("datasets/russia-arms-transfers")
 */
export async function loadDataset(dir: string, options: LoadOptions = {}): Promise<Dataset> {
  const metaFile = displayPath(join(dir, "dataset.json"), options.root);
  const dataFile = displayPath(join(dir, "data.csv"), options.root);
  const meta = checkMeta(validateJson<DatasetMeta>("dataset.schema.json", await readJson(join(dir, "dataset.json"), metaFile), metaFile), metaFile);

  let csv: string;
  try {
    csv = await readFile(join(dir, "data.csv"), "utf8");
  } catch (error) {
    throw new ChartsError("no such file", { file: dataFile }, { cause: error });
  }
  let records: string[][];
  try {
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    throw new ChartsError(`expected valid CSV but could not parse it: ${(error as Error).message}`, { file: dataFile }, { cause: error });
  }
  const [header, ...body] = records;
  if (!header) throw new ChartsError("expected a header row but the file is empty", { file: dataFile });
  checkHeader(header, meta, dataFile);

  const rows: Row[] = [];
  const seen = new Map<string, number>();
  const keyColumns = meta.columns.filter((column) => column.name !== meta.value);
  const rowUnits = carriesRowUnits({ meta }, meta.columns.find((column) => column.name === meta.value)!);
  const dateForms = new Map<string, { form: IsoDate["form"]; row: number }>();
  body.forEach((record, index) => {
    const row = index + 1;
    if (record.length !== header.length) {
      throw new ChartsError(`expected ${header.length} fields as in the header but received ${record.length}`, { file: dataFile, row });
    }
    const cells = new Map(header.map((name, i) => [name, record[i] ?? ""]));
    const values: Record<string, Value> = {};
    for (const column of meta.columns) {
      const where = { file: dataFile, row, field: column.name };
      values[column.name] = typed(cells.get(column.name) ?? "", column, where);
      if (column.type === "date" && values[column.name] !== null) checkDateForm(values[column.name] as string, dateForms, where);
    }
    if (values[meta.value] === null) {
      throw invalid({ file: dataFile, row, field: meta.value }, "a value (the figure is checked against it)", "");
    }
    const provenance = readProvenance(cells, { file: dataFile, row });
    if (keyColumns.length) {
      const key = JSON.stringify(keyColumns.map((column) => values[column.name]));
      const first = seen.get(key);
      if (first !== undefined) {
        throw invalid(
          { file: dataFile, row },
          `a row that differs from row ${first} in ${keyColumns.map((column) => column.name).join(", ")}`,
          keyColumns.map((column) => String(values[column.name])).join(", "),
        );
      }
      seen.set(key, row);
    }
    if (rowUnits) readUnit(values.unit, { file: dataFile, row, field: "unit" });
    rows.push({ row, values, provenance });
  });
  if (meta.step !== undefined) {
    const { unit } = parseStep(meta.step);
    const months = [...dateForms].find(([, { form }]) => form === "month");
    if (months && (unit === "week" || unit === "day")) {
      throw invalid({ file: metaFile, field: "step" }, message.expectedStepFor(`the date column ${months[0]}, written as months`, ["year", "quarter", "month"]), meta.step);
    }
  }
  return { name: basename(join(dir, ".")), dir, metaFile, dataFile, meta, rows };
}

/**
 * Loads every dataset under `root`: each subfolder with a dataset.json, by
 * name. Other entries (sources.json, a README) are not datasets.
 */
export async function loadDatasets(root: string, options: LoadOptions = {}): Promise<Map<string, Dataset>> {
  const found = await stat(root).catch(() => undefined);
  if (!found?.isDirectory()) throw new ChartsError("no such datasets folder", { file: displayPath(root, options.root) });
  const entries = await readdir(root, { withFileTypes: true });
  const datasets = new Map<string, Dataset>();
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const dir = join(root, entry.name);
    const hasMeta = await stat(join(dir, "dataset.json")).catch(() => undefined);
    if (hasMeta?.isFile()) datasets.set(entry.name, await loadDataset(dir, options));
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
    if (names.has(column.name)) throw invalid({ file, field: `columns[${i}].name` }, "a name no other column has", column.name);
    names.add(column.name);
    if (column.unit !== undefined) readUnit(column.unit, { file, field: `columns[${i}].unit` });
  });
  if (meta.step !== undefined) {
    const step = parseStep(meta.step, { file, field: "step" });
    const years = meta.columns.find((column) => column.type === "year");
    if (years && step.unit !== "year") throw invalid({ file, field: "step" }, message.expectedStepFor(`the year column ${years.name}`, ["year"]), meta.step);
  }
  const candidates = meta.columns.filter((column) => column.type !== "string").map((column) => column.name);
  if (!candidates.includes(meta.value)) {
    throw invalid(
      { file, field: "value" },
      candidates.length ? `the name of a number, year or date column (${candidates.join(", ")})` : "the name of a number, year or date column, but none is declared",
      meta.value,
    );
  }
  return meta;
}

function checkHeader(header: string[], meta: DatasetMeta, file: string): void {
  const where = { file, field: "header" };
  const declared = meta.columns.map((column) => column.name);
  const allowed = new Set<string>([...declared, ...PROVENANCE_COLUMNS]);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) throw invalid(where, "each column once", name);
    seen.add(name);
    if (!allowed.has(name)) {
      throw invalid(where, `only the columns of dataset.json (${declared.join(", ")}) and the provenance columns (${PROVENANCE_LIST})`, name);
    }
  }
  for (const name of allowed) {
    if (seen.has(name)) continue;
    const why = declared.includes(name) ? "declared in dataset.json" : `a provenance column: every data.csv has ${PROVENANCE_LIST}`;
    throw new ChartsError(`expected a column "${name}" (${why}) but the header has none`, where);
  }
}

function typed(cell: string, column: Column, where: Where): Value {
  if (cell === "") return null;
  if (column.type === "string") return cell;
  if (column.type === "year") {
    if (!/^\d{4}$/.test(cell)) throw invalid(where, "a four-digit year such as 2023", cell);
    return Number(cell);
  }
  if (column.type === "date") {
    if (!readIsoDate(cell)) throw invalid(where, message.expectedIsoDate(), cell);
    return cell;
  }
  if (!PLAIN_NUMBER.test(cell)) throw invalid(where, "a plain number such as 171 or 3.6 (no separators, units or spaces)", cell);
  return Number(cell);
}

/**
 * A date column keeps one form, days or months, so its step and labels mean
 * one thing; a declared step finer than the dates (`day` for months) cannot
 * be drawn.
 */
function checkDateForm(cell: string, forms: Map<string, { form: IsoDate["form"]; row: number }>, where: Where & { row: number; field: string }): void {
  const { form } = readIsoDate(cell)!;
  const first = forms.get(where.field);
  if (!first) forms.set(where.field, { form, row: where.row });
  else if (first.form !== form) throw invalid(where, message.expectedDateForm(first.form, first.row), cell);
}

function readProvenance(cells: Map<string, string>, where: { file: string; row: number }): Provenance {
  const cell = (name: string) => (cells.get(name) ?? "").trim();
  const source = cell("source");
  const figure = cell("figure");
  const status = cell("status");
  if (!source) throw invalid({ ...where, field: "source" }, "the id of a source text, such as 004_e411960df6774cf9", cells.get("source"));
  if (!figure) throw invalid({ ...where, field: "figure" }, 'the figure as the text writes it, such as "US$72 million"', cells.get("figure"));
  if (!STATUSES.includes(status as ProvenanceStatus)) {
    throw invalid({ ...where, field: "status" }, 'one of "stated", "implied", "derived"', cells.get("status"));
  }
  const provenance: Provenance = { source, figure, status: status as ProvenanceStatus };
  const context = cell("context");
  const formula = cell("formula");
  const note = cell("note");
  if (context) provenance.context = context;
  if (status === "derived") {
    if (!formula) throw invalid({ ...where, field: "formula" }, 'a formula of the figure such as "2 * figure" (derived rows need one)', cells.get("formula"));
    // Catch a malformed formula when loading, not only when checking.
    compileFormula(formula, { ...where, field: "formula" });
    provenance.formula = formula;
  } else if (formula) {
    throw invalid({ ...where, field: "formula" }, `no formula on a ${status} row (mark the row derived, or empty the cell)`, formula);
  }
  if (status !== "stated" && !note) {
    const what = status === "implied" ? "where the unsaid part comes from" : "how the value was derived";
    throw invalid({ ...where, field: "note" }, `a note saying ${what} (${status} rows need one)`, cells.get("note"));
  }
  if (note) provenance.note = note;
  return provenance;
}
