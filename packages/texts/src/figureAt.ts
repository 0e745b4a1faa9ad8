// The grammar of figures as news copy writes them, shared by `parseFigure`
// (a whole string must be one figure) and `extractFigures` (scan a text).
// Read left to right: [qualifier] [between|from] amount [to|and|- amount]
// where an amount is [currency] number [scale] [currency|percent|noun]. The
// amount's pieces (currencies, digits, scales, percentages) are the number
// grammar of @charts/numbers, read in English; this file adds what prose
// adds: hedges, ranges, dates, word numbers, ordinals and counted nouns.
import { currencyAt, digitsAt, percentAt, scaleAt, scaled } from "@charts/numbers";
import { MULTIPLIERS, ORDINALS, readWordNumber } from "./numberWords.ts";
import type { ParsedFigure } from "./types.ts";

export type Mode = "parse" | "extract";

/** A figure found at a position, or a stretch consumed without a figure (dates without a year, times). */
export interface FigureMatch {
  start: number;
  end: number;
  figure?: ParsedFigure;
}

// Longest first: the regex takes the first alternative that matches.
const QUALIFIER =
  /(more than|less than|fewer than|at least|at most|up to|as many as|as much as|close to|just over|just under|well over|an estimated|approximately|roughly|around|about|nearly|almost|over|under|some|circa)\s+/iy;
const LEAD_IN = /(between|from)\s+/iy;
const VAGUE =
  /(tens of thousands|hundreds of thousands|tens of millions|hundreds of millions|thousands|millions|billions|hundreds|dozens) of\b/iy;
const VAGUE_VALUES: Record<string, number> = {
  "tens of thousands": 1e4,
  "hundreds of thousands": 1e5,
  "tens of millions": 1e7,
  "hundreds of millions": 1e8,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
  hundreds: 1e2,
  dozens: 12,
};

// The texts are English: digits with "," groups and "." decimals, English words.
const LOCALE = "en-GB";
const LANGUAGE = "en";
const ORDINAL_SUFFIX = /(?:st|nd|rd|th)\b/y;
const ORDINAL_WORD = /([a-z]+(?:-[a-z]+)?)\b/iy;
const SUPERLATIVE =
  /[-\s](highest|largest|biggest|greatest|lowest|smallest|most|least|best|worst|busiest|richest|poorest|strongest|weakest)\b/iy;
const DECADE = /s\b/y;
const RANGE_CONNECTOR = /\s?[-–]\s?|\s+(to|and|through|until)\s+/iy;

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec";
const MONTH = `(?:${MONTH_NAMES})\\.?`;
const DAY = "\\d{1,2}(?:st|nd|rd|th)?";
// "June 2024", "June 20, 2024", "20 June 2024", "19-20 June 2024"; the year may be unsaid.
const DATE_PATTERNS = [
  new RegExp(`(?<month>${MONTH_NAMES})\\.?\\s+(?<year>\\d{4})\\b`, "y"),
  new RegExp(`(?<month>${MONTH_NAMES})\\.?\\s+(?<day>${DAY})(?:\\s?[-–]\\s?(?<last>${DAY}))?(?:,?\\s+(?<year>\\d{4}))?\\b`, "y"),
  new RegExp(`(?<day>${DAY})(?:\\s?[-–]\\s?(?<last>${DAY}))?\\s+(?:of\\s+)?(?<month>${MONTH_NAMES})\\.?(?:,?\\s+(?<year>\\d{4}))?\\b`, "y"),
];
// Words after which a four-digit number is a year, even before a plural noun ("in 2000 soldiers left").
const YEAR_CONTEXT =
  /(?:\b(?:in|since|from|until|till|by|before|after|during|between|of|to|through|and|or|circa|year|the|this|that|its|their|early|late|mid)|\p{L}[’']s|[(–-])\s*$/iu;
const TIME = /\d{1,2}:\d{2}(?::\d{2})?\b/y;

// Words that cannot be the counted noun after a number ("two of them", "in 2019 and").
const NOT_NOUNS = new Set(
  (
    "a an the of and or but nor to in on at by for from with per than as is are was were be been being has have had " +
    "do does did will would can could may might must shall should that which who whom whose this these those it its " +
    "their his her our your my we they he she you i me him them us not no so if then there here when while where after " +
    "before since until between among into onto over under about around against during through up down out off " +
    "percent cent also only just more most less least some any all each every both either neither very too again " +
    "other another such own same s said says say told"
  ).split(" "),
);
const NOUN = /\s+([\p{L}][\p{L}’']*(?:-[\p{L}][\p{L}’']*)*)/uy;
const HYPHEN_NOUN = /-(\p{L}+(?:-\p{L}+)*)/uy;

/** One amount: the number with what is glued to it. */
interface Amount {
  start: number;
  end: number;
  /** The number as written, e.g. "3.6" or "100" (digits) or its value (words). */
  number: string;
  words: boolean;
  /** Power of ten of a written scale ("billion" = 9); 0 when none. */
  exponent: number;
  /** Written with group separators ("1,500"): a count, never a year. */
  grouped?: boolean;
  currency?: string;
  percent?: "%" | "pp";
  rank?: boolean;
  decade?: boolean;
  /** A year-like number that counts ("2000 soldiers"). */
  counted?: boolean;
  /** The counted noun, when the amount is a count. */
  noun?: string;
}

/**
 * Reads the figure that starts exactly at `start`, or returns null. In
 * `extract` mode, numbers that are part of names ("T-90", "COVID 19") and
 * bare "one" are passed over, and `and`/`from` ranges need a lead-in that
 * makes them periods rather than changes.
 */
export function figureAt(text: string, start: number, mode: Mode): FigureMatch | null {
  let position = start;
  let qualifier: string | undefined;
  QUALIFIER.lastIndex = position;
  const q = QUALIFIER.exec(text);
  if (q) {
    qualifier = q[1]!.toLowerCase();
    position += q[0].length;
  }
  if (!qualifier) {
    const skipped = dateOrTimeAt(text, position);
    if (skipped) return skipped;
  }
  const vague = vagueAt(text, position, qualifier, mode);
  if (vague) return { start, end: vague.end, figure: { ...vague.figure, text: text.slice(start, vague.end) } };

  let leadIn: string | undefined;
  LEAD_IN.lastIndex = position;
  const lead = LEAD_IN.exec(text);
  if (lead) {
    leadIn = lead[1]!.toLowerCase();
    position += lead[0].length;
  }
  const first = amountAt(text, position, mode);
  if (!first) return null;
  const range = rangeAfter(text, first, leadIn, mode);
  if (leadIn && !range) return null;
  const figureStart = qualifier ? start : leadIn && mode === "extract" ? first.start : start;
  // "over 1999-2004" or "since around 2014": hedges do not attach to years in running text.
  const dated = range ? range.unit === "year" : isYearAmount(first) || first.decade === true;
  if (qualifier && dated && mode === "extract") return null;
  if (range) {
    const { end, ...stated } = range;
    const figure: ParsedFigure = { ...stated, text: text.slice(figureStart, end) };
    if (qualifier) figure.qualifier = qualifier;
    return { start: figureStart, end, figure };
  }
  if (mode === "extract" && isPartOfName(text, first)) return { start: first.start, end: first.end };
  const parsed = classify(first);
  if (!parsed) return mode === "extract" ? { start: first.start, end: first.end } : null;
  const figure: ParsedFigure = { ...parsed, text: text.slice(figureStart, first.end) };
  if (qualifier) figure.qualifier = qualifier;
  return { start: figureStart, end: first.end, figure };
}

/**
 * Dates consume their day numbers. A date with its year is a `date` figure:
 * `date` is its ISO 8601 form ("2024-06-20", "2024-06", a span
 * "2024-06-19/2024-06-20") and `value` its year, so a year column can cite it.
 * A date without a year is no figure: only the context gives its year.
 */
function dateOrTimeAt(text: string, start: number): FigureMatch | null {
  for (const pattern of DATE_PATTERNS) {
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (!match) continue;
    const end = start + match[0].length;
    const { year, month, day, last } = match.groups!;
    if (year === undefined) return { start, end };
    const iso = (d: string | undefined) =>
      [year, String(MONTHS.indexOf(month!.slice(0, 3).toLowerCase()) + 1).padStart(2, "0"), ...(d ? [d.replace(/\D/g, "").padStart(2, "0")] : [])].join("-");
    const date = last ? `${iso(day)}/${iso(last)}` : iso(day);
    return { start, end, figure: { kind: "date", text: match[0], value: Number(year), unit: "date", date } };
  }
  TIME.lastIndex = start;
  const time = TIME.exec(text);
  if (time) return { start, end: start + time[0].length };
  return null;
}

/**
 * "thousands of soldiers", "millions of dollars": an order of magnitude, no
 * figure. Kept, flagged `vague`, with the order's lower bound as value, so a
 * desk sees it in `charts extract`; a dataset cannot take it as a value.
 */
function vagueAt(
  text: string,
  start: number,
  qualifier: string | undefined,
  mode: Mode,
): { end: number; figure: Omit<ParsedFigure, "text"> } | null {
  VAGUE.lastIndex = start;
  const match = VAGUE.exec(text);
  if (!match) return null;
  const phrase = match[0].toLowerCase();
  const value = VAGUE_VALUES[match[1]!.toLowerCase()]!;
  const hedge = qualifier ? `${qualifier} ${phrase}` : phrase;
  let end = start + match[0].length;
  const currency = /^\s/.test(text.slice(end, end + 1)) ? currencyAt(text, end, LANGUAGE, "after") : null;
  if (currency) return { end: currency.end, figure: { kind: "money", value, unit: currency.code, qualifier: hedge, vague: true } };
  const noun = nounAt(text, end);
  if (!noun && mode === "extract") return null;
  return { end: noun?.end ?? end, figure: { kind: "count", value, unit: noun?.noun ?? "", qualifier: hedge, vague: true } };
}

/** Reads one amount at `start`: [currency] number [scale] [currency | % | pp | ordinal suffix | decade | noun]. */
function amountAt(text: string, start: number, mode: Mode): Amount | null {
  let position = start;
  let currency: string | undefined;
  const symbol = /\s/.test(text[position] ?? "") ? null : currencyAt(text, position, LANGUAGE, "before");
  if (symbol) {
    currency = symbol.code;
    position = symbol.end + (/^\s\d/.test(text.slice(symbol.end, symbol.end + 2)) ? 1 : 0);
  }
  const amount = currency ? numberAt(text, position, false) : (ordinalWordAt(text, position, mode) ?? numberAt(text, position, true));
  if (!amount) return null;
  amount.start = start;
  if (currency) amount.currency = currency;
  if (amount.rank) return amount;
  // "the two countries", "these three": a set the text has named, not a count.
  if (mode === "extract" && amount.words && /\b(?:the|these|those)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) return null;
  if (!amount.words) {
    const scale = scaleAt(text, amount.end, LANGUAGE);
    if (scale) {
      amount.exponent = scale.exponent;
      amount.end = scale.end;
    }
  }
  if (amount.currency) return amount;
  const after = currencyAt(text, amount.end, LANGUAGE, "after");
  if (after) {
    amount.currency = after.code;
    amount.end = after.end;
    return amount;
  }
  const percent = percentAt(text, amount.end, LANGUAGE);
  if (percent) {
    amount.percent = percent.kind;
    amount.end = percent.end;
    return amount;
  }
  if (!amount.words && amount.exponent === 0 && /^\d+$/.test(amount.number) && !amount.grouped) {
    ORDINAL_SUFFIX.lastIndex = amount.end;
    const suffix = ORDINAL_SUFFIX.exec(text);
    if (suffix) {
      amount.rank = true;
      amount.end += suffix[0].length;
      amount.end = superlativeEnd(text, amount.end);
      return amount;
    }
    DECADE.lastIndex = amount.end;
    if ((amount.number.length === 4 || amount.number.length === 2) && amount.number.endsWith("0") && DECADE.test(text)) {
      amount.decade = true;
      amount.end += 1;
      return amount;
    }
  }
  // A year names no count ("in 2000", "the 2021 figure", "its 2024 survey"),
  // unless it counts a plural noun with no year word before it ("2000 soldiers").
  if (isYearAmount(amount)) {
    const noun = nounAt(text, amount.end);
    if (!noun || YEAR_CONTEXT.test(text.slice(Math.max(0, start - 16), start)) || !/^\p{Ll}.*s$/u.test(noun.noun)) return amount;
    amount.counted = true;
    amount.noun = noun.noun;
    amount.end = noun.end;
    return amount;
  }
  // Letters glued to the number ("5G", "3D") make a name, not an amount.
  if (/\p{L}/u.test(text[amount.end] ?? "")) return null;
  // A lone "one" is mostly a pronoun or article ("one of the partners").
  if (mode === "extract" && amount.words && amount.number === "1") return null;
  const noun = nounAt(text, amount.end);
  if (noun) {
    amount.noun = noun.noun;
    amount.end = noun.end;
  } else if (amount.words && mode === "extract") {
    // "the two." or "two of them": a word number with nothing counted is not a figure.
    return null;
  }
  return amount;
}

/** A number in digits ("3.6", "1,000") or, when allowed, in words ("six", "one hundred million"). */
function numberAt(text: string, start: number, allowWords: boolean): Amount | null {
  // After a currency sign the number may touch it ("US$72"); else it starts a word.
  if (allowWords && /[\p{L}\p{N}]/u.test(text[start - 1] ?? "")) return null;
  const digits = digitsAt(text, start, LOCALE);
  if (digits) return { start, end: digits.end, number: digits.number, words: false, exponent: 0, grouped: digits.grouped };
  if (!allowWords) return null;
  const words = readWordNumber(text, start);
  if (!words) return null;
  return { start, end: words.end, number: String(words.value), words: true, exponent: 0 };
}

/**
 * "fifth", "sixth-highest", "twenty-first". In running text an ordinal word
 * is a rank only where it ranks something: after a determiner or possessive
 * and before a noun ("its fifth visit", "Russia’s first president"), or as a
 * superlative ("sixth-highest"); not "for the first time", "at first" or
 * "among the first countries".
 */
function ordinalWordAt(text: string, start: number, mode: Mode): Amount | null {
  if (/\p{L}/u.test(text[start - 1] ?? "")) return null;
  ORDINAL_WORD.lastIndex = start;
  const match = ORDINAL_WORD.exec(text);
  if (!match) return null;
  let word = match[1]!.toLowerCase();
  let end = start + match[0].length;
  let rank = ORDINALS.get(word);
  if (rank === undefined && word.includes("-")) {
    // "sixth-highest": the ordinal is the part before the hyphen.
    word = word.slice(0, word.indexOf("-"));
    end = start + word.length;
    rank = ORDINALS.get(word);
  }
  if (rank === undefined) return null;
  const superlative = superlativeEnd(text, end);
  if (mode === "extract" && superlative === end && !ranksSomething(text, start, end)) return null;
  return { start, end: superlative, number: String(rank), words: true, exponent: 0, rank: true };
}

function ranksSomething(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  if (!/(?:\b(?:the|its|his|her|their|our|this)|\p{L}[’']s)\s+$/iu.test(before) || /\b(?:among|one of) the\s+$/i.test(before)) return false;
  NOUN.lastIndex = end;
  const next = NOUN.exec(text);
  return next !== null && isNoun(next[1]!) && !/^times?$/i.test(next[1]!);
}

function superlativeEnd(text: string, end: number): number {
  SUPERLATIVE.lastIndex = end;
  const match = SUPERLATIVE.exec(text);
  return match ? end + match[0].length : end;
}

/**
 * The counted noun after a number: "six Kilo-class submarines", "21-gun",
 * "thousands of Vietnamese Communist Party officials". Capitalised or
 * hyphenated words run on to the first lowercase noun, at most four words.
 */
function nounAt(text: string, start: number): { noun: string; end: number } | null {
  HYPHEN_NOUN.lastIndex = start;
  const hyphen = HYPHEN_NOUN.exec(text);
  if (hyphen) return { noun: hyphen[1]!, end: start + hyphen[0].length };
  NOUN.lastIndex = start;
  const first = NOUN.exec(text);
  if (!first || !isNoun(first[1]!)) return null;
  let words = [first[1]!];
  let end = start + first[0].length;
  if (/^\p{Lu}|-/u.test(first[1]!)) {
    const phrase = [...words];
    let position = end;
    while (phrase.length < 4) {
      NOUN.lastIndex = position;
      const next = NOUN.exec(text);
      if (!next || !isNoun(next[1]!)) break;
      phrase.push(next[1]!);
      position += next[0].length;
      if (/^\p{Ll}/u.test(next[1]!)) {
        words = phrase;
        end = position;
        break;
      }
    }
  } else if (!/s$/.test(first[1]!)) {
    // "two rival superpowers": a singular-looking word before a plural noun is its adjective.
    NOUN.lastIndex = end;
    const next = NOUN.exec(text);
    if (next && isNoun(next[1]!) && /^\p{Ll}.*s$/u.test(next[1]!)) {
      words = [first[1]!, next[1]!];
      end += next[0].length;
    }
  }
  return { noun: words.join(" "), end };
}

function isNoun(word: string): boolean {
  const lower = word.toLowerCase();
  if (NOT_NOUNS.has(lower) || MULTIPLIERS.has(lower)) return false;
  return new RegExp(`^${MONTH}$`).test(word) === false;
}

/** A second amount after "to", "and" or a dash makes a range when both read as one quantity. */
function rangeAfter(
  text: string,
  first: Amount,
  leadIn: string | undefined,
  mode: Mode,
): (Omit<ParsedFigure, "text"> & { end: number }) | null {
  if (first.rank || first.decade || first.noun) return null;
  RANGE_CONNECTOR.lastIndex = first.end;
  const connector = RANGE_CONNECTOR.exec(text);
  if (!connector) return null;
  const word = connector[1]?.toLowerCase();
  const secondStart = first.end + connector[0].length;
  const isYear = (amount: Amount) => isYearAmount(amount);
  // "2022-23": a short second year after a dash.
  if (isYear(first) && word === undefined) {
    const short = /(\d{2})(?!\d)/y;
    short.lastIndex = secondStart;
    const match = short.exec(text);
    if (match && !/^\d{3}/.test(text.slice(secondStart))) {
      const high = Math.floor(Number(first.number) / 100) * 100 + Number(match[1]);
      if (high > Number(first.number)) {
        return { kind: "range", value: Number(first.number), unit: "year", range: [Number(first.number), high], end: secondStart + 2 };
      }
    }
  }
  const second = amountAt(text, secondStart, mode);
  if (!second || second.rank || second.decade) return null;
  if (word === "and" && leadIn !== "between" && mode === "extract") return null;
  if (isYear(first) && isYear(second)) {
    const [low, high] = [Number(first.number), Number(second.number)];
    if (high <= low) return null;
    return { kind: "range", value: low, unit: "year", range: [low, high], end: second.end };
  }
  // "from 5% to 10%" usually tells a change, not a span: two figures.
  const from = leadIn === "from" || /\bfrom\s+$/i.test(text.slice(Math.max(0, first.start - 8), first.start));
  if (from && mode === "extract") return null;
  const merged = mergeAmounts(first, second);
  if (!merged) return null;
  const [low, high] = merged.values;
  if (!(low < high)) return null;
  return { kind: "range", value: low, unit: merged.unit, range: [low, high], end: second.end };
}

/** Gives both ends of a range one unit: "60 to 70 percent", "$1-2 billion", "60 percent to 70 percent". */
function mergeAmounts(first: Amount, second: Amount): { unit: string; values: [number, number] } | null {
  const plain = (a: Amount) => !a.currency && !a.percent && !a.noun;
  if (first.percent || second.percent) {
    if (!(first.percent || plain(first)) || !(second.percent || plain(second))) return null;
    if (first.exponent || second.exponent || (first.percent && second.percent && first.percent !== second.percent)) return null;
    return { unit: (first.percent ?? second.percent)!, values: [Number(first.number), Number(second.number)] };
  }
  if (first.currency || second.currency) {
    if (first.currency && second.currency && first.currency !== second.currency) return null;
    if ((first.currency && !plain(second) && !second.currency) || (second.currency && !plain(first) && !first.currency)) return null;
    const unit = (first.currency ?? second.currency)!;
    // "$1-2 billion": the first end borrows the scale of the second.
    const firstExponent =
      first.exponent === 0 && second.exponent > 0 && Number(first.number) < Number(second.number) ? second.exponent : first.exponent;
    return { unit, values: [scaled(first.number, firstExponent), scaled(second.number, second.exponent)] };
  }
  if (first.noun && second.noun && first.noun !== second.noun) return null;
  const firstExponent =
    first.exponent === 0 && second.exponent > 0 && Number(first.number) < Number(second.number) ? second.exponent : first.exponent;
  return { unit: second.noun ?? first.noun ?? "", values: [scaled(first.number, firstExponent), scaled(second.number, second.exponent)] };
}

function isYearAmount(amount: Amount): boolean {
  if (amount.words || amount.exponent || amount.currency || amount.percent || amount.rank || amount.decade || amount.grouped || amount.counted) return false;
  if (!/^\d{4}$/.test(amount.number)) return false;
  const year = Number(amount.number);
  return year >= 1500 && year <= 2100;
}

/** The figure one amount states, or null when it states none. */
function classify(amount: Amount): Omit<ParsedFigure, "text"> | null {
  const value = scaled(amount.number, amount.exponent);
  if (amount.currency) return { kind: "money", value, unit: amount.currency };
  if (amount.percent) return { kind: "percent", value, unit: amount.percent };
  if (amount.rank) return { kind: "ordinal", value, unit: "rank" };
  if (amount.decade) {
    const low = amount.number.length === 2 ? 1900 + value : value;
    return { kind: "range", value: low, unit: "year", range: [low, low + 9] };
  }
  if (isYearAmount(amount)) return { kind: "year", value, unit: "year" };
  return { kind: "count", value, unit: amount.noun ?? "" };
}

/** Number names and model codes: "T-90", "MiG-21", "COVID 19". */
function isPartOfName(text: string, amount: Amount): boolean {
  if (amount.currency || amount.percent || amount.exponent) return false;
  const before = text.slice(Math.max(0, amount.start - 12), amount.start);
  if (/\p{L}-$/u.test(before) && !/(?:^|[^\p{L}])(?:mid|pre|post|early|late|end)-$/iu.test(before)) return true;
  return !amount.words && amount.number.length <= 2 && /(?:^|[^\p{L}])\p{Lu}{2,}[ -]$/u.test(before);
}
