import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { RULE_NAMES, waiversOf } from "../src/index.ts";

describe("waiversOf(definition, file)", () => {
  it("is the rules a definition waives, with their reasons", () => {
    expect(waiversOf({ lint: { waive: { "bar-baseline": "index chart starting at 100" } } }, "c.json")).toEqual({ "bar-baseline": "index chart starting at 100" });
    expect(waiversOf({}, "c.json")).toEqual({});
  });

  it("refuses a waiver of no rule, naming it", () => {
    expect(() => waiversOf({ lint: { waive: { "bar-base": "x" } } }, "c.json")).toThrow(new ChartsError(message.invalid(message.expectedLintRule(RULE_NAMES), "bar-base"), { file: "c.json", field: "lint.waive.bar-base" }));
  });
});
