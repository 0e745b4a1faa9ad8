// The limits that keep a bad input from crashing or stalling a build: each is
// checked before the expensive step it guards (a file's size before reading
// it, the rows of a CSV while parsing, a JSON's depth before it is cloned or
// validated, a PNG's pixels before Vega and sharp), and each can be raised in
// charts.config.json under `limits` (apps/cli validates that object). Every
// stage takes a Partial<Limits>; what it leaves out is DEFAULT_LIMITS.
import { ChartsError, type Where } from "./ChartsError.ts";
import { overLimit as overLimitMessage } from "./message.ts";

export interface Limits {
  /** Pixels of the largest PNG of a chart: width x height x scale x scale (the 2x PNG of a 640 x 545 chart is 1,395,200). */
  plotPixels: number;
  /** Rows of one data.csv, header excluded. */
  datasetRows: number;
  /** Bytes of one data.csv. */
  datasetBytes: number;
  /** Bytes of one source text. */
  textBytes: number;
  /** Bytes of one JSON file a desk writes: chart definition, dataset.json, sources.json, or a spec for `charts render`. */
  definitionBytes: number;
  /** Nesting depth of a JSON file or a chart definition ({"a": {"b": [1]}} is 3). */
  jsonDepth: number;
  /** Characters of a derived row's formula. */
  formulaLength: number;
  /** Nesting of a formula: parentheses and signs ("-(-(figure))" is 4). */
  formulaDepth: number;
}

/** Generous for real stories (a news dataset has tens of rows, a definition a few KB), far below what breaks. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  plotPixels: 50_000_000,
  datasetRows: 10_000,
  datasetBytes: 10_000_000,
  textBytes: 1_000_000,
  definitionBytes: 2_000_000,
  jsonDepth: 100,
  formulaLength: 500,
  formulaDepth: 32,
});

/** What each limit counts, as the message names it. */
const WHAT: Record<keyof Limits, string> = {
  plotPixels: "the PNG's size in pixels (width x height x scale x scale)",
  datasetRows: "the number of rows",
  datasetBytes: "the file's size in bytes",
  textBytes: "the file's size in bytes",
  definitionBytes: "the file's size in bytes",
  jsonDepth: "the nesting depth",
  formulaLength: "the formula's length in characters",
  formulaDepth: "the formula's nesting depth",
};

/** The key of a limit as a desk writes it in charts.config.json: `limits.datasetRows`. */
export function limitSetting(key: keyof Limits): string {
  return `limits.${key}`;
}

/** The limit in force: the one given, else the default. */
export function limitOf(limits: Partial<Limits> | undefined, key: keyof Limits): number {
  return limits?.[key] ?? DEFAULT_LIMITS[key];
}

/**
 * Throws a ChartsError when `received` is over the limit `key`, naming the
 * limit, the value received and the setting that raises it:
 *
 *   datasets/x/data.csv: the number of rows is 12000, over the limit of 10000 (raise limits.datasetRows in charts.config.json if this is intended)
 *
 * `shown` writes the value received when a bare number would not say enough
 * ("6400000000 (40000 x 40000 px at scale 2)").
 */
export function checkLimit(key: keyof Limits, received: number, where: Where, limits?: Partial<Limits>, shown?: string): void {
  const limit = limitOf(limits, key);
  if (received > limit) throw new ChartsError(overLimitMessage(WHAT[key], limit, shown ?? received, limitSetting(key)), where);
}
