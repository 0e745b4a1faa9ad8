import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ChartsError, message } from "@charts/errors";
import { evaluateFormula } from "../src/index.ts";

const where = { file: "data.csv", row: 4, field: "formula" };

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
      expect(() => evaluateFormula(formula, 1, where)).toThrow(new ChartsError(message.invalid(message.expectedFormula(), formula), where));
    },
  );

  it("rejects a result that is not a number", () => {
    expect(() => evaluateFormula("1 / figure", 0)).toThrow(new ChartsError(message.formulaNotFinite("1 / figure", Infinity, 0)));
    expect(() => evaluateFormula("figure * 1" + "0".repeat(308), 10)).toThrow(ChartsError);
  });

  it("refuses a formula over limits.formulaLength before parsing it", () => {
    const long = `figure${" + 1".repeat(200)}`;
    expect(() => evaluateFormula(long, 1, where)).toThrow(
      new ChartsError(message.overLimit("the formula's length in characters", 500, long.length, "limits.formulaLength"), where),
    );
    expect(evaluateFormula(long, 1, where, { formulaLength: 1000 })).toBe(201);
  });

  it("refuses nesting over limits.formulaDepth before parsing: parentheses and signs, never a stack overflow", () => {
    const nested = (depth: number) => `${"(".repeat(depth)}figure${")".repeat(depth)}`;
    expect(evaluateFormula(nested(32), 2, where)).toBe(2);
    const overLimit = (received: number) => new ChartsError(message.overLimit("the formula's nesting depth", 32, received, "limits.formulaDepth"), where);
    expect(() => evaluateFormula(nested(33), 2, where)).toThrow(overLimit(33));
    expect(() => evaluateFormula(`${"- ".repeat(40)}figure`, 2, where)).toThrow(overLimit(40));
    expect(() => evaluateFormula(`${"(-".repeat(20)}figure${")".repeat(20)}`, 2, where)).toThrow(overLimit(40));
    // 20,000 parentheses: refused with its depth, not "Maximum call stack size exceeded"
    expect(() => evaluateFormula(nested(20_000), 2, where, { formulaLength: 1e6 })).toThrow(overLimit(20_000));
    // unbalanced: the depth is still counted before the parser could recurse
    expect(() => evaluateFormula("(".repeat(50), 2, where)).toThrow(overLimit(50));
  });
});

// Properties: any string is a finite number or a ChartsError; a formula printed from a syntax tree is that tree's value.
type Ast = { kind: "number"; text: string; value: number } | { kind: "figure" } | { kind: "neg"; of: Ast } | { kind: "op"; op: "+" | "-" | "*" | "/"; left: Ast; right: Ast };

const { ast } = fc.letrec<{ ast: Ast }>((tie) => ({
  ast: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(
      fc.nat(1000).map((n): Ast => ({ kind: "number", text: String(n), value: n })),
      fc.tuple(fc.nat(999), fc.integer({ min: 1, max: 999 })).map(([i, f]): Ast => ({ kind: "number", text: `${i}.${f}`, value: Number(`${i}.${f}`) })),
      fc.constant<Ast>({ kind: "figure" }),
    ),
    tie("ast").map((of): Ast => ({ kind: "neg", of: of as Ast })),
    fc.record({ kind: fc.constant("op" as const), op: fc.constantFrom("+" as const, "-" as const, "*" as const, "/" as const), left: tie("ast"), right: tie("ast") }) as fc.Arbitrary<Ast>,
  ),
}));

function print(node: Ast): string {
  switch (node.kind) {
    case "number":
      return node.text;
    case "figure":
      return "figure";
    case "neg":
      return `-(${print(node.of)})`;
    case "op":
      return `(${print(node.left)} ${node.op} ${print(node.right)})`;
  }
}

/** Levels of the tree: each prints at most two levels of nesting ("-(" or "("). */
function depth(node: Ast): number {
  if (node.kind === "neg") return 1 + depth(node.of);
  if (node.kind === "op") return 1 + Math.max(depth(node.left), depth(node.right));
  return 0;
}

function value(node: Ast, figure: number): number {
  switch (node.kind) {
    case "number":
      return node.value;
    case "figure":
      return figure;
    case "neg":
      return -value(node.of, figure);
    case "op": {
      const [a, b] = [value(node.left, figure), value(node.right, figure)];
      return node.op === "+" ? a + b : node.op === "-" ? a - b : node.op === "*" ? a * b : a / b;
    }
  }
}

describe("evaluateFormula on generated input (fast-check)", () => {
  it("gives a finite number or a ChartsError for any string, never another error", () => {
    const formulaLike = fc.string({ unit: fc.constantFrom(..."figure0123456789. +-*/()e"), maxLength: 80 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), formulaLike), fc.double({ noNaN: true }), (formula, figure) => {
        try {
          expect(Number.isFinite(evaluateFormula(formula, figure))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ChartsError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("evaluates a formula printed from a syntax tree to the tree's value (or refuses a non-finite one)", () => {
    fc.assert(
      fc.property(ast, fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), (tree, figure) => {
        const formula = print(tree);
        const expected = value(tree, figure);
        if (formula.length > 500 || depth(tree) > 16) return; // the limits have their own tests
        if (Number.isFinite(expected)) expect(evaluateFormula(formula, figure)).toBe(expected);
        else expect(() => evaluateFormula(formula, figure)).toThrow(new ChartsError(message.formulaNotFinite(formula, expected, figure)));
      }),
      { numRuns: 1000 },
    );
  });
});
