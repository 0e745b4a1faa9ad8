// Numbers and ordinals written in words, as news copy spells small counts and
// ranks ("six submarines", "one hundred million inhabitants", "sixth-highest").
import { SCALES } from "@charts/numbers";

const UNITS = [
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** Cardinal number words below one hundred. */
export const SMALL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ...UNITS.map((word, value) => [word, value] as const),
  ...TENS.flatMap((word, index) => (word ? [[word, index * 10] as const] : [])),
]);

/** Multipliers that scale what comes before them: hundred, and the scales of @charts/numbers. */
export const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ["hundred", 1e2],
  ...Object.entries(SCALES).map(([word, exponent]) => [word, 10 ** exponent] as const),
]);

const ORDINAL_UNITS = [
  "", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
  "nineteenth",
];
const ORDINAL_TENS = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

/** Ordinal words up to "ninety-ninth", with their rank. */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ...ORDINAL_UNITS.flatMap((word, value) => (word ? [[word, value] as const] : [])),
  ...ORDINAL_TENS.flatMap((word, index) => (word ? [[word, index * 10] as const] : [])),
  ...TENS.flatMap((tens, index) =>
    tens ? ORDINAL_UNITS.slice(1, 10).map((unit, u) => [`${tens}-${unit}`, index * 10 + u + 1] as const) : [],
  ),
  ["hundredth", 100],
]);

const WORD = /[A-Za-z]+/y;
const SEPARATOR = /-|\s+/y;

/**
 * Reads a cardinal number written in words at `start` ("six", "twenty-one",
 * "one hundred million", "a thousand", "two hundred and fifty"). Returns the
 * value and the end of the last number word, or null when no number word
 * stands there. The word must start at a word boundary.
 */
export function readWordNumber(text: string, start: number): { value: number; end: number; words: number } | null {
  let total = 0;
  let current = 0;
  let end = -1;
  let words = 0;
  let previous: "none" | "a" | "small" | "tens" | "multiplier" = "none";
  let position = start;
  for (;;) {
    WORD.lastIndex = position;
    const match = WORD.exec(text);
    if (!match) break;
    const word = match[0].toLowerCase();
    const next = position + match[0].length;
    if (word === "a" && previous === "none") {
      previous = "a";
      current = 1;
    } else if (word === "and" && previous === "multiplier") {
      // "two hundred and fifty": only valid when a number word follows.
      SEPARATOR.lastIndex = next;
      const gap = SEPARATOR.exec(text);
      WORD.lastIndex = gap ? next + gap[0].length : next;
      const after = gap ? WORD.exec(text)?.[0].toLowerCase() : undefined;
      if (after === undefined || !SMALL_NUMBERS.has(after)) break;
    } else if (SMALL_NUMBERS.has(word)) {
      const value = SMALL_NUMBERS.get(word)!;
      const isTens = value >= 20;
      // "twenty-one" joins a tens word and a unit; "two three" is two numbers.
      if (previous === "small" || previous === "a") break;
      if (previous === "tens" && (isTens || value === 0 || value >= 10)) break;
      current += value;
      previous = isTens ? "tens" : "small";
      end = next;
      words += 1;
    } else if (MULTIPLIERS.has(word)) {
      const multiplier = MULTIPLIERS.get(word)!;
      if (previous === "none") break;
      if (multiplier === 100) {
        // "a hundred", "one hundred"; not "hundred hundred".
        if (current === 0 || current >= 100) break;
        current *= 100;
      } else {
        // "one hundred million" = (1 * 100) * 1e6; "five thousand million" stops at thousand.
        if (current === 0) break;
        total += current * multiplier;
        current = 0;
      }
      previous = "multiplier";
      end = next;
      words += 1;
    } else {
      break;
    }
    SEPARATOR.lastIndex = next;
    const gap = SEPARATOR.exec(text);
    if (!gap) break;
    position = next + gap[0].length;
  }
  if (end < 0 || previous === "a") return null;
  return { value: total + current, end, words };
}
