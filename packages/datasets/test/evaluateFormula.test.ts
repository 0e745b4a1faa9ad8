import { describe, expect, it } from "vitest";
import { ChartsError } from "@charts/errors";
import { evaluateFormula } from "../src/index.ts";

const expected = 'expected a formula of numbers, the variable figure, + - * / and parentheses, such as "2 * figure"';

describe("evaluateFormula(formula, figure)", () => {
  it.each([
    ["figure", 3.6, 3.6],
    ["2 * figure", 3.6, 7.2],
    ["100 - figure", 75, 25],
    ["figure / 0.19", 19, 100],
    ["(figure + 2) * 3 - 1", 4, 17],
    ["2 + 3 * 4", 0, 14],
    ["-figure + 10", 4, 6],
    ["- (figure - 1) / 2", 5, -2],
    [".5 * figure", 8, 4],
    ["100", 19, 100],
  ])("%s with figure %s is %s", (formula, figure, value) => {
    expect(evaluateFormula(formula, figure)).toBeCloseTo(value, 12);
  });

  it.each(["", "2 ** figure", "figure(2)", "Math.PI", "figure; process.exit()", "(figure", "figure)", "2 figure", "x * 2", "1e3"])(
    "rejects %j",
    (formula) => {
      expect(() => evaluateFormula(formula, 1, { file: "data.csv", row: 4, field: "formula" })).toThrow(
        new ChartsError(`${expected} but received ${JSON.stringify(formula)} of type string`, { file: "data.csv", row: 4, field: "formula" }),
      );
    },
  );

  it("rejects a result that is not a number", () => {
    expect(() => evaluateFormula("1 / figure", 0)).toThrow('formula "1 / figure" gives Infinity for figure 0');
  });
});
