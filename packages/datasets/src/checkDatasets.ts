import { ChartsError, message, type Limits } from "@charts/errors";
import { findFigure, parseFigure, readText, type ParsedFigure, type SourceText } from "@charts/texts";
import { convertFigure } from "./convertFigure.ts";
import { evaluateFormula } from "./evaluateFormula.ts";
import type { Dataset, Row, SourceInfo, VerifiedRow } from "./types.ts";
import { unitOf } from "./unitOf.ts";

export interface CheckOptions {
  /** sources.json: when given, every row's source must be listed there. */
  sources?: Map<string, SourceInfo>;
  /** The size of a text and of a formula (default DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
}

const TOLERANCE = 1e-9;

/**
 * Verifies every row of every dataset against its source text: the text
 * exists; it still states the row's figure (in a sentence containing
 * `context`, when given); the figure, parsed and converted to the value
 * column's unit (then run through the formula, for derived rows), equals the
 * row's value within a relative 1e-9 (a date value column: the figure is that
 * date, "20 June 2024" for 2024-06-20); and a `stated` row's years (every
 * `year` column, and the year of every date) stand in the figure's sentence.
 *
 * The unit is the value column's `unit`; for datasets whose rows carry their
 * own unit, a string column named `unit`; for a `year` value column, `year`.
 * For derived rows, `figure` in the formula is the figure in that unit when
 * it is of that kind, else the figure's own value (a percentage that derives
 * an index). A relative year ("this year", "last year") in an implied row
 * is resolved with the text's date in `options.sources`. Texts are read once per call (readText: at most
 * `limits.textBytes`, UTF-8, no control characters). All problems are collected, none stops the check; each
 * names the dataset's data.csv, the row and the field, and the message names the text and the figure.
 *
 * @example const { verified, errors } = await checkDatasets(await loadDatasets("datasets"), "../shared/texts")
 */
export async function checkDatasets(
  datasets: Map<string, Dataset> | Iterable<Dataset>,
  textsDir: string,
  options: CheckOptions = {},
): Promise<{ verified: VerifiedRow[]; errors: ChartsError[] }> {
  const texts = new Map<string, Promise<SourceText | ChartsError>>();
  const read = (id: string) => {
    let text = texts.get(id);
    if (!text) {
      text = readText(textsDir, id, options.limits).catch((error: unknown) => {
        if (error instanceof ChartsError) return error;
        throw error;
      });
      texts.set(id, text);
    }
    return text;
  };
  const verified: VerifiedRow[] = [];
  const errors: ChartsError[] = [];
  const list = datasets instanceof Map ? [...datasets.values()] : [...datasets];
  for (const dataset of list) {
    for (const row of dataset.rows) {
      try {
        const result = await checkRow(dataset, row, read, options);
        if (result instanceof ChartsError) errors.push(result);
        else verified.push(result);
      } catch (error) {
        if (!(error instanceof ChartsError)) throw error;
        errors.push(error);
      }
    }
  }
  return { verified, errors };
}

async function checkRow(
  dataset: Dataset,
  row: Row,
  read: (id: string) => Promise<SourceText | ChartsError>,
  options: CheckOptions,
): Promise<VerifiedRow | ChartsError> {
  const { source, figure, status, context, formula } = row.provenance;
  const at = (field: string) => ({ file: dataset.dataFile, row: row.row, field });
  const fail = (field: string, text: string) => new ChartsError(text, at(field));

  if (options.sources && !options.sources.has(source)) return fail("source", message.notInSources(source));
  const text = await read(source);
  if (text instanceof ChartsError) return fail("source", message.textUnreadable(source, text.message));

  const found = findFigure(text, figure, context);
  if (!found.length) {
    const elsewhere = context !== undefined && findFigure(text, figure).length > 0;
    return fail("figure", message.figureNotInText(source, figure, elsewhere ? context : undefined));
  }

  // "this year" is a figure only through the text's publication date.
  const relative = /^(this|last|next) year$/i.exec(figure);
  let parsed: ParsedFigure;
  if (relative) {
    if (status === "stated") return fail("status", message.relativeYearStated(figure, source));
    const date = options.sources?.get(source)?.date;
    if (!date) return fail("figure", message.relativeYearNeedsDate(figure, source));
    const offset = { this: 0, last: -1, next: 1 }[relative[1]!.toLowerCase() as "this" | "last" | "next"];
    parsed = { kind: "year", text: figure, value: Number(date.slice(0, 4)) + offset, unit: "year" };
  } else {
    parsed = parseFigure(figure, at("figure"));
  }
  const valueColumn = dataset.meta.columns.find((column) => column.name === dataset.meta.value)!;
  const unit = unitOf(dataset, valueColumn, row);
  const expected = row.values[dataset.meta.value];
  // A date value is compared as written: the text's date in ISO form.
  if (valueColumn.type === "date") {
    if (parsed.kind !== "date" || parsed.date !== expected) {
      return new ChartsError(`${message.invalid(message.expectedDateFigure(String(expected)), figure)} (text ${source}, dataset ${dataset.name})`, at("figure"));
    }
    return { dataset: dataset.name, row: row.row, source, figure, status, sentence: found[0]!.sentence.text, value: Number(expected!.toString().slice(0, 4)) };
  }
  let value: number;
  if (status === "derived") {
    let base: number;
    try {
      base = convertFigure(parsed, unit, at("figure"));
    } catch {
      base = parsed.value;
    }
    value = evaluateFormula(formula!, base, at("formula"), options.limits);
  } else {
    value = convertFigure(parsed, unit, at("figure"));
  }

  if (typeof expected !== "number" || !close(value, expected)) {
    return fail(dataset.meta.value, message.figureMismatch(tidy(value), unit, figure, source, status === "derived" ? formula : undefined, expected));
  }

  // A stated row's years must be said with the figure; else they are implied.
  let sentence = found[0]!.sentence.text;
  if (status === "stated") {
    const years = dataset.meta.columns
      .filter((column) => (column.type === "year" || (column.type === "date" && column.name !== dataset.meta.value)) && row.values[column.name] !== null)
      .map((column) => ({ column: column.name, year: Number(String(row.values[column.name]).slice(0, 4)) }));
    const says = (text: string, year: number) => new RegExp(`(?<!\\d)${year}(?!\\d)`).test(text);
    const match = found.find((occurrence) => years.every(({ year }) => says(occurrence.sentence.text, year)));
    if (!match) {
      const missing = years.find(({ year }) => !found.some((occurrence) => says(occurrence.sentence.text, year)))!;
      return fail(missing.column, message.yearNotInSentence(figure, source, missing.year));
    }
    sentence = match.sentence.text;
  }
  return { dataset: dataset.name, row: row.row, source, figure, status, sentence, value };
}

/** Equal within a relative 1e-9; never for Infinity or NaN, which no figure is. */
function close(a: number, b: number): boolean {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  if (a === b) return true;
  return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** 7.199999999 reads as 7.2 in a message. */
function tidy(value: number): string {
  return String(Number(value.toPrecision(12)));
}
