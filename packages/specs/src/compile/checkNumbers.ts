import { unitOf, type Dataset, type SourceInfo } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";
import { checkLocale, findAmounts, parseUnit, roundingTolerance, type Amount, type Locale, type Unit } from "@charts/numbers";
import type { ChartDefinition } from "../types.ts";

/** One number cell of a row: as written in data.csv, in base units, and its unit. */
export interface Cell {
  value: number;
  base: number;
  unit?: Unit;
}

/**
 * Step 3b: every number a reader sees in words (headline, dek, notes, alt
 * text, annotation labels, the gaps' label and reason) is a figure of the rows the chart draws or cites,
 * or a year within the years those rows span. Numbers are read as the
 * chart's locale writes them, through @charts/numbers, so a definition may
 * quote exactly what the house formatter writes ("$3.6B", "3,6 Md$",
 * "3,6 tỷ USD", "3,6 Mrd. €", "36,4 Mio."):
 *
 * - a number with a currency, %, pp, scale or measure is compared in base
 *   units, rounded to its last written digit ("$4bn" for 3.6 USD billion,
 *   "$1bn" for 1,000 USD million), and its currency, % or pp or measure
 *   must be the cell's ("€3.6bn" is no figure of a USD column);
 * - a bare number is a cell as written ("3.6" in a USD billion column), or
 *   a count rounded ("1,235" for 1234.5); "4" is no rounding of $3.6bn;
 * - a bare four-digit number from 1000 to 2100 is a year and must lie in the
 *   rows' span, unless a cell gives it.
 *
 * A number that does not read as a row's figure in the chart's locale may
 * still read as one in English (house en-GB copy kept in a fr-FR chart).
 * A number no row supports is an error: it would be a figure without
 * provenance. Numbers written in words ("sixth", "half") are not checked;
 * publishers' names ("20 Minutes") are not numbers.
 */
export function checkNumbers(
  definition: ChartDefinition,
  datasets: Dataset[],
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>,
  file: string,
): void {
  const locale = checkLocale(definition.locale, { file, field: "locale" });
  for (const [field, text] of textsOf(definition)) {
    const [first] = numbersWithoutRows(text, datasets, sources, locale);
    if (first) throw new ChartsError(first.message, { file, field });
  }
}

/** A number in a chart's words that no row supports, as written, with the catalogue's message about it. */
export interface UnsupportedNumber {
  written: string;
  message: string;
}

/**
 * The numbers of `text` that no row of `datasets` gives, in order, judged as
 * checkNumbers judges them (a year within the rows' span passes); the linter
 * reads the words of a built chart through here, generated notes included.
 *
 * @example numbersWithoutRows("Up to $50m", [fees], sources, "en-GB") // [{ written: "$50m", message: ... }]
 */
export function numbersWithoutRows(
  text: string,
  datasets: Dataset[],
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>,
  locale: Locale,
): UnsupportedNumber[] {
  const cells = datasets.flatMap(cellsOf);
  const years = datasets.flatMap(yearsOf);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return unsupportedNumbers(text, cells, locale, sources).flatMap((amount) => {
    const written = amount.text.trim();
    if (!isYear(amount)) return [{ written, message: message.numberWithoutRow(written, datasets.map((d) => d.name)) }];
    return amount.value >= first && amount.value <= last ? [] : [{ written, message: message.yearOutsideRows(written, first, last) }];
  });
}

/**
 * The numbers of `text`, as the chart's locale writes them, that no cell
 * supports, in order. Publishers' names ("20 Minutes") are not numbers, and
 * English copy quoted in a chart of another locale ("$171bn" in a fr-FR
 * chart) is read as English too.
 */
export function unsupportedNumbers(
  text: string,
  cells: Cell[],
  locale: Locale,
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>,
): Amount[] {
  const publishers = (sources instanceof Map ? [...sources.values()] : Object.values(sources))
    .map((s) => s.publisher)
    .sort((a, b) => b.length - a.length); // "A Think Tank 2" before "A Think Tank"
  const prose = publishers.reduce((t, name) => t.split(name).join(" "), text);
  const english = locale.startsWith("en") ? [] : findAmounts(prose, "en-GB");
  const supported = (amount: Amount | undefined) => amount !== undefined && cells.some((cell) => supports(cell, amount));
  return findAmounts(prose, locale).filter((amount) => !supported(amount) && !supported(english.find((other) => other.start === amount.start)));
}

function isYear(amount: Amount): boolean {
  const bare = !amount.currency && !amount.percent && !amount.measure && !amount.rank && amount.exponent === 0;
  return bare && !amount.grouped && amount.decimals === 0 && amount.value >= 1000 && amount.value <= 2100;
}

/** Whether a number as written states a cell's value. */
function supports(cell: Cell, amount: Amount): boolean {
  const { unit } = cell;
  if (unit) {
    if (amount.currency && unit.currency !== amount.currency) return false;
    if (amount.percent && unit.kind !== (amount.percent === "%" ? "percent" : "points")) return false;
    if (amount.measure && unit.measure?.name !== amount.measure) return false;
  }
  if (amount.currency || amount.percent || amount.measure || amount.exponent) {
    return Math.abs(amount.value - cell.base) <= roundingTolerance(amount.decimals, amount.exponent);
  }
  if (Math.abs(amount.value - cell.value) <= 1e-9 * Math.abs(cell.value)) return true;
  const counted = !unit || unit.kind === "count" || unit.kind === "number" || unit.kind === "measure";
  return counted && Math.abs(amount.value - cell.base) <= roundingTolerance(amount.decimals, 0);
}

function textsOf(definition: ChartDefinition): Array<[string, string]> {
  const texts: Array<[string, string | undefined]> = [
    ["headline", definition.headline],
    ["dek", definition.dek],
    ["notes", definition.notes],
    ["alt", definition.alt],
    ...(definition.annotations ?? []).map((a, i): [string, string | undefined] => [`annotations[${i}].text`, "text" in a ? a.text : undefined]),
    ["gaps.label", definition.gaps?.label ?? undefined],
    ["gaps.reason", definition.gaps?.reason],
  ];
  return texts.filter((entry): entry is [string, string] => typeof entry[1] === "string");
}

/** Every number cell of the rows, as written and in base units (USD, not USD million), with its unit. */
export function cellsOf(dataset: Dataset): Cell[] {
  const numbers = dataset.meta.columns.filter((c) => c.type !== "string");
  return dataset.rows.flatMap((row) =>
    numbers.flatMap((column) => {
      const value = row.values[column.name];
      if (typeof value !== "number") return [];
      const name = unitOf(dataset, column, row);
      const unit = name === undefined ? undefined : parseUnit(name);
      return [{ value, base: value * 10 ** (unit?.exponent ?? 0), ...(unit ? { unit } : {}) }];
    }),
  );
}

/** The years of every year column and of every date. */
function yearsOf(dataset: Dataset): number[] {
  const times = dataset.meta.columns.filter((c) => c.type === "year" || c.type === "date");
  return dataset.rows.flatMap((row) => times.map((c) => row.values[c.name]).filter((v) => v !== null).map((v) => Number(String(v).slice(0, 4))));
}
