import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { LOCALES } from "@charts/numbers";
import { formatValue } from "../src/formatValue.ts";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
const MINUS = "\u2212";

describe("formatValue: money", () => {
  it.each([
    [171, "USD billion", "en-GB", "$171bn"],
    [3.6, "USD billion", "en-GB", "$3.6bn"],
    [72, "USD million", "en-GB", "$72m"],
    [1000, "USD million", "en-GB", "$1bn"],
    [1, "USD billion", "en-GB", "$1bn"],
    [171.4, "USD billion", "en-GB", "$171bn"],
    [72.45, "USD million", "en-GB", "$72.5m"],
    [0.5, "USD million", "en-GB", "$500,000"],
    [72_000, "USD", "en-GB", "$72,000"],
    [2.5, "USD", "en-GB", "$2.5"],
    [1200, "USD billion", "en-GB", "$1.2trn"],
    [960, "USD million", "en-GB", "$960m"],
    [999.96, "USD million", "en-GB", "$1bn"],
    [0, "USD million", "en-GB", "$0"],
    [171, "USD billion", "en-US", "$171B"],
    [72, "USD million", "en-US", "$72M"],
    [171, "USD billion", "fr-FR", `171${NNBSP}Md$`],
    [3.6, "USD billion", "fr-FR", `3,6${NNBSP}Md$`],
    [72, "USD million", "fr-FR", `72${NNBSP}M$`],
    [1200, "USD billion", "fr-FR", `1${NNBSP}200${NNBSP}Md$`],
    [72_000, "USD", "fr-FR", `72${NNBSP}000${NNBSP}$`],
    [171, "USD billion", "vi-VN", `171${NBSP}tỷ USD`],
    [3.6, "USD billion", "vi-VN", `3,6${NBSP}tỷ USD`],
    [72, "USD million", "vi-VN", `72${NBSP}triệu USD`],
    [1200, "USD billion", "vi-VN", `1,2${NBSP}nghìn tỷ USD`],
    [72_000, "USD", "vi-VN", `72.000${NBSP}USD`],
  ])("%d %s in %s is %s", (value, unit, locale, expected) => {
    expect(formatValue(value, { unit, locale })).toBe(expected);
  });

  it("puts a true minus sign before the currency, and none on a zero", () => {
    expect(formatValue(-72, { unit: "USD million" })).toBe(`${MINUS}$72m`);
    expect(formatValue(-3.6, { unit: "USD billion", locale: "fr-FR" })).toBe(`${MINUS}3,6${NNBSP}Md$`);
    expect(formatValue(-0.01, { unit: "%" })).toBe("0%");
  });

  it("fixes the decimals with precision", () => {
    expect(formatValue(1, { unit: "USD billion", precision: 1 })).toBe("$1.0bn");
    expect(formatValue(171.44, { unit: "USD billion", precision: 2 })).toBe("$171.44bn");
    expect(formatValue(3.6, { unit: "USD billion", locale: "fr-FR", precision: 2 })).toBe(`3,60${NNBSP}Md$`);
  });

  it("says an approximate figure is one, in the reader's language", () => {
    expect(formatValue(1000, { unit: "USD million", approx: true })).toBe("about $1bn");
    expect(formatValue(1000, { unit: "USD million", locale: "fr-FR", approx: true })).toBe(`environ 1${NNBSP}Md$`);
    expect(formatValue(1000, { unit: "USD million", locale: "vi-VN", approx: true })).toBe(`khoảng 1${NBSP}tỷ USD`);
  });
});

describe("formatValue: percentages, counts, ranks, years", () => {
  it.each([
    [19, "%", "en-GB", "19%"],
    [19, "%", "en-US", "19%"],
    [19, "%", "fr-FR", `19${NNBSP}%`],
    [19, "%", "vi-VN", "19%"],
    [3.45, "%", "fr-FR", `3,5${NNBSP}%`],
    [1234, "count", "en-GB", "1,234"],
    [123456, "count", "fr-FR", `123${NNBSP}456`],
    [123456, "count", "vi-VN", "123.456"],
    [1_200_000, "count", "en-GB", "1.2m"],
    [1_200_000, "count", "en-US", "1.2M"],
    [1_200_000, "count", "fr-FR", `1,2${NNBSP}million`],
    [2_500_000, "count", "fr-FR", `2,5${NNBSP}millions`],
    [1_200_000, "count", "vi-VN", `1,2${NBSP}triệu`],
    [7.6, "number", "en-GB", "7.6"],
    [1, "rank", "en-GB", "1st"],
    [2, "rank", "en-US", "2nd"],
    [3, "rank", "en-GB", "3rd"],
    [11, "rank", "en-GB", "11th"],
    [22, "rank", "en-GB", "22nd"],
    [113, "rank", "en-GB", "113th"],
    [1, "rank", "fr-FR", "1er"],
    [8, "rank", "fr-FR", "8e"],
    [8, "rank", "vi-VN", `thứ${NBSP}8`],
    [2.5, "rank", "en-GB", ""],
    [2014, "year", "en-GB", "2014"],
    [2014, "year", "fr-FR", "2014"],
    [2014, "year", "vi-VN", "2014"],
  ])("%d %s in %s is %j", (value, unit, locale, expected) => {
    expect(formatValue(value, { unit, locale })).toBe(expected);
  });

  it("writes en-GB when no locale is given and leaves missing values blank", () => {
    expect(formatValue(1234.5, { unit: "count" })).toBe("1,235");
    expect(formatValue(Number.NaN, { unit: "%" })).toBe("");
    expect(formatValue(null as unknown as number, { unit: "%" })).toBe("");
  });
});

describe("formatValue: any currency, scale and the new locales", () => {
  it.each([
    [3.6, "EUR billion", "en-GB", "€3.6bn"],
    [3.6, "EUR billion", "fr-FR", `3,6${NNBSP}Md€`],
    [3.6, "EUR billion", "de-DE", `3,6${NBSP}Mrd.${NBSP}€`],
    [3.6, "EUR billion", "es-ES", `3600${NBSP}M${NBSP}€`],
    [36.4, "count million", "en-GB", "36.4m"],
    [36.4, "count million", "de-DE", `36,4${NBSP}Mio.`],
    [2.5, "pp", "en-GB", "2.5pp"],
    [450, "tonnes thousand", "en-GB", `450,000${NBSP}tonnes`],
    [8, "rank", "de-DE", "8."],
  ])("%d %s in %s is %s", (value, unit, locale, expected) => {
    expect(formatValue(value, { unit, locale })).toBe(expected);
  });
});

describe("formatValue: errors", () => {
  it("names the unit, locale or precision it cannot write", () => {
    expect(() => formatValue(1, { unit: "EURO million" })).toThrow(`format.unit: ${message.invalid(message.expectedUnit(), "EURO million")}`);
    expect(() => formatValue(1, { unit: "%", locale: "it-IT" })).toThrow(`format.locale: ${message.invalid(message.expectedLocale(LOCALES), "it-IT")}`);
    expect(() => formatValue(1, { unit: "%", precision: 1.5 })).toThrow(`format.precision: ${message.invalid(message.expectedPrecision(), 1.5)}`);
  });
});
