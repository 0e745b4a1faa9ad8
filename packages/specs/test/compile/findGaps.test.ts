import { describe, expect, it } from "vitest";
import { findGaps, seriesFieldsOf } from "../../src/compile/findGaps.ts";
import { timeAxisOf } from "../../src/compile/timeAxis.ts";
import { arms, cargo, exports } from "../fixtures/datasets.ts";

type Json = Record<string, any>;
const lines = (extra: Json = {}): Json => ({
  mark: "line",
  encoding: { x: { field: "year", type: "quantitative" }, y: { field: "exports", type: "quantitative" }, ...extra },
});
const gapsOf = (spec: Json, panels: string[] = [], dataset = exports) => findGaps({ spec, path: "plot", panels }, timeAxisOf(spec, dataset)!, dataset);

describe("seriesFieldsOf(encoding, timeField)", () => {
  it("reads the discrete fields that split marks into series, and the field a highlight tests", () => {
    expect(seriesFieldsOf({ color: { field: "country", type: "nominal" }, detail: [{ field: "unit" }], size: { field: "x" } }, "year")).toEqual(["country", "unit"]);
    expect(seriesFieldsOf({ color: { condition: { test: { field: "country", oneOf: ["Russia"] }, value: "red" }, value: "grey" } }, "year")).toEqual(["country"]);
    expect(seriesFieldsOf({ color: { field: "exports", type: "quantitative" }, detail: { field: "year" } }, "year")).toEqual([]);
  });
});

describe("findGaps(view, axis, dataset)", () => {
  it("finds the periods missing between the first and last row", () => {
    const bars = { mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value_usd_m", type: "quantitative" } } };
    expect(gapsOf(bars, [], arms)).toEqual({ panels: [{ key: {}, runs: [{ first: 2015, last: 2021 }] }], series: [], seriesFields: [] });
    const quarters = { mark: "line", encoding: { x: { field: "quarter", type: "temporal" }, y: { field: "cargo", type: "quantitative" } } };
    const q3 = 2023 * 4 + 2;
    expect(gapsOf(quarters, [], cargo).panels).toEqual([{ key: {}, runs: [{ first: q3, last: q3 + 1 }] }]);
  });

  it("shades only what no series has; a series' own gaps break its line and are named", () => {
    // China has every year: the view has no gap; Russia lacks 2015-2017, India 2012.
    const found = gapsOf(lines({ color: { field: "country", type: "nominal" } }));
    expect(found.panels).toEqual([]);
    expect(found.series).toEqual([
      { key: { country: "Russia" }, runs: [{ first: 2015, last: 2017 }] },
      { key: { country: "India" }, runs: [{ first: 2012, last: 2012 }] },
    ]);
    expect(found.seriesFields).toEqual(["country"]);
  });

  it("takes each panel of small multiples apart", () => {
    const found = gapsOf(lines(), ["country"]);
    expect(found.panels).toEqual([
      { key: { country: "Russia" }, runs: [{ first: 2015, last: 2017 }] },
      { key: { country: "India" }, runs: [{ first: 2012, last: 2012 }] },
    ]);
    expect(found.series).toEqual([]);
  });

  it("sees no series in one line across every row: the gaps are the union's", () => {
    expect(gapsOf(lines()).panels).toEqual([]);
  });
});
