import { describe, expect, it } from "vitest";
import { dark, light, vegaLiteConfig } from "@charts/theme";
import { applyTheme } from "../../src/compile/applyTheme.ts";
import { arms, cargo, exports, trade } from "../fixtures/datasets.ts";
import { timeLocale } from "../../src/compile/timeFormats.ts";

type Json = Record<string, any>;

describe("applyTheme(plot, options)", () => {
  it("returns the theme's Vega-Lite config", () => {
    expect(applyTheme({ mark: "bar" }, { dataset: arms, theme: light, locale: "en-GB" }).config).toEqual(vegaLiteConfig(light));
    expect(applyTheme({ mark: "bar" }, { dataset: arms, theme: dark, locale: "en-GB" }).config).toEqual(vegaLiteConfig(dark));
  });

  it("formats axes, text and tooltips with the column's unit and the chart's locale", () => {
    const plot: Json = {
      mark: "bar",
      encoding: {
        x: { field: "year", type: "quantitative" },
        y: { field: "value_usd_m", type: "quantitative", axis: { title: null } },
        text: { field: "value_usd_m", type: "quantitative" },
        tooltip: [{ field: "year" }, { field: "status" }],
      },
    };
    applyTheme(plot, { dataset: arms, theme: light, locale: "vi-VN" });
    expect(plot.encoding.x.axis).toEqual({ formatType: "house", format: { unit: "year", locale: "vi-VN" }, tickMinStep: 1 });
    expect(plot.encoding.y.axis).toEqual({ title: null, formatType: "house", format: { unit: "USD million", locale: "vi-VN" } });
    expect(plot.encoding.text).toMatchObject({ formatType: "house", format: { unit: "USD million", locale: "vi-VN" } });
    expect(plot.encoding.tooltip[0]).toMatchObject({ formatType: "house", format: { unit: "year" } });
    expect(plot.encoding.tooltip[1]).toEqual({ field: "status" });
  });

  it("leaves string columns, hidden axes, counts and the plot's own formats alone", () => {
    const plot: Json = {
      layer: [
        {
          mark: "bar",
          encoding: {
            y: { field: "partner", type: "nominal" },
            x: { field: "trade_usd_bn", type: "quantitative", axis: { format: ".1f" } },
          },
        },
        { mark: "text", encoding: { x: { field: "trade_usd_bn", type: "quantitative", axis: null }, text: { aggregate: "count" } } },
      ],
    };
    const before = structuredClone(plot);
    applyTheme(plot, { dataset: trade, theme: light, locale: "en-GB" });
    expect(plot).toEqual(before);
  });
});

describe("applyTheme with a unit per row", () => {
  it("formats the value column in the unit every drawn row shares, and as plain numbers when they mix", () => {
    const mixed = {
      ...arms,
      name: "tourists",
      meta: {
        title: "Tourists",
        columns: [
          { name: "year", type: "year" as const },
          { name: "value", type: "number" as const },
          { name: "unit", type: "string" as const },
        ],
        value: "value",
      },
      rows: [
        { row: 1, values: { year: 2019, value: 100, unit: "%" }, provenance: { source: "t", figure: "19 per cent", status: "derived" as const, formula: "100", note: "base" } },
        { row: 2, values: { year: 2023, value: 19, unit: "%" }, provenance: { source: "t", figure: "19 per cent", status: "stated" as const } },
        { row: 3, values: { year: 2019, value: 6, unit: "rank" }, provenance: { source: "t", figure: "sixth", status: "stated" as const } },
      ],
    };
    const plot = () => ({ mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value", type: "quantitative" } } }) as Record<string, any>;
    const percent = plot();
    applyTheme(percent, { dataset: { ...mixed, rows: mixed.rows.slice(0, 2) }, theme: light, locale: "en-GB" });
    expect(percent.encoding.y.axis).toEqual({ formatType: "house", format: { unit: "%", locale: "en-GB" } });
    const both = plot();
    applyTheme(both, { dataset: mixed, theme: light, locale: "en-GB" });
    expect(both.encoding.y.axis).toEqual({ formatType: "house", format: { unit: "number", locale: "en-GB" } });
  });
});

describe("applyTheme with dates and small multiples", () => {
  it("writes dates in text and tooltips in the house format of their step, and gives Vega the locale's names", () => {
    const plot: Json = {
      mark: "line",
      encoding: { x: { field: "quarter", type: "temporal" }, y: { field: "cargo", type: "quantitative" }, tooltip: [{ field: "quarter" }, { field: "cargo" }] },
    };
    const { config } = applyTheme(plot, { dataset: cargo, theme: light, locale: "fr-FR" });
    expect(plot.encoding.tooltip[0]).toEqual({ field: "quarter", type: "temporal", format: "T%q %Y", formatType: "utc" });
    expect(plot.encoding.tooltip[1]).toMatchObject({ formatType: "house", format: { unit: "tonnes million", locale: "fr-FR" } });
    expect(plot.encoding.x.axis).toBeUndefined();
    expect(config.locale).toEqual({ time: timeLocale("fr-FR") });
    expect(applyTheme({ mark: "bar" }, { dataset: arms, theme: light, locale: "fr-FR" }).config.locale).toBeUndefined();
  });

  it("formats every view of a composite, and a repeated field in the unit its fields share", () => {
    const repeat: Json = { repeat: ["exports"], spec: { mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: { repeat: "repeat" }, type: "quantitative" } } } };
    applyTheme(repeat, { dataset: exports, theme: light, locale: "en-GB" });
    expect(repeat.spec.encoding.y.axis).toEqual({ formatType: "house", format: { unit: "USD billion", locale: "en-GB" } });
    expect(repeat.spec.encoding.x.axis).toEqual({ formatType: "house", format: { unit: "year", locale: "en-GB" } });
    const mixed: Json = { repeat: ["exports", "year"], spec: { mark: "bar", encoding: { y: { field: { repeat: "repeat" }, type: "quantitative" } } } };
    applyTheme(mixed, { dataset: exports, theme: light, locale: "en-GB" });
    expect(mixed.spec.encoding.y.axis).toBeUndefined();
    const concat: Json = { hconcat: [{ mark: "bar", encoding: { y: { field: "exports", type: "quantitative" } } }] };
    applyTheme(concat, { dataset: exports, theme: light, locale: "en-GB" });
    expect(concat.hconcat[0].encoding.y.axis.format.unit).toBe("USD billion");
  });

  it("writes years in legends and panel names as years, and flushes the x labels of panels", () => {
    const facet: Json = {
      facet: { field: "year", type: "ordinal" },
      spec: { mark: "bar", encoding: { x: { field: "exports", type: "quantitative" }, color: { field: "year", type: "quantitative", legend: {} } } },
    };
    const { config } = applyTheme(facet, { dataset: exports, theme: light, locale: "en-GB" });
    const year = { formatType: "house", format: { unit: "year", locale: "en-GB" } };
    expect(facet.facet.header).toEqual(year);
    expect(facet.spec.encoding.color.legend).toEqual({ ...year, tickMinStep: 1 });
    expect((config.axisX as Json).labelFlush).toBe(true);
    expect((applyTheme({ mark: "bar" }, { dataset: exports, theme: light, locale: "en-GB" }).config.axisX as Json).labelFlush).toBe(false);
    const hidden: Json = { mark: "bar", encoding: { color: { field: "year", type: "ordinal", legend: null } } };
    applyTheme(hidden, { dataset: exports, theme: light, locale: "en-GB" });
    expect(hidden.encoding.color.legend).toBeNull();
  });
});

