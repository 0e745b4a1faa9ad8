// Scales: thousand, million, billion, trillion, and every way the house
// languages write them. The words come from Intl's compact notation (CLDR:
// en "bn" "B", fr "Md" "milliards" "billion" = 10^12, de "Mio." "Mrd.", vi
// "triệu" "tỷ", es "mil millones"), plus the press abbreviations CLDR lacks
// (HOUSE_WORDS). Reading is per language: "billion" is 10^9 in English and
// 10^12 in French and German.
import { LOCALES, languageOf, type Language } from "./locales.ts";

/** The scales a unit may carry ("EUR million"), by power of ten. */
export const SCALES = { thousand: 3, million: 6, billion: 9, trillion: 12 } as const;
export type ScaleName = keyof typeof SCALES;

export function isScaleName(word: string): word is ScaleName {
  return Object.hasOwn(SCALES, word);
}

// Press abbreviations and spellings Intl does not give, by language.
// en: "mn" (FT), "trn" (The Economist, the house en-GB trillion), "tn".
// fr: "Mds" (Le Monde's plural of Md), "Mrd" (Les Echos tables).
// vi: "tỉ" and "ngàn" (the southern spellings), "nghìn tỷ" written out.
// de: "Tsd." (thousand, Handelsblatt tables), the abbreviations without their point.
// es: "mill." (El País tables), "mil mill.", "millón".
const HOUSE_WORDS: Record<Language, Array<[string, number]>> = {
  en: [["mn", 6], ["trn", 12], ["tn", 12], ["bn", 9], ["m", 6], ["k", 3], ["K", 3], ["M", 6], ["B", 9], ["T", 12]],
  fr: [["Mds", 9], ["Mrd", 9], ["Md", 9], ["M", 6], ["k", 3], ["milliard", 9], ["million", 6], ["mille", 3]],
  vi: [["tỉ", 9], ["ngàn", 3], ["nghìn tỷ", 12], ["ngàn tỷ", 12], ["nghìn tỉ", 12], ["tỷ", 9], ["triệu", 6], ["nghìn", 3]],
  de: [["Tsd.", 3], ["Tsd", 3], ["Mio", 6], ["Mrd", 9], ["Bio", 12], ["Million", 6], ["Milliarde", 9], ["Billion", 12]],
  es: [["mill.", 6], ["mil mill.", 9], ["millón", 6], ["billón", 12], ["mil millones", 9], ["millones", 6], ["mil", 3]],
};

export interface ScaleWord {
  word: string;
  exponent: number;
}

const cache = new Map<Language, ScaleWord[]>();

/**
 * Every way `language` writes a scale, longest first (so "mil millones" is
 * read before "mil"). Words of three letters or fewer are abbreviations,
 * matched with their case ("M" is a million in French, "m" a metre).
 */
export function scaleWords(language: Language): ScaleWord[] {
  let words = cache.get(language);
  if (words) return words;
  const found = new Map<string, number>(HOUSE_WORDS[language]);
  for (const locale of LOCALES.filter((l) => languageOf(l) === language)) {
    for (const display of ["short", "long"] as const) {
      const format = new Intl.NumberFormat(locale, { notation: "compact", compactDisplay: display });
      for (const exponent of Object.values(SCALES)) {
        for (const leading of [1, 2]) {
          const parts = format.formatToParts(leading * 10 ** exponent);
          const compact = parts.find((part) => part.type === "compact")?.value;
          const integer = parts.filter((part) => part.type === "integer").map((part) => part.value).join("");
          // es writes 10^9 short as "1000 M": the word is the million of 1000 M.
          if (compact) found.set(compact, exponent - Math.round(Math.log10(Number(integer) / leading)));
        }
      }
    }
  }
  words = [...found].map(([word, exponent]) => ({ word, exponent })).sort((a, b) => b.word.length - a.word.length);
  cache.set(language, words);
  return words;
}

/** Whether a scale word is an abbreviation matched with its case. */
export function isAbbreviation(word: string): boolean {
  return word.replace(/\.$/, "").length <= 3;
}

/**
 * The scale written at `position` (after optional spaces), or null: its
 * power of ten and where it ends. A word must end at a word boundary.
 * In English a one-letter abbreviation must be glued to the number ("$72m",
 * "1.2M"), so "100 m" (metres) is no scale.
 *
 * @example scaleAt("3,6 Md$", 3, "fr") // { exponent: 9, end: 6 }
 */
export function scaleAt(text: string, position: number, language: Language): { exponent: number; end: number } | null {
  const space = /[ \u00a0\u202f]?/y;
  space.lastIndex = position;
  const gap = space.exec(text)![0].length;
  const start = position + gap;
  for (const { word, exponent } of scaleWords(language)) {
    const candidate = text.slice(start, start + word.length);
    const same = isAbbreviation(word) ? candidate === word : candidate.toLocaleLowerCase(language) === word.toLocaleLowerCase(language);
    if (!same) continue;
    if (language === "en" && word.length === 1 && gap > 0) continue;
    const next = text[start + word.length] ?? "";
    if (/[\p{L}\p{N}]/u.test(next) || (word.endsWith(".") === false && next === "." && /\p{L}/u.test(text[start + word.length + 1] ?? ""))) continue;
    return { exponent, end: start + word.length };
  }
  return null;
}
