import { describe, expect, it } from "vitest";
import { CURRENCIES, currencyAt, currencyStyle, isCurrency } from "../src/index.ts";

describe("CURRENCIES", () => {
  it("is Intl's list of ISO 4217 codes", () => {
    expect(CURRENCIES.length).toBeGreaterThan(150);
    for (const code of ["USD", "EUR", "VND", "RUB", "CNY", "XOF", "CHF"]) expect(isCurrency(code)).toBe(true);
    expect(isCurrency("EURO")).toBe(false);
    expect(isCurrency("XYZ")).toBe(false);
  });
});

describe("currencyStyle(code, locale)", () => {
  it("takes sign and side from Intl, the narrow symbol where it reads back alone", () => {
    expect(currencyStyle("USD", "en-GB")).toEqual({ sign: "$", before: true, space: "" });
    expect(currencyStyle("CHF", "en-GB")).toEqual({ sign: "CHF", before: true, space: "\u00a0" });
    expect(currencyStyle("EUR", "de-DE")).toEqual({ sign: "€", before: false, space: "\u00a0" });
    expect(currencyStyle("USD", "fr-FR")).toMatchObject({ sign: "$", before: false });
    expect(currencyStyle("CNY", "en-US").sign).toBe("CN¥");
    expect(currencyStyle("USD", "vi-VN")).toEqual({ sign: "USD", before: false, space: "\u00a0" });
    expect(currencyStyle("VND", "vi-VN").sign).toBe("đồng");
  });
});

describe("currencyAt(text, position, language, side)", () => {
  it.each([
    ["US$3.6", 0, "en", "before", "USD", 3],
    ["$3.6", 0, "en", "before", "USD", 1],
    ["€3,000", 0, "en", "before", "EUR", 1],
    ["CHF 3", 0, "en", "before", "CHF", 3],
    ["£2bn", 0, "en", "before", "GBP", 1],
    ["3.5 billion dollars", 11, "en", "after", "USD", 19],
    ["175 billion USD", 11, "en", "after", "USD", 15],
    ["3 Russian roubles", 1, "en", "after", "RUB", 17],
    ["3 euros", 1, "en", "after", "EUR", 7],
    ["171 tỷ USD", 6, "vi", "after", "USD", 10],
    ["3 tỷ đồng", 5, "vi", "after", "VND", 9],
    ["3,6 Mrd. Euro", 8, "de", "after", "EUR", 13],
    ["3,6 Md$", 6, "fr", "after", "USD", 7],
    ["3600 millones de dólares", 17, "es", "after", "USD", 24],
  ] as const)("reads %j", (text, position, language, side, code, end) => {
    expect(currencyAt(text, position, language, side)).toEqual({ code, end });
  });

  it("reads no names before a number, and no name inside a word", () => {
    expect(currencyAt("dollars 3", 0, "en", "before")).toBeNull();
    expect(currencyAt("3 eurosceptics", 1, "en", "after")).toBeNull();
    expect(currencyAt("3 won the", 1, "en", "after")).toBeNull();
    // A single letter is no currency sign: "R 3" is no rand.
    expect(currencyAt("R 3", 0, "en", "before")).toBeNull();
  });
});
