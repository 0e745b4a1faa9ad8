import { figureAt } from "./figureAt.ts";
import type { Figure, Sentence, SourceText } from "./types.ts";

export interface ExtractOptions {
  /**
   * Names that hold numbers and are no figures, matched whole and in any case:
   * the publishers of sources.json ("20 Minutes"), so "20 minutes takes stock"
   * is not a count of minutes.
   */
  names?: readonly string[];
}

/**
 * Lists every figure the clean text states, in text order: money with its
 * currency and scale, percentages and percentage points, counts, years and
 * year ranges, dates (with their ISO form), ordinals, each with the sentence
 * it stands in. Figures never overlap: a year inside a range, or the `2` of
 * `US$72`, is not listed again. Numbers that belong to names (`T-90`,
 * `COVID 19`, `options.names`), times and dates without a year are skipped.
 * An order of magnitude ("thousands of soldiers") is listed flagged `vague`.
 */
export function extractFigures(text: SourceText, options: ExtractOptions = {}): Figure[] {
  const { clean, sentences } = text;
  const figures: Figure[] = [];
  const names = nameSpans(clean, options.names ?? []);
  let position = 0;
  while (position < clean.length) {
    const name = names.find((span) => span.start <= position && position < span.end);
    if (name) {
      position = name.end;
      continue;
    }
    if (!canStart(clean, position)) {
      position += 1;
      continue;
    }
    const match = figureAt(clean, position, "extract");
    if (!match) {
      position += 1;
      continue;
    }
    if (match.figure) {
      const sentence = sentenceAt(sentences, match.start);
      if (sentence) figures.push({ ...match.figure, start: match.start, end: match.end, sentence });
    }
    position = Math.max(match.end, position + 1);
  }
  return figures;
}

/** Where the names stand in the text, whole words, in any case. */
function nameSpans(text: string, names: readonly string[]): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const name of names.filter((n) => /\d/.test(n))) {
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    for (const match of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "giu"))) {
      spans.push({ start: match.index, end: match.index + match[0].length });
    }
  }
  return spans;
}

/** A figure starts at a word start, never inside a number ("3.5", "1,000") or a word. */
function canStart(text: string, position: number): boolean {
  const before = text[position - 1];
  if (before === undefined) return true;
  if (/[\p{L}\p{N}]/u.test(before)) return false;
  return !(/[.,]/.test(before) && /\d/.test(text[position - 2] ?? ""));
}

/** The sentence containing `offset` (sentences are sorted and disjoint). */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const sentence = sentences[middle]!;
    if (offset < sentence.start) high = middle - 1;
    else if (offset >= sentence.end) low = middle + 1;
    else return sentence;
  }
  return undefined;
}
