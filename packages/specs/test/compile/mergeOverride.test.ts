import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { deepMerge, mergeOverride, placeInOverride } from "../../src/compile/mergeOverride.ts";
import type { ChartDefinition } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";

const F = "charts/arms.chart.json";

describe("deepMerge(target, override)", () => {
  it("merges objects key by key and replaces everything else: arrays, scalars, null", () => {
    expect(deepMerge({ mark: { type: "bar", width: 30 }, height: 300 }, { mark: { width: 16 } })).toEqual({ mark: { type: "bar", width: 16 }, height: 300 });
    expect(deepMerge({ layer: [1, 2, 3] }, { layer: [4] })).toEqual({ layer: [4] });
    // null is Vega-Lite's "none", not a deletion (unlike JSON Merge Patch)
    expect(deepMerge({ encoding: { x: { title: "Year" } } }, { encoding: { x: { title: null } } })).toEqual({ encoding: { x: { title: null } } });
    // a string mark replaced by an object keeps nothing of the string
    expect(deepMerge({ mark: "bar" }, { mark: { type: "bar", width: 16 } })).toEqual({ mark: { type: "bar", width: 16 } });
  });

  it("never changes its inputs", () => {
    const target = { a: { b: [1] } };
    const override = { a: { c: { d: 1 } } };
    const merged = deepMerge(target, override) as { a: { c: { d: number } } };
    merged.a.c.d = 2;
    expect(target).toEqual({ a: { b: [1] } });
    expect(override).toEqual({ a: { c: { d: 1 } } });
  });
});

describe("mergeOverride(definition, width, breakpoints, file)", () => {
  const withAt = (): ChartDefinition => ({
    ...armsChart(),
    breakpoints: [320, 600],
    at: { "320": { height: 400, plot: { mark: { width: 12 } }, annotations: [{ type: "label", at: { year: 2014 }, text: "Peak" }] } },
  });

  it("merges the override of that width and drops at and breakpoints", () => {
    const narrow = mergeOverride(withAt(), 320, [320, 600], F);
    expect(narrow.height).toBe(400);
    expect(narrow.plot.mark).toEqual({ type: "bar", width: 12 });
    expect(narrow.plot.encoding).toEqual(armsChart().plot.encoding);
    expect(narrow.annotations).toEqual([{ type: "label", at: { year: 2014 }, text: "Peak" }]);
    expect(narrow).not.toHaveProperty("at");
    expect(narrow).not.toHaveProperty("breakpoints");
    const wide = mergeOverride(withAt(), 600, [320, 600], F);
    expect(wide.annotations).toEqual(armsChart().annotations);
    expect(wide.height).toBeUndefined();
  });

  it("refuses an override for a width the chart is not drawn at, naming at.<width>", () => {
    expect(() => mergeOverride(withAt(), 600, [360, 600], F)).toThrow(`${F}, at[320]: ${message.invalid(message.expectedBreakpoint([360, 600]), 320)}`);
  });
});

describe("placeInOverride(error, definition, width)", () => {
  const definition: ChartDefinition = { ...armsChart(), at: { "320": { plot: { encoding: { x: { field: "yaer" } } } } } };

  it("names an error about what the override wrote at its place in the override", () => {
    const error = new ChartsError("expected a field of the dataset but received \"yaer\"", { file: F, field: "plot.encoding.x.field" });
    const placed = placeInOverride(error, definition, 320) as ChartsError;
    expect(placed.where.field).toBe("at[320].plot.encoding.x.field");
    expect(placed.message).toBe(`${F}, at[320].plot.encoding.x.field: expected a field of the dataset but received "yaer"`);
  });

  it("leaves errors about the rest of the definition, and other widths, as they are", () => {
    const elsewhere = new ChartsError("x", { file: F, field: "plot.encoding.y.field" });
    expect(placeInOverride(elsewhere, definition, 320)).toBe(elsewhere);
    const atOther = new ChartsError("x", { file: F, field: "plot.encoding.x.field" });
    expect(placeInOverride(atOther, definition, 600)).toBe(atOther);
    const plain = new Error("bug");
    expect(placeInOverride(plain, definition, 320)).toBe(plain);
  });
});
