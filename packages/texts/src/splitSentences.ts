import type { Sentence } from "./types.ts";

// Titles and abbreviations that end with a full stop but never end a sentence
// in news copy ("Mr. Putin", "Gen. Giap", "M. Putin" in French-derived copy).
const TITLES = new Set([
  "mr", "mrs", "ms", "mme", "m", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr",
  "gov", "sen", "rep", "pres", "rev", "st", "mt", "ft", "jr", "sr", "vol", "fig", "approx",
  "vs", "e.g", "i.e", "cf", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec",
]);

/**
 * Splits cleaned text into sentences with offsets into it. Uses
 * `Intl.Segmenter("en", { granularity: "sentence" })`, then repairs the breaks
 * it gets wrong in news copy: after titles (`Mr. Putin`, `M. Putin`), middle
 * initials (`Vladimir V. Putin`), initialisms followed by a lowercase word or a
 * number (`the U.S. market`), and inside decimals (`3.5`). A line break always
 * ends a sentence, so headings and captions stand alone. Sentence text is
 * trimmed; punctuation-only fragments (a stray ` .`) join the sentence before.
 *
 * @example splitSentences("Mr. Putin came. He left.").map((s) => s.text) // ["Mr. Putin came.", "He left."]
 */
export function splitSentences(clean: string): Sentence[] {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const pieces: Array<{ start: number; end: number }> = [];
  for (const { segment, index } of segmenter.segment(clean)) {
    const previous = pieces.at(-1);
    const end = index + segment.length;
    if (previous && shouldJoin(tail(clean, previous.start, previous.end), segment)) {
      previous.end = end;
    } else {
      pieces.push({ start: index, end });
    }
  }
  const sentences: Sentence[] = [];
  for (const piece of pieces) {
    const raw = clean.slice(piece.start, piece.end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text === "") continue;
    const start = piece.start + lead;
    sentences.push({ index: sentences.length, text, start, end: start + text.length });
  }
  return sentences;
}

/**
 * The end of a piece, enough for shouldJoin (which reads only its last word
 * and spaces), starting at a word boundary: a piece that grows by many joins
 * ("Mr. Mr. Mr. ...") is then never re-read whole, so splitting stays linear.
 */
function tail(text: string, start: number, end: number): string {
  if (end - start <= TAIL) return text.slice(start, end);
  const piece = text.slice(end - TAIL, end);
  const space = piece.search(/\s/);
  return space === -1 ? piece : piece.slice(space);
}
const TAIL = 256;

/** Whether the segmenter broke `before | after` where no sentence ends. */
function shouldJoin(before: string, after: string): boolean {
  // A line break is a hard boundary (heading, caption, paragraph).
  if (/\n\s*$/.test(before)) return false;
  // A fragment of punctuation alone (" . ") belongs to the sentence before.
  if (/^[\s\p{P}]*$/u.test(after) && after.trim() !== "") return true;
  const tail = before.trimEnd();
  // Decimal split by the segmenter: "3." + "5 billion".
  if (/\d\.$/.test(tail) && /^\d/.test(after)) return true;
  const word = /(?:^|[\s(“"‘'])((?:\p{L}\.)*\p{L}+)\.$/u.exec(tail)?.[1];
  if (word === undefined) return false;
  // A title or common abbreviation: "Mr.", "Gen.", "e.g.".
  if (TITLES.has(word.toLowerCase())) return true;
  // "No. 5" numbers; "said no." ends a sentence.
  if (/^nos?$/i.test(word)) return /^\s*\d/.test(after);
  // A single capital is an initial: "Vladimir V. Putin", "Mikhail S. Gorbachev".
  if (/^\p{Lu}$/u.test(word)) return true;
  // An initialism ("U.S.", "U.N.") ends a sentence only before a capital.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word)) return !/^\s*[\p{Lu}“"‘']/u.test(after);
  return false;
}
