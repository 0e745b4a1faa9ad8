import { figureAt } from "./figureAt.ts";
import type { Figure, Sentence, SourceText } from "./types.ts";

/**
 * Lists every figure the clean text states, in text order: money with its
 * currency and scale, percentages, counts, years and year ranges, ordinals,
 * each with the sentence it stands in. Figures never overlap: a year inside
 * a range, or the `2` of `US$72`, is not listed again. Numbers that belong
 * to names (`T-90`, `COVID 19`), times and dates without a year are skipped;
 * a date with a year is listed as that year.
 */
export function extractFigures(text: SourceText): Figure[] {
  const { clean, sentences } = text;
  const figures: Figure[] = [];
  let position = 0;
  while (position < clean.length) {
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
