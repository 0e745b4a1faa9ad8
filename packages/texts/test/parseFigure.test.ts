import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { parseFigure } from "../src/index.ts";

describe("parseFigure(text)", () => {
  it.each([
    ["US$1 billion", 1e9, "USD"],
    ["US$72 million", 72e6, "USD"],
    ["US$3.6 billion", 3.6e9, "USD"],
    ["$7.6 billion", 7.6e9, "USD"],
    ["3.5 billion dollars", 3.5e9, "USD"],
    ["175 billion USD", 175e9, "USD"],
    ["€3,000", 3000, "EUR"],
    ["£2.25bn", 2.25e9, "GBP"],
  ])("reads money %s", (text, value, unit) => {
    expect(parseFigure(text)).toEqual({ kind: "money", text, value, unit });
  });

  it("scales decimals exactly", () => {
    expect(parseFigure("US$3.6 billion").value).toBe(3_600_000_000);
    expect(parseFigure("US$0.07 billion").value).toBe(70_000_000);
  });

  it.each([
    ["19 per cent", 19],
    ["80%", 80],
    ["12.5 percent", 12.5],
  ])("reads percentages %s", (text, value) => {
    expect(parseFigure(text)).toEqual({ kind: "percent", text, value, unit: "%" });
  });

  it.each([
    ["more than 80%", "more than"],
    ["over 80%", "over"],
    ["nearly 80%", "nearly"],
    ["about 80%", "about"],
    ["some 80%", "some"],
  ])("keeps the qualifier of %s and the value as written", (text, qualifier) => {
    expect(parseFigure(text)).toEqual({ kind: "percent", text, value: 80, unit: "%", qualifier });
  });

  it("keeps the qualifier of money", () => {
    expect(parseFigure("around US$1 billion")).toEqual({
      kind: "money", text: "around US$1 billion", value: 1e9, unit: "USD", qualifier: "around",
    });
  });

  it("reads years and year ranges in their written forms", () => {
    expect(parseFigure("2014")).toEqual({ kind: "year", text: "2014", value: 2014, unit: "year" });
    for (const text of ["1995 and 2023", "between 1995 and 2023", "from 1995 to 2023", "1995-2023", "1995–2023"]) {
      expect(parseFigure(text)).toEqual({ kind: "range", text, value: 1995, unit: "year", range: [1995, 2023] });
    }
    expect(parseFigure("2022-23").range).toEqual([2022, 2023]);
    expect(parseFigure("the 1980s".slice(4)).range).toEqual([1980, 1989]);
  });

  it("reads ranges of percentages and money", () => {
    expect(parseFigure("60 percent to 70 percent")).toEqual({
      kind: "range", text: "60 percent to 70 percent", value: 60, unit: "%", range: [60, 70],
    });
    expect(parseFigure("60 to 70 percent").range).toEqual([60, 70]);
    expect(parseFigure("$1-2 billion")).toMatchObject({ kind: "range", unit: "USD", range: [1e9, 2e9] });
  });

  it("reads ordinals in words and digits", () => {
    expect(parseFigure("sixth-highest")).toEqual({ kind: "ordinal", text: "sixth-highest", value: 6, unit: "rank" });
    expect(parseFigure("fifth")).toMatchObject({ kind: "ordinal", value: 5 });
    expect(parseFigure("6th")).toMatchObject({ kind: "ordinal", value: 6 });
    expect(parseFigure("twenty-first")).toMatchObject({ kind: "ordinal", value: 21 });
  });

  it("reads counts with the counted noun as unit", () => {
    expect(parseFigure("six Kilo-class submarines")).toEqual({
      kind: "count", text: "six Kilo-class submarines", value: 6, unit: "Kilo-class submarines",
    });
    expect(parseFigure("one hundred million inhabitants")).toMatchObject({ kind: "count", value: 1e8, unit: "inhabitants" });
    expect(parseFigure("100 million inhabitants")).toMatchObject({ kind: "count", value: 1e8, unit: "inhabitants" });
    expect(parseFigure("two hundred and fifty ships")).toMatchObject({ kind: "count", value: 250, unit: "ships" });
    expect(parseFigure("1,250 workers")).toMatchObject({ kind: "count", value: 1250, unit: "workers" });
  });

  it("reads orders of magnitude as vague, with their lower bound and a qualifier", () => {
    expect(parseFigure("thousands of")).toEqual({ kind: "count", text: "thousands of", value: 1000, unit: "", qualifier: "thousands of", vague: true });
    expect(parseFigure("thousands of soldiers")).toMatchObject({ value: 1000, unit: "soldiers", qualifier: "thousands of", vague: true });
    expect(parseFigure("millions of dollars")).toMatchObject({ kind: "money", value: 1e6, unit: "USD", vague: true });
  });

  it("reads any currency, scale and percentage points through @charts/numbers", () => {
    expect(parseFigure("€3.6 billion")).toMatchObject({ kind: "money", value: 3.6e9, unit: "EUR" });
    expect(parseFigure("CHF 72 million")).toMatchObject({ kind: "money", value: 72e6, unit: "CHF" });
    expect(parseFigure("3.5 billion roubles")).toMatchObject({ kind: "money", value: 3.5e9, unit: "RUB" });
    expect(parseFigure("36.4 million riders")).toMatchObject({ kind: "count", value: 36.4e6, unit: "riders" });
    expect(parseFigure("$20k")).toMatchObject({ kind: "money", value: 20e3, unit: "USD" });
    expect(parseFigure("2.5 percentage points")).toEqual({ kind: "percent", text: "2.5 percentage points", value: 2.5, unit: "pp" });
    expect(parseFigure("2.5pp")).toMatchObject({ kind: "percent", value: 2.5, unit: "pp" });
  });

  it("reads dates with their ISO form, and a grouped number as a count, never a year", () => {
    expect(parseFigure("June 20, 2024")).toEqual({ kind: "date", text: "June 20, 2024", value: 2024, unit: "date", date: "2024-06-20" });
    expect(parseFigure("20 June 2024")).toMatchObject({ kind: "date", date: "2024-06-20" });
    expect(parseFigure("19-20 June 2024")).toMatchObject({ kind: "date", date: "2024-06-19/2024-06-20" });
    expect(parseFigure("June 2024")).toMatchObject({ kind: "date", date: "2024-06" });
    expect(parseFigure("1,500 soldiers")).toMatchObject({ kind: "count", value: 1500 });
    expect(parseFigure("2000 soldiers")).toMatchObject({ kind: "count", value: 2000, unit: "soldiers" });
    expect(parseFigure("2000")).toMatchObject({ kind: "year", value: 2000 });
  });

  it("treats no-break spaces as spaces", () => {
    expect(parseFigure(" 19\u00A0per cent ")).toMatchObject({ kind: "percent", value: 19, text: "19 per cent" });
  });

  it("rejects what is not exactly one figure, saying what it expects", () => {
    expect(() => parseFigure("a lot")).toThrow(new ChartsError(message.invalid(message.expectedFigure(), "a lot")));
    expect(() => parseFigure("US$72 million and more")).toThrow(ChartsError);
    expect(() => parseFigure("")).toThrow(ChartsError);
    expect(() => parseFigure("80% of", { file: "data.csv", row: 2, field: "figure" })).toThrow(
      `data.csv, row 2, figure: ${message.invalid(message.expectedFigure(), "80% of")}`,
    );
  });
});
