import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CURRENCIES,
  LOCALES,
  MEASURES,
  SCALES,
  amountAt,
  digitsAt,
  findAmounts,
  formatAmount,
  parseAmount,
  parseUnit,
  roundingTolerance,
  type Locale,
  type Unit,
} from "../src/index.ts";

const SCALE_NAMES = ["", ...Object.keys(SCALES).map((s) => ` ${s}`)];
// Every unit the grammar has: each currency, count, number and measure with each scale, and the rest.
const UNITS: string[] = [
  ...CURRENCIES.flatMap((code) => SCALE_NAMES.map((scale) => code + scale)),
  ...["count", "number", ...MEASURES.map((m) => m.name)].flatMap((base) => SCALE_NAMES.map((scale) => base + scale)),
  "%",
  "pp",
  "rank",
  "year",
];

/** Formats, parses back and checks the value within the rounding of what was written. */
function roundTrip(value: number, name: string, locale: Locale, format: { precision?: number; approx?: boolean }): void {
  const unit = parseUnit(name)!;
  const written = formatAmount(value, unit, locale, format);
  if (written === "") {
    expect(unit.kind).toBe("rank");
    return;
  }
  const parsed = parseAmount(written, locale);
  const where = `${value} ${name} in ${locale} written ${JSON.stringify(written)}`;
  expect(parsed, where).not.toBeNull();
  const amount = parsed!;
  const expected = value * 10 ** unit.exponent;
  expect(Math.abs(amount.value - expected), where).toBeLessThanOrEqual(roundingTolerance(amount.decimals, amount.exponent) + Math.abs(expected) * 1e-12);
  expect(amount.approx === true, where).toBe(format.approx === true);
  expect(amount.currency, where).toBe(unit.currency);
  expect(amount.percent, where).toBe(unit.kind === "percent" ? "%" : unit.kind === "points" ? "pp" : undefined);
  expect(amount.measure, where).toBe(unit.measure?.name);
  expect(amount.rank === true, where).toBe(unit.kind === "rank");
}

const kinds = (unit: Unit) => unit.kind;

describe("formatAmount -> parseAmount: the round trip", () => {
  it("reads back every currency at every scale in every locale", () => {
    for (const locale of LOCALES) {
      for (const name of UNITS.filter((u) => parseUnit(u)!.kind === "money")) {
        for (const value of [3.6, 171, 72_000, 0.5]) roundTrip(value, name, locale, {});
      }
    }
  });

  it("reads back any value of any unit, scale, locale, precision and approximation (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNITS),
        fc.constantFrom(...LOCALES),
        fc.double({ min: -1e7, max: 1e7, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        fc.boolean(),
        (name, locale, x, precision, approx) => {
          const kind = kinds(parseUnit(name)!);
          const value = kind === "rank" ? Math.max(1, Math.round(Math.abs(x) % 200)) : kind === "year" ? Math.round(Math.abs(x) % 2100) : x;
          roundTrip(value, name, locale, { precision, approx });
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("amountAt, findAmounts and parseAmount on arbitrary input", () => {
  const pieces = fc.constantFrom("$", "€", "US$", "1", "3", "0", ",", ".", " ", "\u00a0", "\u202f", "bn", "m", "Md", "Mrd.", "tỷ", "%", "pp", "thứ", "-", "\u2212", "de ", "º", "er", "dollars", "t", "\u{1F600}", "\u0301");
  const messy = fc.oneof(fc.string({ unit: "binary" }), fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")));

  it("never throw, and every amount found is its text's slice (property)", () => {
    fc.assert(
      fc.property(messy, fc.constantFrom(...LOCALES), (text, locale) => {
        for (const amount of findAmounts(text, locale)) {
          expect(text.slice(amount.start, amount.end)).toBe(amount.text);
          expect(Number.isFinite(amount.value)).toBe(true);
        }
        const whole = parseAmount(text, locale);
        if (whole) expect(whole.end).toBe(text.length);
        for (let i = 0; i < Math.min(text.length, 8); i += 1) amountAt(text, i, locale, { signed: true });
      }),
      { numRuns: 3000 },
    );
  });
});

describe("digitsAt(text, position, locale)", () => {
  it("reads each locale's separators", () => {
    expect(digitsAt("1,200.5", 0, "en-GB")).toEqual({ number: "1200.5", decimals: 1, grouped: true, end: 7 });
    expect(digitsAt("1 200,5", 0, "fr-FR")).toEqual({ number: "1200.5", decimals: 1, grouped: true, end: 7 });
    expect(digitsAt("1.200,5", 0, "de-DE")).toEqual({ number: "1200.5", decimals: 1, grouped: true, end: 7 });
    expect(digitsAt("3600", 0, "es-ES")).toEqual({ number: "3600", decimals: 0, grouped: false, end: 4 });
    expect(digitsAt("3.5.2", 0, "en-GB")).toBeNull();
  });
});

describe("findAmounts(text, locale)", () => {
  it("reads every number of a sentence with its currency, scale and percent", () => {
    const brief = (text: string, locale: Locale) => findAmounts(text, locale).map((a) => [a.text, a.value, a.currency ?? a.percent ?? a.measure ?? ""]);
    expect(brief("Arms fell from about $1bn in 2014 to US$72 million; 3.5 billion dollars, 19 per cent, 2.5pp.", "en-GB")).toEqual([
      ["$1bn", 1e9, "USD"], ["2014", 2014, ""], ["US$72 million", 72e6, "USD"], ["3.5 billion dollars", 3.5e9, "USD"], ["19 per cent", 19, "%"], ["2.5pp", 2.5, "pp"],
    ]);
    expect(brief("Le commerce : 3,6\u202fMd$ en 2023, 19\u202f% ; 1 200 Md$ ; 3,6 milliards d’euros", "fr-FR")).toEqual([
      ["3,6\u202fMd$", 3.6e9, "USD"], ["2023", 2023, ""], ["19\u202f%", 19, "%"], ["1 200 Md$", 1.2e12, "USD"], ["3,6 milliards d’euros", 3.6e9, "EUR"],
    ]);
    expect(brief("36,4 Mio. Fahrgäste, 3,6 Mrd. € und 1,2 Mio. Tonnen", "de-DE")).toEqual([
      ["36,4 Mio.", 36.4e6, ""], ["3,6 Mrd. €", 3.6e9, "EUR"], ["1,2 Mio. Tonnen", 1.2e6, "tonnes"],
    ]);
  });
});
