import { describe, expect, it } from "vitest";
import { HOUSE, LOCALES, languageOf, scaleAt, scaleWords } from "../src/index.ts";

describe("scaleWords(language)", () => {
  it("takes CLDR's compact words from Intl, per language", () => {
    const words = (language: Parameters<typeof scaleWords>[0]) => new Map(scaleWords(language).map((w) => [w.word, w.exponent]));
    for (const [word, exponent] of [["bn", 9], ["B", 9], ["thousand", 3], ["trillion", 12]] as const) expect(words("en").get(word)).toBe(exponent);
    // "billion" is 10^12 in French and German, 10^9 in English.
    expect(words("fr").get("billion")).toBe(12);
    expect(words("de").get("Billionen")).toBe(12);
    expect(words("en").get("billion")).toBe(9);
    expect(words("fr").get("Md")).toBe(9);
    expect(words("de").get("Mio.")).toBe(6);
    expect(words("vi").get("tỷ")).toBe(9);
    expect(words("es").get("mil millones")).toBe(9);
    // es writes 10^9 short as "1000 M": its M is a million.
    expect(words("es").get("M")).toBe(6);
  });

  it("includes every scale the house writes, with its power of ten", () => {
    for (const locale of LOCALES) {
      const words = new Map(scaleWords(languageOf(locale)).map((w) => [w.word, w.exponent]));
      for (const tier of HOUSE[locale].tiers) {
        expect(words.get(tier.money), `${locale} ${tier.money}`).toBe(tier.exponent);
        for (const count of tier.count) expect(words.get(count), `${locale} ${count}`).toBe(tier.exponent);
      }
    }
  });
});

describe("scaleAt(text, position, language)", () => {
  it("reads a scale after the number, glued or spaced", () => {
    expect(scaleAt("$72m", 3, "en")).toEqual({ exponent: 6, end: 4 });
    expect(scaleAt("3.6 billion", 3, "en")).toEqual({ exponent: 9, end: 11 });
    expect(scaleAt("3,6\u202fMd$", 3, "fr")).toEqual({ exponent: 9, end: 6 });
    expect(scaleAt("3,6 mil millones", 3, "es")).toEqual({ exponent: 9, end: 16 });
  });

  it("needs a word boundary, the case of abbreviations, and a glued one-letter English scale", () => {
    expect(scaleAt("3 millionaires", 1, "en")).toBeNull();
    expect(scaleAt("100 m", 3, "en")).toBeNull();
    expect(scaleAt("72 m", 2, "fr")).toBeNull();
    expect(scaleAt("5 Mother", 1, "en")).toBeNull();
  });
});
