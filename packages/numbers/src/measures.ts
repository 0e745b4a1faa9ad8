// Units of measure desks chart, beside money, counts and percentages: a small
// set, documented in the README. Symbols and the words of kilometres,
// kilograms, hectares and litres come from Intl (style "unit"); tonnes,
// barrels and people Intl does not know, so their words are typed here, from
// each language's press ("tonnes", "tấn", "Tonnen", "toneladas").
import { LOCALES, languageOf, type Language } from "./locales.ts";

export interface Measure {
  /** Name in a unit string: "tonnes" in "tonnes thousand". */
  name: string;
  /** Written after the number: a symbol for all languages, or words per language. */
  symbol?: string;
  words: Record<Language, { one: string; other: string }>;
  /** Other English words a text may count it with ("metric tons"). */
  aliases?: string[];
}

type Words = Measure["words"];

/** The words Intl writes for one of its units, per language: "kilomètres", "Kilometer". */
function intlWords(unit: string): Words {
  const words = {} as Words;
  for (const locale of LOCALES) {
    const language = languageOf(locale);
    if (words[language]) continue;
    const word = (count: number) =>
      new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).formatToParts(count).find((part) => part.type === "unit")!.value;
    words[language] = { one: word(1), other: word(2) };
  }
  return words;
}

function intlSymbol(unit: string): string {
  return new Intl.NumberFormat("en-GB", { style: "unit", unit }).formatToParts(2).find((part) => part.type === "unit")!.value;
}

const same = (one: string, other: string): Words => ({ en: { one, other }, fr: { one, other }, vi: { one, other }, de: { one, other }, es: { one, other } });

export const MEASURES: readonly Measure[] = [
  {
    name: "tonnes",
    words: {
      en: { one: "tonne", other: "tonnes" },
      fr: { one: "tonne", other: "tonnes" },
      vi: { one: "tấn", other: "tấn" },
      de: { one: "Tonne", other: "Tonnen" },
      es: { one: "tonelada", other: "toneladas" },
    },
    aliases: ["tons", "metric tons", "metric tonnes", "t"],
  },
  { name: "kg", symbol: intlSymbol("kilogram"), words: intlWords("kilogram"), aliases: ["kilos"] },
  { name: "km", symbol: intlSymbol("kilometer"), words: intlWords("kilometer"), aliases: ["kilometers", "kilometres"] },
  { name: "km2", symbol: "km²", words: same("square kilometre", "square kilometres"), aliases: ["square kilometers", "sq km", "km2"] },
  { name: "ha", symbol: intlSymbol("hectare"), words: intlWords("hectare") },
  { name: "litres", words: intlWords("liter"), aliases: ["liters"] },
  {
    name: "barrels",
    words: {
      en: { one: "barrel", other: "barrels" },
      fr: { one: "baril", other: "barils" },
      vi: { one: "thùng", other: "thùng" },
      de: { one: "Barrel", other: "Barrel" },
      es: { one: "barril", other: "barriles" },
    },
  },
  {
    name: "people",
    words: {
      en: { one: "person", other: "people" },
      fr: { one: "personne", other: "personnes" },
      vi: { one: "người", other: "người" },
      de: { one: "Person", other: "Menschen" },
      es: { one: "persona", other: "personas" },
    },
    aliases: ["persons", "inhabitants", "residents"],
  },
  { name: "MW", symbol: "MW", words: same("megawatt", "megawatts") },
  { name: "GWh", symbol: "GWh", words: same("gigawatt hour", "gigawatt hours") },
];

const byName = new Map(MEASURES.map((measure) => [measure.name, measure]));

export function measureNamed(name: string): Measure | undefined {
  return byName.get(name === "km²" ? "km2" : name);
}

/**
 * The measure a written word names in `language` ("tonnes", "Tonnen",
 * "km", "people"), or undefined. English aliases count in every language.
 * @example measureOfWord("toneladas", "es")?.name // "tonnes"
 */
export function measureOfWord(word: string, language: Language): Measure | undefined {
  const lower = word.toLocaleLowerCase(language);
  return MEASURES.find(
    (measure) =>
      measure.symbol === word ||
      measure.words[language].one.toLocaleLowerCase(language) === lower ||
      measure.words[language].other.toLocaleLowerCase(language) === lower ||
      measure.words.en.other.toLowerCase() === lower ||
      measure.aliases?.includes(lower),
  );
}

/** Every written form of every measure in `language`, longest first, for reading. */
export function measureWords(language: Language): Array<[string, Measure]> {
  const forms: Array<[string, Measure]> = [];
  for (const measure of MEASURES) {
    const written = [measure.symbol, measure.words[language].one, measure.words[language].other, measure.words.en.other, ...(measure.aliases ?? [])];
    for (const form of new Set(written)) if (form) forms.push([form, measure]);
  }
  return forms.sort((a, b) => b[0].length - a[0].length);
}
