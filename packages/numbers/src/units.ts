// The unit grammar of dataset columns, chart formats and the number check:
//
//   unit  = base [" " scale]
//   base  = an ISO 4217 code (USD, EUR, VND...) | "count" | "number" | a measure (tonnes, km...)
//         | "%" | "pp" | "rank" | "year"
//   scale = "thousand" | "million" | "billion" | "trillion"   (money, count, number and measures only)
//
// "EUR million" is euros in millions, "count million" a count in millions
// (36.4 is 36.4 million riders), "%" a percentage, "pp" percentage points.
import { invalid, message, type Where } from "@charts/errors";
import { isCurrency } from "./currencies.ts";
import { measureNamed, type Measure } from "./measures.ts";
import { SCALES, isScaleName, type ScaleName } from "./scales.ts";

export type UnitKind = "money" | "count" | "number" | "measure" | "percent" | "points" | "rank" | "year";

export interface Unit {
  /** The unit as written in dataset.json: "EUR million". */
  name: string;
  kind: UnitKind;
  /** Power of ten of the scale: 6 for "EUR million", 0 without one. */
  exponent: number;
  scale?: ScaleName;
  /** ISO 4217 code, for money. */
  currency?: string;
  measure?: Measure;
}

const FIXED: Record<string, UnitKind> = { count: "count", number: "number", "%": "percent", pp: "points", rank: "rank", year: "year" };

/**
 * Reads a unit string, or returns undefined when the grammar does not know it.
 * @example parseUnit("EUR million") // { name: "EUR million", kind: "money", currency: "EUR", exponent: 6, scale: "million" }
 */
export function parseUnit(name: string): Unit | undefined {
  const match = /^(\S+)(?: (\S+))?$/.exec(name);
  if (!match) return undefined;
  const [, base = "", scale] = match;
  if (scale !== undefined && !isScaleName(scale)) return undefined;
  const scaled = scale === undefined ? { exponent: 0 } : { exponent: SCALES[scale], scale };
  if (/^[A-Z]{3}$/.test(base)) return isCurrency(base) ? { name, kind: "money", currency: base, ...scaled } : undefined;
  const fixed = FIXED[base];
  if (fixed) {
    if (scale !== undefined && fixed !== "count" && fixed !== "number") return undefined;
    return { name, kind: fixed, ...scaled };
  }
  const measure = measureNamed(base);
  return measure ? { name, kind: "measure", measure, ...scaled } : undefined;
}

/**
 * Like parseUnit, for input a desk wrote.
 * @throws ChartsError via `invalid` naming `where`: expected a unit such as ... but received "EURO million".
 */
export function readUnit(name: unknown, where: Where = {}): Unit {
  const unit = typeof name === "string" ? parseUnit(name) : undefined;
  if (!unit) throw invalid(where, message.expectedUnit(), name);
  return unit;
}

/**
 * How many base units one unit is: 1e6 for "EUR million", 1e9 for
 * "count billion", 1 for "USD", "%" and units the grammar does not know.
 * @example unitScale("USD million") // 1e6
 */
export function unitScale(name: string | undefined): number {
  const unit = name === undefined ? undefined : parseUnit(name);
  return unit ? 10 ** unit.exponent : 1;
}
