import { describe, expect, it } from "vitest";
import { ChartsError } from "@charts/errors";
import { parseFigure } from "@charts/texts";
import { convertFigure } from "../src/index.ts";

const where = { file: "data.csv", row: 2, field: "figure" };
const convert = (figure: string, unit: string | undefined) => convertFigure(parseFigure(figure), unit, where);

describe("convertFigure(parsed, unit, where)", () => {
  it("converts money into scaled currency units", () => {
    expect(convert("US$1 billion", "USD million")).toBe(1000);
    expect(convert("US$72 million", "USD million")).toBe(72);
    expect(convert("US$3.6 billion", "USD billion")).toBe(3.6);
    expect(convert("$7.6 billion", "USD million")).toBe(7600);
    expect(convert("3.5 billion dollars", "USD billion")).toBe(3.5);
    expect(convert("€3,000", "EUR")).toBe(3000);
    expect(convert("around US$1 billion", "USD")).toBe(1e9);
  });

  it("passes percentages, ranks, counts and years through", () => {
    expect(convert("more than 80%", "%")).toBe(80);
    expect(convert("19 per cent", "%")).toBe(19);
    expect(convert("sixth-highest", "rank")).toBe(6);
    expect(convert("six Kilo-class submarines", "count")).toBe(6);
    expect(convert("2014", "year")).toBe(2014);
    expect(convert("19 per cent", undefined)).toBe(19);
  });

  it("rejects a figure of another kind or currency than the unit", () => {
    expect(() => convert("19 per cent", "USD million")).toThrow(
      new ChartsError('expected an amount in USD for a column in USD million but received "19 per cent" of type string', where),
    );
    expect(() => convert("€3,000", "USD")).toThrow('expected an amount in USD for a column in USD but received "€3,000"');
    expect(() => convert("US$72 million", "%")).toThrow('expected a percentage for a column in % but received "US$72 million"');
    expect(() => convert("2014", "rank")).toThrow("expected an ordinal such as sixth for a column in rank");
  });

  it("rejects ranges and units it does not know", () => {
    expect(() => convert("60 percent to 70 percent", "%")).toThrow(
      'data.csv, row 2, figure: expected a single figure for a column in %, not a range but received "60 percent to 70 percent"',
    );
    expect(() => convert("80%", "percent")).toThrow(
      new ChartsError(
        'expected a unit the checker knows: USD, USD million, USD billion (or another currency code and scale), %, rank, count or year but received "percent" of type string',
        { ...where, field: "unit" },
      ),
    );
  });
});
