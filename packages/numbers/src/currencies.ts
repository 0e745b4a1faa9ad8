// Currencies: every ISO 4217 code Intl knows (Intl.supportedValuesOf), with
// the symbols, names and placement Intl gives each house locale. Hand-typed
// are only the house's choices where Intl leaves a choice open:
// - HOUSE_SYMBOLS: which currency a shared narrow symbol means ("$" is the
//   US dollar, as in the texts the desk handles; "¥" the yen);
// - HOUSE_WORDS: the bare words prose uses ("3.5 billion dollars", "roubles"),
//   which CLDR's full names ("US dollars", "Russian roubles") do not cover;
// - vi-VN writes the ISO code after the number, as the Vietnamese press
//   does ("3,6 tỷ USD"), and the dong as "đồng".
import { LOCALES, languageOf, localesOf, type Language, type Locale } from "./locales.ts";
import { numberFormat } from "./numberFormat.ts";

/** Every currency code Intl supports: the current ISO 4217 list of the ICU in use. */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");
const CODES = new Set(CURRENCIES);

export function isCurrency(code: string): boolean {
  return CODES.has(code);
}

// A narrow symbol several currencies share means this one, in every language.
const HOUSE_SYMBOLS: Record<string, string> = { $: "USD", "£": "GBP", "¥": "JPY", "₩": "KRW", "AU$": "AUD", C$: "CAD", S$: "SGD", SG$: "SGD" };

const HOUSE_WORDS: Record<Language, Record<string, string>> = {
  en: {
    dollar: "USD", dollars: "USD", "american dollars": "USD", euro: "EUR", euros: "EUR", yuan: "CNY", renminbi: "CNY",
    rouble: "RUB", roubles: "RUB", ruble: "RUB", rubles: "RUB", dong: "VND", yen: "JPY", "pounds sterling": "GBP",
    rupee: "INR", rupees: "INR",
  },
  fr: { dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", yuans: "CNY", roubles: "RUB", dongs: "VND", yens: "JPY" },
  vi: { "đô la": "USD", đô: "USD", euro: "EUR", đồng: "VND", rúp: "RUB", "nhân dân tệ": "CNY", yên: "JPY" },
  de: { Dollar: "USD", "US-Dollar": "USD", Euro: "EUR", Rubel: "RUB", Yuan: "CNY", Yen: "JPY" },
  es: { dólar: "USD", dólares: "USD", euro: "EUR", euros: "EUR", rublos: "RUB", yuanes: "CNY", yenes: "JPY" },
};

/** How a locale writes a currency's sign, and on which side of the number. */
export interface CurrencyStyle {
  sign: string;
  before: boolean;
  /** What stands between the sign and the number: "" or a (no-break) space. */
  space: string;
}

function signOf(code: string, locale: Locale, display: "symbol" | "narrowSymbol" | "code"): { sign: string; before: boolean; space: string } {
  const parts = numberFormat(locale, { style: "currency", currency: code, currencyDisplay: display }).formatToParts(1);
  const at = parts.findIndex((part) => part.type === "currency");
  const numeric = parts.flatMap((part, i) => (["integer", "group", "decimal", "fraction"].includes(part.type) ? [i] : []));
  const before = at < numeric[0]!;
  const between = before ? parts.slice(at + 1, numeric[0]) : parts.slice(numeric.at(-1)! + 1, at);
  return { sign: parts[at]!.value, before, space: between.map((part) => part.value).join("") };
}

const styleCache = new Map<string, CurrencyStyle>();

/**
 * How the house writes `code` in `locale`: Intl's symbol and placement, the
 * narrow symbol where it reads back as this currency alone ("$" for USD in
 * en-GB, where Intl writes "US$"), the code after the number in vi-VN.
 *
 * @example currencyStyle("EUR", "de-DE") // { sign: "€", before: false, space: "\u00a0" }
 */
export function currencyStyle(code: string, locale: Locale): CurrencyStyle {
  const key = `${code} ${locale}`;
  let style = styleCache.get(key);
  if (style) return style;
  if (locale === "vi-VN") {
    style = { sign: code === "VND" ? "đồng" : code, before: false, space: "\u00a0" };
  } else {
    const symbol = signOf(code, locale, "symbol");
    const narrow = signOf(code, locale, "narrowSymbol");
    style = currencyOfSign(narrow.sign, languageOf(locale)) === code ? { ...symbol, sign: narrow.sign } : symbol;
  }
  styleCache.set(key, style);
  return style;
}

interface Index {
  /** Signs written next to the number: symbols and codes. */
  signs: Map<string, string>;
  /** Names written after the number, lowercased: "us dollars", "euros", "roubles". */
  names: Map<string, string>;
  /**
   * Both, by their first character (a sign's as written, a name's lowercased),
   * longest first: reading tries only the few that can start where it stands
   * (a scan of every sign per position made extraction on long text slow).
   */
  byFirst: Map<string, Array<[string, string]>>;
}

const indexCache = new Map<Language, Index>();

/** Every sign and name `language` writes a currency with, mapped to its code. */
function indexOf(language: Language): Index {
  let index = indexCache.get(language);
  if (index) return index;
  const signs = new Map<string, string>();
  const names = new Map<string, string>();
  const shared = new Map<string, Set<string>>();
  for (const locale of LOCALES) {
    for (const code of CURRENCIES) {
      for (const display of ["symbol", "narrowSymbol"] as const) {
        const { sign } = signOf(code, locale, display);
        if (sign === code) continue;
        shared.set(sign, (shared.get(sign) ?? new Set()).add(code));
      }
    }
  }
  // A symbol is read as a currency when one currency has it, or the house says which;
  // a single letter ("R", "P") is a word or an initial far more often than a rand or a pula.
  for (const [sign, codes] of shared) {
    if (/^\p{L}$/u.test(sign)) continue;
    const code = HOUSE_SYMBOLS[sign] ?? (codes.size === 1 ? [...codes][0] : undefined);
    if (code) signs.set(sign, code);
  }
  for (const [sign, code] of Object.entries(HOUSE_SYMBOLS)) signs.set(sign, code);
  for (const code of CURRENCIES) signs.set(code, code);
  for (const locale of localesOf(language)) {
    const display = new Intl.DisplayNames(locale, { type: "currency" });
    for (const code of CURRENCIES) {
      const name = display.of(code);
      if (name && name !== code) names.set(name.toLocaleLowerCase(language), code);
      for (const count of [1, 2]) {
        const parts = numberFormat(locale, { style: "currency", currency: code, currencyDisplay: "name" }).formatToParts(count);
        const plural = parts.find((part) => part.type === "currency")?.value;
        if (plural && plural !== code) names.set(plural.toLocaleLowerCase(language), code);
      }
    }
  }
  for (const [word, code] of Object.entries(HOUSE_WORDS[language])) names.set(word.toLocaleLowerCase(language), code);
  const byFirst = new Map<string, Array<[string, string]>>();
  for (const entry of [...signs, ...names].sort((a, b) => b[0].length - a[0].length)) {
    const first = entry[0][0]!;
    byFirst.set(first, [...(byFirst.get(first) ?? []), entry]);
  }
  index = { signs, names, byFirst };
  indexCache.set(language, index);
  return index;
}

/** The currency a written sign stands for ("US$", "€", "Md$"'s "$", "CHF"), or undefined. */
export function currencyOfSign(sign: string, language: Language): string | undefined {
  return indexOf(language).signs.get(sign);
}

/**
 * The currency written at `position` (after optional spaces), or null.
 * Before a number only signs count ("US$72"); after it, names too
 * ("3.5 billion dollars", "171 tỷ USD", "3,6 Mrd. Euro"). A sign or name
 * made of letters must end at a word boundary.
 *
 * @example currencyAt("US$3.6", 0, "en", "before") // { code: "USD", end: 3 }
 */
export function currencyAt(
  text: string,
  position: number,
  language: Language,
  side: "before" | "after",
): { code: string; end: number } | null {
  const space = /[ \u00a0\u202f]?/y;
  space.lastIndex = position;
  const start = position + space.exec(text)![0].length;
  const { signs, byFirst } = indexOf(language);
  const lower = text.slice(start, start + 40).toLocaleLowerCase(language);
  const first = text[start];
  if (first === undefined) return null;
  const own = byFirst.get(first) ?? [];
  const folded = lower[0] !== undefined && lower[0] !== first ? (byFirst.get(lower[0]) ?? []) : [];
  const candidates = folded.length ? [...own, ...folded].sort((a, b) => b[0].length - a[0].length) : own;
  for (const [written, code] of candidates) {
    const isName = !signs.has(written);
    if (isName && side === "before") continue;
    const candidate = isName ? lower.slice(0, written.length) : text.slice(start, start + written.length);
    if (candidate !== written) continue;
    if (/\p{L}$/u.test(written) && /[\p{L}\p{N}]/u.test(text[start + written.length] ?? "")) continue;
    return { code, end: start + written.length };
  }
  return null;
}
