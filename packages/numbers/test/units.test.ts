import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { parseUnit, readUnit, unitScale } from "../src/index.ts";

describe("parseUnit(name)", () => {
  it("reads a currency, count, number or measure with an optional scale", () => {
    expect(parseUnit("EUR million")).toMatchObject({ name: "EUR million", kind: "money", currency: "EUR", exponent: 6, scale: "million" });
    expect(parseUnit("USD")).toMatchObject({ kind: "money", currency: "USD", exponent: 0 });
    expect(parseUnit("VND trillion")).toMatchObject({ kind: "money", currency: "VND", exponent: 12 });
    expect(parseUnit("count million")).toMatchObject({ kind: "count", exponent: 6 });
    expect(parseUnit("number thousand")).toMatchObject({ kind: "number", exponent: 3 });
    expect(parseUnit("tonnes thousand")).toMatchObject({ kind: "measure", exponent: 3, measure: { name: "tonnes" } });
    expect(parseUnit("km2")?.measure?.symbol).toBe("km²");
  });

  it("reads %, pp, rank and year, which take no scale", () => {
    expect(parseUnit("%")).toMatchObject({ kind: "percent", exponent: 0 });
    expect(parseUnit("pp")).toMatchObject({ kind: "points" });
    expect(parseUnit("rank")).toMatchObject({ kind: "rank" });
    expect(parseUnit("year")).toMatchObject({ kind: "year" });
    expect(parseUnit("% million")).toBeUndefined();
    expect(parseUnit("rank thousand")).toBeUndefined();
  });

  it.each(["EURO million", "eur", "XYZ", "USD millions", "USD  million", "count bn", "", "dollars"])("knows no unit %j", (name) => {
    expect(parseUnit(name)).toBeUndefined();
  });
});

describe("readUnit(name, where)", () => {
  it("names the place and says what a unit is", () => {
    const where = { file: "datasets/x/dataset.json", field: "columns[2].unit" };
    expect(() => readUnit("EURO million", where)).toThrow(
      new ChartsError(message.invalid(message.expectedUnit(), "EURO million"), where),
    );
    expect(() => readUnit("EURO million", where)).toThrow(/^datasets\/x\/dataset\.json, columns\[2\]\.unit: expected a unit such as /);
  });
});

describe("unitScale(name)", () => {
  it("is ten to the scale's power, 1 without one", () => {
    expect(unitScale("USD million")).toBe(1e6);
    expect(unitScale("EUR billion")).toBe(1e9);
    expect(unitScale("count thousand")).toBe(1e3);
    expect(unitScale("USD")).toBe(1);
    expect(unitScale("%")).toBe(1);
    expect(unitScale(undefined)).toBe(1);
  });
});
