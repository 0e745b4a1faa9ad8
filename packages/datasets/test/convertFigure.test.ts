import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { parseFigure } from "@charts/texts";
import { convertFigure } from "../src/index.ts";

const where = { file: "data.csv", row: 2, field: "figure" };
const convert = (figure: string, unit: string | undefined) => convertFigure(parseFigure(figure), unit, where);

describe("convertFigure(parsed, unit, where)", () => {
  it("converts money of any currency into its scaled unit", () => {
    expect(convert("US$1 billion", "USD million")).toBe(1000);
    expect(convert("US$72 million", "USD million")).toBe(72);
    expect(convert("US$3.6 billion", "USD billion")).toBe(3.6);
    expect(convert("$7.6 billion", "USD million")).toBe(7600);
    expect(convert("3.5 billion dollars", "USD billion")).toBe(3.5);
    expect(convert("€3,000", "EUR")).toBe(3000);
    expect(convert("€3.6 billion", "EUR million")).toBe(3600);
    expect(convert("£2.25bn", "GBP million")).toBe(2250);
    expect(convert("around US$1 billion", "USD")).toBe(1e9);
  });

  it("scales counts and measures, and passes percentages, points, ranks and years through", () => {
    expect(convert("36.4 million riders", "count million")).toBe(36.4);
    expect(convert("450,000 tonnes", "tonnes thousand")).toBe(450);
    expect(convert("100 million inhabitants", "people million")).toBe(100);
    expect(convert("more than 80%", "%")).toBe(80);
    expect(convert("19 per cent", "%")).toBe(19);
    expect(convert("2.5 percentage points", "pp")).toBe(2.5);
    expect(convert("sixth-highest", "rank")).toBe(6);
    expect(convert("six Kilo-class submarines", "count")).toBe(6);
    expect(convert("2014", "year")).toBe(2014);
    expect(convert("June 20, 2024", "year")).toBe(2024);
    expect(convert("19 per cent", undefined)).toBe(19);
  });

  it("refuses a figure of another kind or currency than the unit", () => {
    expect(() => convert("19 per cent", "USD million")).toThrow(new ChartsError(message.invalid(message.expectedAmountIn("USD", "USD million"), "19 per cent"), where));
    expect(() => convert("€3.6 billion", "USD million")).toThrow(message.invalid(message.expectedAmountIn("USD", "USD million"), "€3.6 billion"));
    expect(() => convert("US$3.6 billion", "EUR million")).toThrow(message.invalid(message.expectedAmountIn("EUR", "EUR million"), "US$3.6 billion"));
    expect(() => convert("US$72 million", "%")).toThrow(message.invalid(message.expectedFigureFor("a percentage", "%"), "US$72 million"));
    expect(() => convert("19 per cent", "pp")).toThrow(message.invalid(message.expectedFigureFor("percentage points", "pp"), "19 per cent"));
    expect(() => convert("2014", "rank")).toThrow(message.invalid(message.expectedFigureFor("an ordinal such as sixth", "rank"), "2014"));
    expect(() => convert("36.4 million riders", "tonnes million")).toThrow(message.invalid(message.expectedFigureFor("a quantity in tonnes", "tonnes million"), "36.4 million riders"));
  });

  it("refuses ranges, vague quantities and units the grammar does not know", () => {
    expect(() => convert("60 percent to 70 percent", "%")).toThrow(
      new ChartsError(message.invalid(message.expectedSingleFigure("%"), "60 percent to 70 percent"), where),
    );
    expect(() => convert("thousands of soldiers", "count")).toThrow(message.invalid(message.expectedExactFigure(), "thousands of soldiers"));
    expect(() => convert("80%", "percent")).toThrow(new ChartsError(message.invalid(message.expectedUnit(), "percent"), { ...where, field: "unit" }));
  });
});
