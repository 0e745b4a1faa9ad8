// Reading numbers as a locale writes them: the inverse of formatAmount, and
// the amount grammar extraction builds its figures on.
//
//   amount = [sign] [currency] number [scale] [currency | % | pp | measure | ordinal suffix]
//
// where the currency before is a sign ("US$", "€", "CHF"), the currency
// after a sign or a name ("USD", "Md$", "billion dollars", "millones de
// euros"), and the number uses the locale's separators ("1,200.5" in en,
// "1 200,5" in fr, "1.200,5" in de, es and vi).
import { currencyAt } from "./currencies.ts";
import { HOUSE } from "./house.ts";
import { languageOf, separators, type Language, type Locale } from "./locales.ts";
import { measureWords } from "./measures.ts";
import { percentAt } from "./percents.ts";
import { scaled } from "./round.ts";
import { scaleAt } from "./scales.ts";

export interface Amount {
  start: number;
  end: number;
  /** As written. */
  text: string;
  /** Signed value in base units: 3.6e9 for "$3.6bn", 19 for "19%". */
  value: number;
  /** The number's digits with "." as decimal point, no grouping: "3.6". */
  number: string;
  /** Decimals written: 1 for "3.6". */
  decimals: number;
  /** Power of ten of the written scale: 9 for "bn"; 0 without one. */
  exponent: number;
  /** Written with group separators ("1,200"): no year. */
  grouped: boolean;
  currency?: string;
  percent?: "%" | "pp";
  /** Name of the measure written after the number ("tonnes", "km"). */
  measure?: string;
  /** An ordinal: "6th", "1er", "8.º". */
  rank?: boolean;
}

const patterns = new Map<Locale, RegExp>();

function numberPattern(locale: Locale): RegExp {
  let pattern = patterns.get(locale);
  if (!pattern) {
    const { decimal, group } = separators(locale);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // French groups with any space a desk may type: U+202F as Intl writes it, U+00A0 or a plain space.
    const groups = /\s/u.test(group) ? "[ \\u00a0\\u202f]" : escape(group);
    pattern = new RegExp(`\\d{1,3}(?:${groups}\\d{3})+(?:${escape(decimal)}\\d+)?(?!\\d)|\\d+(?:${escape(decimal)}\\d+)?(?!\\d)`, "y");
    patterns.set(locale, pattern);
  }
  return pattern;
}

/**
 * The number in digits at `position`, as `locale` writes it, or null.
 * @example digitsAt("1 200,5 t", 0, "fr-FR") // { number: "1200.5", decimals: 1, grouped: true, end: 7 }
 */
export function digitsAt(text: string, position: number, locale: Locale): { number: string; decimals: number; grouped: boolean; end: number } | null {
  const pattern = numberPattern(locale);
  pattern.lastIndex = position;
  const match = pattern.exec(text);
  if (!match) return null;
  const { decimal } = separators(locale);
  const written = match[0];
  // "3.5.2" and "12,34,5" are no numbers.
  if (/^[.,]\d/.test(text.slice(position + written.length))) return null;
  const at = written.indexOf(decimal);
  const whole = at >= 0 ? written.slice(0, at) : written;
  const fraction = at >= 0 ? written.slice(at + 1) : "";
  const digits = whole.replace(/\D/g, "");
  return {
    number: fraction ? `${digits}.${fraction}` : digits,
    decimals: fraction.length,
    grouped: digits.length !== whole.length,
    end: position + written.length,
  };
}

const MINUSES = /[-\u2212]/y;
const ORDINALS: Record<Language, RegExp> = {
  en: /(?:st|nd|rd|th)(?![\p{L}\p{N}])/uy,
  fr: /(?:er|re|e|ème|è)(?![\p{L}\p{N}])/uy,
  vi: /(?!)/y,
  de: /\.(?!\d)/y,
  es: /\.?[ºª]/y,
};

/**
 * Reads one amount starting exactly at `start`, or returns null. With
 * `signed`, a minus (U+2212 or "-") may lead.
 *
 * @example amountAt("about $3.6bn", 6, "en-GB") // { value: 3.6e9, currency: "USD", exponent: 9, decimals: 1, ... }
 */
export function amountAt(text: string, start: number, locale: Locale, options: { signed?: boolean } = {}): Amount | null {
  const language = languageOf(locale);
  let position = start;
  let negative = false;
  if (options.signed) {
    MINUSES.lastIndex = position;
    if (MINUSES.test(text)) {
      negative = true;
      position += 1;
    }
  }
  let currency: string | undefined;
  const before = currencyAt(text, position, language, "before");
  if (before && !/\s/u.test(text[position] ?? "")) {
    currency = before.code;
    position = before.end;
    if (/[ \u00a0\u202f]/.test(text[position] ?? "") && /\d/.test(text[position + 1] ?? "")) position += 1;
  }
  const digits = digitsAt(text, position, locale);
  if (!digits) return null;
  const amount: Amount = { start, end: digits.end, text: "", value: 0, number: digits.number, decimals: digits.decimals, exponent: 0, grouped: digits.grouped };
  if (currency) amount.currency = currency;
  const scale = scaleAt(text, amount.end, language);
  if (scale) {
    amount.exponent = scale.exponent;
    amount.end = scale.end;
  }
  const of = ofAt(text, amount.end, language, amount.exponent > 0);
  if (!amount.currency) {
    const after = currencyAt(text, of, language, "after");
    if (after) {
      amount.currency = after.code;
      amount.end = after.end;
    }
  }
  if (!amount.currency) {
    const percent = percentAt(text, amount.end, language);
    if (percent) {
      amount.percent = percent.kind;
      amount.end = percent.end;
    }
  }
  if (!amount.currency && !amount.percent) {
    const measure = measureAt(text, of, language);
    if (measure) {
      amount.measure = measure.name;
      amount.end = measure.end;
    } else if (amount.exponent === 0 && amount.decimals === 0 && !amount.grouped) {
      const suffix = ORDINALS[language];
      suffix.lastIndex = amount.end;
      const match = suffix.exec(text);
      if (match) {
        amount.rank = true;
        amount.end += match[0].length;
      }
    }
  }
  amount.value = (negative ? -1 : 1) * scaled(amount.number, amount.exponent);
  amount.text = text.slice(start, amount.end);
  return amount;
}

/** After a scale word, French and Spanish put "de" before what is counted ("millions de dollars", "d’euros"). */
function ofAt(text: string, position: number, language: Language, afterScale: boolean): number {
  if (!afterScale || (language !== "fr" && language !== "es")) return position;
  const match = /[ \u00a0]?(?:de |d[’'])/y;
  match.lastIndex = position;
  return match.exec(text) ? match.lastIndex : position;
}

function measureAt(text: string, position: number, language: Language): { name: string; end: number } | null {
  const space = /[ \u00a0\u202f]?/y;
  space.lastIndex = position;
  const start = position + space.exec(text)![0].length;
  for (const [form, measure] of measureWords(language)) {
    const written = text.slice(start, start + form.length);
    const same = form.length <= 3 ? written === form : written.toLocaleLowerCase(language) === form.toLocaleLowerCase(language);
    if (!same || /[\p{L}\p{N}]/u.test(text[start + form.length] ?? "")) continue;
    return { name: measure.name, end: start + form.length };
  }
  return null;
}

/**
 * Every amount in a text written in `locale`, in order, none inside another:
 * the number check reads a chart's headline, notes and labels through it.
 * An amount starts at a word start, never inside a word or a number.
 */
export function findAmounts(text: string, locale: Locale): Amount[] {
  const amounts: Amount[] = [];
  let position = 0;
  while (position < text.length) {
    const before = text[position - 1] ?? "";
    const startsWord = !/[\p{L}\p{N}]/u.test(before) && !(/[.,]/.test(before) && /\d/.test(text[position - 2] ?? ""));
    const amount = startsWord && /[\d\-\u2212\p{Sc}\p{Lu}]/u.test(text[position]!) ? amountAt(text, position, locale, { signed: true }) : null;
    if (amount) {
      amounts.push(amount);
      position = amount.end;
    } else {
      position += 1;
    }
  }
  return amounts;
}

/**
 * Reads a whole string as one amount in `locale`, as formatAmount writes it:
 * a leading approximation ("about", "environ") and a rank's "thứ" are
 * allowed. Returns null when the string is not exactly one amount.
 *
 * @example parseAmount("3,6 Md$", "fr-FR") // { value: 3.6e9, currency: "USD", ... }
 */
export function parseAmount(text: string, locale: Locale): (Amount & { approx?: boolean }) | null {
  const house = HOUSE[locale];
  let start = 0;
  let approx = false;
  if (text.startsWith(`${house.approx} `)) {
    start = house.approx.length + 1;
    approx = true;
  }
  const rank = locale === "vi-VN" && /^thứ[ \u00a0]/.exec(text.slice(start));
  if (rank) start += rank[0].length;
  const amount = amountAt(text, start, locale, { signed: true });
  if (!amount || amount.end !== text.length) return null;
  if (rank) amount.rank = true;
  return approx ? { ...amount, approx } : amount;
}
