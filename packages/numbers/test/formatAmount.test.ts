import { describe, expect, it } from "vitest";
import { formatAmount, parseUnit, type Locale } from "../src/index.ts";

const NNBSP = "\u202f";
const NBSP = "\u00a0";
const write = (value: number, unit: string, locale: Locale, format = {}) => formatAmount(value, parseUnit(unit)!, locale, format);

describe("formatAmount(value, unit, locale): the house table", () => {
  it.each([
    ["en-GB", ["$171bn", "€3.6bn", "$72m", "$72,000", "19%", "2.5pp", "1.2m", `1.2m${NBSP}tonnes`, "1st", "about $1bn"]],
    ["en-US", ["$171B", "€3.6B", "$72M", "$72,000", "19%", "2.5pp", "1.2M", `1.2M${NBSP}tonnes`, "1st", "about $1B"]],
    ["fr-FR", [`171${NNBSP}Md$`, `3,6${NNBSP}Md€`, `72${NNBSP}M$`, `72${NNBSP}000${NNBSP}$`, `19${NNBSP}%`, `2,5${NBSP}pts`, `1,2${NNBSP}million`, `1,2${NNBSP}million${NBSP}de tonnes`, "1er", `environ 1${NNBSP}Md$`]],
    ["vi-VN", [`171${NBSP}tỷ USD`, `3,6${NBSP}tỷ EUR`, `72${NBSP}triệu USD`, `72.000${NBSP}USD`, "19%", `2,5${NBSP}điểm %`, `1,2${NBSP}triệu`, `1,2${NBSP}triệu${NBSP}tấn`, `thứ${NBSP}1`, `khoảng 1${NBSP}tỷ USD`]],
    ["de-DE", [`171${NBSP}Mrd.${NBSP}$`, `3,6${NBSP}Mrd.${NBSP}€`, `72${NBSP}Mio.${NBSP}$`, `72.000${NBSP}$`, `19${NBSP}%`, `2,5${NBSP}Pp.`, `1,2${NBSP}Mio.`, `1,2${NBSP}Mio.${NBSP}Tonnen`, "1.", `rund 1${NBSP}Mrd.${NBSP}$`]],
    ["es-ES", [`171.000${NBSP}M${NBSP}$`, `3600${NBSP}M${NBSP}€`, `72${NBSP}M${NBSP}$`, `72.000${NBSP}$`, `19${NBSP}%`, `2,5${NBSP}p.${NBSP}p.`, `1,2${NBSP}millones`, `1,2${NBSP}millones${NBSP}de toneladas`, "1.º", `cerca de 1000${NBSP}M${NBSP}$`]],
  ] as const)("%s", (locale, expected) => {
    expect([
      write(171, "USD billion", locale),
      write(3.6, "EUR billion", locale),
      write(72, "USD million", locale),
      write(72_000, "USD", locale),
      write(19, "%", locale),
      write(2.5, "pp", locale),
      write(1.2, "count million", locale),
      write(1.2, "tonnes million", locale),
      write(1, "rank", locale),
      write(1000, "USD million", locale, { approx: true }),
    ]).toEqual(expected);
  });

  it("moves to the next tier when rounding reaches it, and writes no tier the press lacks", () => {
    expect(write(999.96, "USD million", "en-GB")).toBe("$1bn");
    expect(write(1200, "USD billion", "fr-FR")).toBe(`1${NNBSP}200${NNBSP}Md$`);
    expect(write(999_999.96, "EUR million", "es-ES")).toBe(`1${NBSP}B${NBSP}€`);
    expect(write(0.5, "USD million", "en-GB")).toBe("$500,000");
  });

  it("writes counts in words where the press does, singular and plural", () => {
    expect(write(2.5, "count million", "fr-FR")).toBe(`2,5${NNBSP}millions`);
    expect(write(1, "count million", "es-ES")).toBe(`1${NBSP}millón`);
    expect(write(36.4, "count million", "en-GB")).toBe("36.4m");
    expect(write(1, "people million", "fr-FR")).toBe(`1${NNBSP}million${NBSP}de personnes`);
    expect(write(1.2, "people million", "fr-FR")).toBe(`1,2${NNBSP}million${NBSP}de personnes`);
    expect(write(1200, "km", "de-DE")).toBe(`1.200${NBSP}km`);
    expect(write(1, "tonnes", "en-GB")).toBe(`1${NBSP}tonne`);
  });

  it("takes a true minus, fixed decimals, and leaves a missing value blank", () => {
    expect(write(-72, "USD million", "en-GB")).toBe("\u2212$72m");
    expect(write(-0.01, "%", "en-GB")).toBe("0%");
    expect(write(3.6, "EUR billion", "de-DE", { precision: 2 })).toBe(`3,60${NBSP}Mrd.${NBSP}€`);
    expect(write(Number.NaN, "%", "en-GB")).toBe("");
    expect(write(2.5, "rank", "en-GB")).toBe("");
    expect(write(2014, "year", "de-DE")).toBe("2014");
  });
});
