import { describe, expect, it } from "vitest";
import { decimalsFor, rounded, roundingTolerance, scaled } from "../src/index.ts";

describe("scaled(number, exponent)", () => {
  it("shifts the decimal point exactly", () => {
    expect(scaled("3.6", 9)).toBe(3_600_000_000);
    expect(scaled("0.07", 9)).toBe(70_000_000);
    expect(scaled("72", 0)).toBe(72);
  });
});

describe("decimalsFor(x, precision) and rounded(x, decimals)", () => {
  it("writes one decimal below 100 and none from 100 up, unless told", () => {
    expect(decimalsFor(3.6)).toBe(1);
    expect(decimalsFor(99.96)).toBe(0);
    expect(decimalsFor(171)).toBe(0);
    expect(decimalsFor(171, 2)).toBe(2);
    expect(rounded(72.45, 1)).toBe(72.5);
  });
});

describe("roundingTolerance(decimals, exponent)", () => {
  it("is half a unit of the last digit written", () => {
    expect(roundingTolerance(1, 9) / 5e7).toBeCloseTo(1, 6);
    expect(roundingTolerance(0, 0) / 0.5).toBeCloseTo(1, 6);
  });
});
