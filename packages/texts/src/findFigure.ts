import { sentenceAt } from "./extractFigures.ts";
import type { Sentence, SourceText } from "./types.ts";

// Characters a figure may be written with in one text and typed with in a
// dataset: straight and curly quotes and apostrophes match each other.
const SINGLE_QUOTES = "'‘’‚′`";
const DOUBLE_QUOTES = "\"“”„″«»";

/**
 * Finds a figure string in the clean text, insensitive to whitespace (any run
 * of spaces matches any other) and to the kind of quote marks. A figure that
 * starts or ends with a letter or digit must stand on its own: `US$72 million`
 * is not found inside `US$172 million`, nor `2` inside `2023`. With `context`,
 * only occurrences in sentences that also contain it count (case-,
 * whitespace- and quote-insensitive).
 *
 * @example findFigure(text, "US$72 million", "arms transfers") // [{ start, end, sentence }]
 */
export function findFigure(
  text: SourceText,
  figure: string,
  context?: string,
): Array<{ start: number; end: number; sentence: Sentence }> {
  const wanted = figure.trim();
  if (wanted === "") return [];
  const pattern = new RegExp(
    `${/^[\p{L}\p{N}]/u.test(wanted) ? "(?<![\\p{L}\\p{N}])" : ""}${toPattern(wanted)}${/[\p{L}\p{N}]$/u.test(wanted) ? "(?![\\p{L}\\p{N}])" : ""}`,
    "gu",
  );
  const needle = context?.trim() ? comparable(context) : undefined;
  const found: Array<{ start: number; end: number; sentence: Sentence }> = [];
  for (const match of text.clean.matchAll(pattern)) {
    const start = match.index;
    const sentence = sentenceAt(text.sentences, start);
    if (!sentence) continue;
    if (needle && !comparable(sentence.text).includes(needle)) continue;
    found.push({ start, end: start + match[0].length, sentence });
  }
  return found;
}

/** Lowercase, quote marks dropped, whitespace collapsed: how `context` is compared. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(new RegExp(`[${SINGLE_QUOTES}${DOUBLE_QUOTES}]`, "g"), "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A regex source matching `literal` with flexible whitespace and quotes. */
function toPattern(literal: string): string {
  let source = "";
  for (const part of literal.split(/(\s+)/)) {
    if (/^\s+$/.test(part)) {
      source += "\\s+";
      continue;
    }
    for (const char of part) {
      if (SINGLE_QUOTES.includes(char)) source += `[${SINGLE_QUOTES}]`;
      else if (DOUBLE_QUOTES.includes(char)) source += `[${DOUBLE_QUOTES}]`;
      // Only syntax characters are escaped: the "u" flag rejects needless escapes such as "\\-".
      else source += char.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return source;
}
