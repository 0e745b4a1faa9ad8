import { describe, expect, it } from "vitest";
import { light } from "@charts/theme";
import { drawRows as drawRowsJson, NOT_STATED } from "../../src/compile/drawRows.ts";
import { arms, cargo, exports, trade } from "../fixtures/datasets.ts";

type Json = Record<string, any>;
const drawRows = drawRowsJson as (...args: Parameters<typeof drawRowsJson>) => Json;
const options = { dataset: exports, theme: light, locale: "en-GB", gaps: {}, viewWidth: 640, filtered: false };
const markOf = (spec: Json) => (typeof spec.mark === "string" ? spec.mark : spec.mark?.type);
const x = { field: "year", type: "quantitative", scale: { domain: [2010, 2018] } };

describe("drawRows(plot, options)", () => {
  it("leaves a plot of stated rows without gaps as it is", () => {
    const plot = { mark: "bar", encoding: { x: { field: "partner", type: "nominal" }, y: { field: "trade_usd_bn", type: "quantitative" } } };
    const stated = { ...trade, rows: trade.rows.filter((row) => row.provenance.status === "stated") };
    expect(drawRows(plot, { ...options, dataset: stated })).toEqual(plot);
  });

  it("draws derived and implied bars lighter, in a dashed outline of their own colour", () => {
    const plot = { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "trade_usd_bn", type: "quantitative" } } };
    const out = drawRows(plot, { ...options, dataset: trade });
    expect(out.encoding.fillOpacity).toEqual({ condition: { test: NOT_STATED, value: 0.35 }, value: 1 });
    expect(out.encoding.stroke).toEqual({ value: light.colors.categorical[0] });
    expect(out.encoding.strokeWidth).toEqual({ condition: { test: NOT_STATED, value: 1.5 }, value: 0 });
    expect(out.encoding.strokeDash).toEqual({ condition: { test: NOT_STATED, value: [4, 2] }, value: [1, 0] });
    // A highlight's colour condition outlines each bar in its own colour; the plot's own opacity is kept.
    const colour = { condition: { test: { field: "partner", oneOf: ["Russia"] }, value: "red" }, value: "grey" };
    const own = drawRows({ ...plot, encoding: { ...plot.encoding, color: colour, fillOpacity: { value: 0.8 } } }, { ...options, dataset: trade });
    expect(own.encoding.stroke).toEqual(colour);
    expect(own.encoding.fillOpacity).toEqual({ value: 0.8 });
  });

  it("leaves marks of aggregated rows as they are: they draw no single row", () => {
    const summed = { mark: "bar", encoding: { x: { field: "country", type: "nominal" }, y: { field: "exports", aggregate: "sum", type: "quantitative" } } };
    expect(drawRows(summed, options)).toEqual(summed);
    const grouped = { transform: [{ aggregate: [{ op: "sum", field: "exports", as: "total" }], groupby: ["year"] }], layer: [{ mark: "line", encoding: { x, y: { field: "total", type: "quantitative" } } }] };
    expect(drawRows(grouped, options)).toEqual(grouped);
    expect(drawRows({ ...grouped, layer: undefined, spec: grouped.layer[0], facet: { field: "year" } }, options)).toMatchObject({ spec: grouped.layer[0] });
  });

  it("draws derived and implied points hollow and their number labels italic", () => {
    const points = drawRows({ mark: "point", encoding: { x, y: { field: "exports", type: "quantitative" } } }, options);
    expect(points.layer.map((l: Json) => l.transform)).toEqual([[{ filter: "datum.status === 'stated'" }], [{ filter: NOT_STATED }]]);
    expect(points.layer[1].mark).toMatchObject({ type: "point", filled: false, fill: light.colors.background });
    const labels = drawRows({ mark: "text", encoding: { x, y: { field: "exports", type: "quantitative" }, text: { field: "exports" } } }, options);
    expect(labels.layer[1].mark).toEqual({ type: "text", fontStyle: "italic", fontWeight: 400 });
    // Series names are no figures.
    const names = { mark: "text", encoding: { x, text: { field: "country" } } };
    expect(drawRows(names, options)).toEqual(names);
  });

  it("breaks a line at each gap of its series and at its derived rows, dashing the steps that touch them", () => {
    const plot = { mark: "line", encoding: { x, y: { field: "exports", type: "quantitative" }, color: { field: "country", type: "nominal" } } };
    const out = drawRows(plot, options);
    // Russia's 2018 stands alone after its gap: a point of its own.
    expect(out.layer.map(markOf)).toEqual(["line", "rule", "point", "point"]);
    const [solid, dashed, alone, hollow] = out.layer;
    expect(alone.mark).toMatchObject({ filled: true });
    // A window over each series, sorted by year, numbers segments; the line is drawn by segment.
    expect(out.transform[1]).toMatchObject({ groupby: ["country"], sort: [{ field: "year", order: "ascending" }] });
    expect(out.transform.at(-1)).toEqual({ joinaggregate: [{ op: "count", as: "__segmentRows" }], groupby: ["country", "__segment"] });
    expect(solid.encoding.detail).toEqual([{ field: "country", type: "nominal" }, { field: "__segment", type: "nominal" }]);
    expect(solid.transform).toEqual([{ filter: 'datum["__segmentRows"] > 1' }]);
    expect(dashed.mark).toMatchObject({ type: "rule", strokeDash: [5, 3] });
    expect(dashed.encoding).toMatchObject({ x2: { field: "__timeAfter" }, y2: { field: "__valueAfter" }, color: { field: "country", type: "nominal" } });
    expect(hollow.transform).toEqual([{ filter: NOT_STATED }]);
    // No band: every year has a figure for some country.
    expect(out.layer.every((l: Json) => markOf(l) !== "rect")).toBe(true);
  });

  it("marks a stated row alone between gaps with a point, and shades and labels the gap", () => {
    const plot = { mark: "line", encoding: { x: { field: "year", type: "quantitative", scale: { domain: [2014, 2022] } }, y: { field: "value_usd_m", type: "quantitative" } } };
    const out = drawRows(plot, { ...options, dataset: arms });
    expect(out.layer.map(markOf)).toEqual(["rect", "point", "text"]);
    const [band, alone, label] = out.layer;
    expect(band.mark).toEqual({ type: "rect", color: light.colors.range, clip: true });
    expect(band.encoding).toEqual({ x: { field: "__gapFrom", type: "quantitative", scale: { domain: [2014, 2022] }, title: "year" }, x2: { field: "__gapTo" } });
    // Half a year either side of the missing years' own positions: 2014.5 to 2021.5.
    expect(band.transform.slice(-2)).toEqual([
      { calculate: '((datum["__periodBefore"]) + (datum["__periodBefore"] + 1)) / 2', as: "__gapFrom" },
      { calculate: '((datum["__period"] - 1) + (datum["__period"])) / 2', as: "__gapTo" },
    ]);
    expect(alone.layer ?? alone.mark).toMatchObject({ type: "point", filled: true });
    expect(label.encoding.text).toEqual({ value: ["No figures", "in the sources"] });
  });

  it("takes the definition's label, or none, and draws no band when gaps are not to be marked", () => {
    const plot = { mark: "bar", encoding: { x: { field: "year", type: "ordinal", scale: { domain: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022] } }, y: { field: "value_usd_m", type: "quantitative" } } };
    const own = drawRows(plot, { ...options, dataset: arms, gaps: { label: "Pandemic" } });
    expect(own.layer.at(-1).encoding.text).toEqual({ value: "Pandemic" });
    expect(own.layer.at(-1).mark).toMatchObject({ align: "left", baseline: "top" });
    expect(drawRows(plot, { ...options, dataset: arms, gaps: { label: null } }).layer.map(markOf)).toEqual(["rect", "bar"]);
    expect(drawRows(plot, { ...options, dataset: arms, gaps: { mark: false, reason: "r" } })).toEqual(plot);
  });

  it("breaks an area at its gaps and draws its derived steps as lighter areas of their own, but leaves a stacked area whole", () => {
    const derived = { ...cargo, rows: cargo.rows.map((row) => (row.values.quarter === "2024-04-01" ? { ...row, provenance: { ...row.provenance, status: "derived" as const, note: "n" } } : row)) };
    const area = { mark: "area", encoding: { x: { field: "quarter", type: "temporal" }, y: { field: "cargo", type: "quantitative" } } };
    const out = drawRows(area, { ...options, dataset: derived });
    expect(out.layer.map(markOf)).toEqual(["rect", "area", "area", "rule", "point", "text"]);
    const [, solid, light_] = out.layer;
    expect(solid.encoding.y).toEqual({ field: "cargo", type: "quantitative", stack: null });
    expect(light_.mark).toEqual({ type: "area", color: light.colors.categorical[0], fillOpacity: 0.35 });
    expect(light_.transform.slice(1, 3)).toEqual([{ calculate: "[0, 1]", as: "__end" }, { flatten: ["__end"] }]);
    expect(light_.encoding.x.field).toBe("__stepTime");
    const stacked = { mark: "area", encoding: { x, y: { field: "exports", type: "quantitative" }, color: { field: "country", type: "nominal" } } };
    expect(drawRows(stacked, options)).toEqual(stacked);
  });

  it("shades each panel of small multiples apart", () => {
    const facet = { facet: { field: "country", type: "nominal" }, spec: { mark: "line", encoding: { x, y: { field: "exports", type: "quantitative" } } } };
    const out = drawRows(facet, options);
    const band = out.spec.layer[0];
    expect(band.transform[2]).toEqual({ aggregate: [{ op: "count", as: "__rows" }], groupby: ["country", "__period"] });
    expect(band.transform[3]).toMatchObject({ groupby: ["country"] });
  });
});
