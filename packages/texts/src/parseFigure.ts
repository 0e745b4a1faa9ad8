import { invalid, type Where } from "@charts/errors";
import { figureAt } from "./figureAt.ts";
import type { ParsedFigure } from "./types.ts";

/** The forms `parseFigure` reads, named in its error message. */
const EXPECTED =
  'a figure as a text writes it, such as "US$72 million", "3.5 billion dollars", "€3,000", "19 per cent", ' +
  '"more than 80%", "60 percent to 70 percent", "2014", "between 1995 and 2023", "sixth-highest" or "six submarines"';

/**
 * Parses one figure as written in a text. Money keeps its currency and scale
 * (`US$1 billion` -> 1e9 USD; a bare `$` is read as USD), percentages are in
 * points (`19 per cent` -> 19 %), ranges keep both ends in `range` and the
 * low end in `value`, ordinals give their rank (`sixth-highest` -> 6), counts
 * the noun they count (`six Kilo-class submarines` -> 6 "Kilo-class
 * submarines"). Hedges (`around`, `more than`, `thousands of`) go to
 * `qualifier`; the value stays as written.
 *
 * @throws ChartsError (via `invalid`) when the string is not exactly one figure.
 * @example parseFigure("around US$1 billion") // { kind: "money", value: 1e9, unit: "USD", qualifier: "around", ... }
 */
export function parseFigure(text: string, where: Where = {}): ParsedFigure {
  const written = text.replace(/[\s\u00A0\u202F]+/g, " ").trim();
  const match = written === "" ? null : figureAt(written, 0, "parse");
  if (!match?.figure || match.end !== written.length) throw invalid(where, EXPECTED, text);
  return { ...match.figure, text: written };
}
