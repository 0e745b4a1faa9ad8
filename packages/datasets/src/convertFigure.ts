import { invalid, message, type Where } from "@charts/errors";
import { measureOfWord, readUnit } from "@charts/numbers";
import type { ParsedFigure } from "@charts/texts";

// What each kind of unit takes, for messages.
const WHAT = {
  count: "a count",
  number: "a count",
  percent: "a percentage",
  points: "percentage points",
  rank: "an ordinal such as sixth",
  year: "a year",
} as const;

/**
 * Converts a parsed figure into a column's unit (the @charts/numbers
 * grammar). Money must be in the unit's currency and is scaled: US$1 billion
 * is 1000 in `USD million`, €3.6 billion is 3600 in `EUR million`. Counts are
 * scaled too (36.4 million riders is 36.4 in `count million`); a measure
 * (`tonnes thousand`) takes a count of that measure ("450,000 tonnes" is
 * 450). `%` takes percentages, `pp` percentage points, `rank` ordinals, `year`
 * years and dates (their year). Without a unit the figure's own value is
 * returned. Qualifiers ("around") do not change the value.
 *
 * @throws ChartsError via `invalid` when the figure is of another kind or
 *   currency than the unit (a percentage for a USD column, euros for a USD
 *   column), is a range or a vague quantity ("thousands of"), or the unit is
 *   not one of the grammar (naming the field `unit`).
 * @example convertFigure(parseFigure("€3.6 billion"), "EUR million", where) // 3600
 */
export function convertFigure(parsed: ParsedFigure, unitName: string | undefined, where: Where): number {
  if (parsed.kind === "range") throw invalid(where, message.expectedSingleFigure(unitName), parsed.text);
  if (parsed.vague) throw invalid(where, message.expectedExactFigure(), parsed.text);
  if (unitName === undefined) return parsed.value;
  const unit = readUnit(unitName, { ...where, field: "unit" });
  const scale = 10 ** unit.exponent;
  switch (unit.kind) {
    case "money":
      if (parsed.kind !== "money" || parsed.unit !== unit.currency) throw invalid(where, message.expectedAmountIn(unit.currency!, unit.name), parsed.text);
      return parsed.value / scale;
    case "measure": {
      const measure = parsed.kind === "count" ? measureOfWord(parsed.unit, "en") : undefined;
      if (measure !== unit.measure) throw invalid(where, message.expectedFigureFor(`a quantity in ${unit.measure!.name}`, unit.name), parsed.text);
      return parsed.value / scale;
    }
    case "count":
    case "number":
      if (parsed.kind !== "count") throw invalid(where, message.expectedFigureFor(WHAT[unit.kind], unit.name), parsed.text);
      return parsed.value / scale;
    case "percent":
    case "points": {
      const sign = unit.kind === "percent" ? "%" : "pp";
      if (parsed.kind !== "percent" || parsed.unit !== sign) throw invalid(where, message.expectedFigureFor(WHAT[unit.kind], unit.name), parsed.text);
      return parsed.value;
    }
    case "rank":
      if (parsed.kind !== "ordinal") throw invalid(where, message.expectedFigureFor(WHAT.rank, unit.name), parsed.text);
      return parsed.value;
    case "year":
      if (parsed.kind !== "year" && parsed.kind !== "date") throw invalid(where, message.expectedFigureFor(WHAT.year, unit.name), parsed.text);
      return parsed.value;
  }
}
