import { invalid, type Where } from "@charts/errors";
import type { ParsedFigure } from "@charts/texts";
import { unitScale } from "./unitOf.ts";

const KNOWN_UNITS = "USD, USD million, USD billion (or another currency code and scale), %, rank, count or year";

/**
 * Converts a parsed figure into a column's unit. Money units are a currency
 * code with an optional scale (`USD`, `USD million`, `EUR billion`): US$1
 * billion is 1000 in `USD million`. `%` takes percentages, `rank` ordinals,
 * `count` counts, `year` years. Without a unit the figure's own value is
 * returned. Qualifiers ("around") do not change the value.
 *
 * @throws ChartsError via `invalid` when the figure is of another kind or
 *   currency than the unit (a percentage for a USD column), or is a range.
 * @example convertFigure(parseFigure("US$1 billion"), "USD million", where) // 1000
 */
export function convertFigure(parsed: ParsedFigure, unit: string | undefined, where: Where): number {
  if (parsed.kind === "range") {
    throw invalid(where, `a single figure${unit ? ` for a column in ${unit}` : ""}, not a range`, parsed.text);
  }
  if (unit === undefined) return parsed.value;
  const money = /^([A-Z]{3})(?: (thousand|million|billion|trillion))?$/.exec(unit);
  if (money) {
    const [, currency] = money;
    if (parsed.kind !== "money" || parsed.unit !== currency) {
      throw invalid(where, `an amount in ${currency} for a column in ${unit}`, parsed.text);
    }
    return parsed.value / unitScale(unit);
  }
  const kinds: Record<string, { kind: ParsedFigure["kind"]; what: string }> = {
    "%": { kind: "percent", what: "a percentage" },
    rank: { kind: "ordinal", what: "an ordinal such as sixth" },
    count: { kind: "count", what: "a count" },
    year: { kind: "year", what: "a year" },
  };
  const wanted = kinds[unit];
  if (!wanted) throw invalid({ ...where, field: "unit" }, `a unit the checker knows: ${KNOWN_UNITS}`, unit);
  if (parsed.kind !== wanted.kind) throw invalid(where, `${wanted.what} for a column in ${unit}`, parsed.text);
  return parsed.value;
}
