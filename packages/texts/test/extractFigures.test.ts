import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { cleanText, extractFigures, sourceText, splitSentences, type SourceText } from "../src/index.ts";

function source(raw: string): SourceText {
  const clean = cleanText(raw);
  return { id: "sample", file: "/tmp/sample.txt", raw, clean, sentences: splitSentences(clean) };
}

const brief = (text: SourceText) =>
  extractFigures(text).map(({ kind, text: written, value, unit, range, qualifier, vague }) => ({
    kind, text: written, value, unit, ...(range ? { range } : {}), ...(qualifier ? { qualifier } : {}), ...(vague ? { vague } : {}),
  }));

describe("extractFigures(text)", () => {
  it("lists money, percentages, years and ranges in text order with their sentences", () => {
    const text = source(
      "Fish exports reached US$42 million in 2021. Between 2010 and 2020 the fleet lost nearly 15 per cent of its boats.",
    );
    const figures = extractFigures(text);
    expect(brief(text)).toEqual([
      { kind: "money", text: "US$42 million", value: 42e6, unit: "USD" },
      { kind: "year", text: "2021", value: 2021, unit: "year" },
      { kind: "range", text: "2010 and 2020", value: 2010, unit: "year", range: [2010, 2020] },
      { kind: "percent", text: "nearly 15 per cent", value: 15, unit: "%", qualifier: "nearly" },
    ]);
    expect(figures.map((f) => f.sentence.index)).toEqual([0, 0, 1, 1]);
    for (const figure of figures) expect(text.clean.slice(figure.start, figure.end)).toBe(figure.text);
  });

  it("never lists part of a figure again (the 2 of US$72, a year inside a range)", () => {
    const figures = extractFigures(source("Aid fell to US$72 million over 1999-2004."));
    expect(figures.map((f) => f.text)).toEqual(["US$72 million", "1999-2004"]);
    for (let i = 1; i < figures.length; i += 1) expect(figures[i]!.start).toBeGreaterThanOrEqual(figures[i - 1]!.end);
  });

  it("reads counts, ordinals and orders of magnitude", () => {
    expect(brief(source("The navy bought four frigates, its third order; thousands of sailors trained in 12 ports."))).toEqual([
      { kind: "count", text: "four frigates", value: 4, unit: "frigates" },
      { kind: "ordinal", text: "third", value: 3, unit: "rank" },
      { kind: "count", text: "thousands of sailors", value: 1000, unit: "sailors", qualifier: "thousands of", vague: true },
      { kind: "count", text: "12 ports", value: 12, unit: "ports" },
    ]);
  });

  it("skips numbers that are names, times and dates without a year; a dated day is a date", () => {
    const figures = extractFigures(
      source("The T-90 tanks and MiG-21 jets left at 05:00 on 3-4 May, after the COVID 19 lull. Signed on March 2, 2019."),
    );
    expect(figures.map((f) => [f.kind, f.text, f.value, f.date])).toEqual([["date", "March 2, 2019", 2019, "2019-03-02"]]);
  });

  it("skips the names it is given, in any case", () => {
    const text = source("20 minutes takes stock. The trip took 20 minutes.");
    expect(extractFigures(text).map((f) => f.text)).toEqual(["20 minutes", "20 minutes"]);
    expect(extractFigures(text, { names: ["20 Minutes"] })).toEqual([]);
  });

  it("reads an ordinal word only where it ranks something", () => {
    const figures = extractFigures(
      source("He came for the first time in 1923. At first, it was among the first countries. It is his fifth visit; Russia's first president left; the first summit."),
    );
    expect(figures.map((f) => [f.kind, f.text])).toEqual([
      ["year", "1923"], ["ordinal", "fifth"], ["ordinal", "first"], ["ordinal", "first"],
    ]);
  });

  it("needs a year context for a year: a four-digit number counting a plural noun is a count", () => {
    const brief = (raw: string) => extractFigures(source(raw)).map((f) => [f.kind, f.text]);
    expect(brief("Some 2000 soldiers left in 2000.")).toEqual([["count", "Some 2000 soldiers"], ["year", "2000"]]);
    expect(brief("In 2019 tourists came; the 2021 figure; its 2024 survey.")).toEqual([["year", "2019"], ["year", "2021"], ["year", "2024"]]);
    expect(brief("It has 1,500 workers.")).toEqual([["count", "1,500 workers"]]);
  });

  it("reads no count in a set the text named ('the two countries')", () => {
    expect(extractFigures(source("The two countries met; two leaders spoke; these three left."))).toMatchObject([{ kind: "count", text: "two leaders" }]);
  });

  it("does not read a lone 'one' or a word number without a noun as a count", () => {
    expect(extractFigures(source("One of the two said one day that two of them would go."))).toEqual([]);
  });

  it("keeps 'from X to Y' of money or percent as two figures (a change), of years as a period", () => {
    expect(extractFigures(source("Tariffs went from 5% to 10% from 2018 to 2020.")).map((f) => f.text)).toEqual([
      "5%", "10%", "2018 to 2020",
    ]);
  });

  it("finds no figure in junk lines removed by cleanText", () => {
    expect(extractFigures(source("Leave a Comment\n200% Deposit Bonus up to €3,000\nScroll to Top"))).toEqual([]);
  });
});

// Properties (fast-check): on any text, extraction returns figures that stand
// where they say, and the work stays linear. A hang shows as the test's timeout;
// the large inputs below took minutes (quadratic cleaning and splitting) before.
describe("extractFigures on generated text (fast-check)", () => {
  const prose = fc.string({
    unit: fc.constantFrom(...["1", "9", "0", ",", ".", " ", "-", "–", "%", "$", "€", "US", "Mr. ", "A. ", "million", " billion", " per cent", "between ", " and ", " to ", "June ", "20", "2023", "th", "sixth-highest", "thousands of ", " ships", "\n", "\u00a0", "&amp;", "é", "🙂", "\u202e", "ش"]),
    maxLength: 200,
  });

  it("never throws; each figure is the clean text between its offsets, inside its sentence", () => {
    fc.assert(
      fc.property(fc.oneof(prose, fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 300 })), (raw) => {
        const text = sourceText("generated", "generated.txt", raw);
        for (const figure of extractFigures(text)) {
          expect(text.clean.slice(figure.start, figure.end)).toBe(figure.text);
          expect(figure.start).toBeGreaterThanOrEqual(figure.sentence.start);
          expect(figure.end).toBeLessThanOrEqual(text.clean.length);
          expect(Number.isNaN(figure.value)).toBe(false);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("cleans and splits large pathological texts in linear time, and extracts from them", () => {
    for (const raw of ["a".repeat(1_000_000), "Mr. ".repeat(100_000), "No. 5 ".repeat(50_000), "A. ".repeat(100_000)]) {
      expect(sourceText("large", "large.txt", raw).sentences.length).toBeGreaterThan(0);
    }
    for (const raw of ["a".repeat(100_000), "1 ".repeat(5_000), "1-".repeat(5_000), "Mr. ".repeat(5_000)]) {
      expect(Array.isArray(extractFigures(sourceText("large", "large.txt", raw)))).toBe(true);
    }
  });
});
