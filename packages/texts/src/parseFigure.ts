import { invalid, message, type Where } from "@charts/errors";
import { figureAt } from "./figureAt.ts";
import type { ParsedFigure } from "./types.ts";

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
  if (!match?.figure || match.end !== written.length) throw invalid(where, message.expectedFigure(), text);
  return { ...match.figure, text: written };
}
