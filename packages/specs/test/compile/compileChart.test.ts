import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { light, vegaLiteConfig } from "@charts/theme";
import { compileChart } from "../../src/compile/compileChart.ts";
import type { ChartDefinition } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { datasets, sources } from "../fixtures/datasets.ts";

type Json = Record<string, any>;
const F = "charts/russia-arms-to-vietnam.chart.json";
const options = { file: F, datasets, sources, theme: light };

/** An independent check: the whole Vega-Lite schema (all spec kinds), fresh. */
function vegaLiteErrors(spec: unknown) {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve("vega-lite/vega-lite-schema.json"), "utf8"));
  const validate = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false }).compile(schema);
  return validate(spec) ? [] : validate.errors;
}

describe("compileChart(definition, options)", () => {
  const compiled = compileChart(armsChart(), options);
  const spec = compiled.spec as Json;

  it("compiles the arms chart into valid Vega-Lite", () => {
    expect(vegaLiteErrors(spec)).toEqual([]);
    expect(spec.$schema).toBe("https://vega.github.io/schema/vega-lite/v6.json");
  });

  it("inlines the rows with their status and draws bars, no line through the missing years", () => {
    expect(spec.data).toEqual({
      values: [
        { year: 2014, value_usd_m: 1000, status: "stated" },
        { year: 2022, value_usd_m: 72, status: "stated" },
      ],
    });
    const marks = spec.layer.map((l: Json) => (typeof l.mark === "string" ? l.mark : l.mark.type));
    expect(marks).toEqual(["rect", "bar", "text", "text", "text"]);
    expect(marks).not.toContain("line");
  });

  it("shades 2015-2021 as years without figures and labels both values", () => {
    const [band, , gap, peak, last] = spec.layer;
    expect(band.encoding.x).toEqual({ datum: 2015, type: "ordinal", bandPosition: 0, scale: spec.layer[1].encoding.x.scale });
    expect(band.encoding.x2).toEqual({ datum: 2021, bandPosition: 1 });
    expect(gap.encoding.text).toEqual({ value: "No figures in the sources" });
    expect(peak.transform).toEqual([{ filter: { field: "year", equal: 2014 } }]);
    expect(peak.encoding.text).toEqual({ value: "About $1bn, the peak" });
    expect(last.transform).toEqual([{ filter: { field: "year", equal: 2022 } }]);
  });

  it("applies the house theme and formats", () => {
    expect(spec.config).toEqual(vegaLiteConfig(light));
    expect(spec.layer[1].encoding.y.title).toBeNull();
    expect(spec.layer[1].encoding.y.axis).toEqual({ formatType: "house", format: { unit: "USD million", locale: "en-GB" } });
    expect(spec.layer[1].encoding.x.axis).toEqual({ formatType: "house", format: { unit: "year", locale: "en-GB" } });
    expect(spec.width).toBe(light.defaultWidth);
    expect(spec.height).toBe(360);
  });

  it("carries the publishing metadata in usermeta.chart", () => {
    expect(compiled.meta).toMatchObject({ slug: "russia-arms-to-vietnam", source: "Source: A Think Tank", locale: "en-GB" });
    expect(spec.usermeta).toEqual({ chart: compiled.meta });
    expect(spec.description).toBe(armsChart().alt);
    expect(compiled.datasets).toEqual(["russia-arms-transfers"]);
    expect(compiled.texts).toEqual(["think-tank"]);
    expect(compiled.file).toBe(F);
  });

  it("filters rows with a transform before the plot's own", () => {
    const definition: ChartDefinition = {
      ...armsChart(),
      headline: "Russia trades little with Vietnam: $3.6bn in 2023",
      notes: "Figures for 2023.",
      alt: "Bars for China ($171bn), the United States ($111bn) and Russia ($3.6bn).",
      data: { dataset: "trade-by-partner", filter: "datum.year === 2023" },
      width: 480,
      plot: {
        transform: [{ calculate: "datum.trade_usd_bn * 1000", as: "trade_usd_m" }],
        mark: "bar",
        encoding: { y: { field: "partner", type: "nominal", sort: "-x" }, x: { field: "trade_usd_m", type: "quantitative" } },
      },
      annotations: [{ type: "highlight", field: "partner", values: ["Russia"] }, { type: "values" }],
    };
    const out = compileChart(definition, options).spec as Json;
    expect(out.transform).toEqual([{ filter: "datum.year === 2023" }, { calculate: "datum.trade_usd_bn * 1000", as: "trade_usd_m" }]);
    expect(out.layer[0].transform).toBeUndefined();
    expect(out.width).toBe(480);
    // Three partners need less than the minimum height.
    expect(out.height).toBe(160);
    expect(vegaLiteErrors(out)).toEqual([]);
  });

  it("refuses a number in the text that no row gives", () => {
    expect(() => compileChart({ ...armsChart(), headline: "Down to $82m in 2022" }, options)).toThrow(
      'headline: the number "$82m" is not a figure of the rows this chart draws or cites (russia-arms-transfers)',
    );
  });

  it("fails with the file and path for a misspelt field, an unknown dataset or a bad definition", () => {
    const misspelt = armsChart();
    (misspelt.plot as Json).encoding.y.field = "value_usd";
    expect(() => compileChart(misspelt, options)).toThrow(
      new ChartsError(
        'expected a column of russia-arms-transfers (year, value_usd_m, status) but received "value_usd" of type string; did you mean "value_usd_m"?',
        { file: F, field: "plot.encoding.y.field" },
      ),
    );
    expect(() => compileChart({ ...armsChart(), data: "arms" }, options)).toThrow(
      `${F}, data: expected one of the datasets russia-arms-transfers, trade-by-partner but received "arms"`,
    );
    expect(() => compileChart({ ...armsChart(), alt: "" }, options)).toThrow(`${F}, alt: expected a non-empty string but received "" of type string`);
    const badMark = armsChart();
    (badMark.plot as Json).mark = { type: "bars" };
    expect(() => compileChart(badMark, options)).toThrow(`${F}, plot.mark.type: expected one of `);
  });

  it("does not change the definition it compiles", () => {
    const definition = armsChart();
    compileChart(definition, options);
    expect(definition).toEqual(armsChart());
  });
});

describe("compileChart on a definition handed over as an object", () => {
  it("refuses nesting deeper than limits.jsonDepth before cloning or validating it, never a stack overflow", () => {
    let deep: Record<string, unknown> = { value: 1 };
    for (let i = 0; i < 20_000; i++) deep = { a: deep };
    const chart = { ...armsChart(), plot: { ...armsChart().plot, usermeta: deep } };
    expect(() => compileChart(chart, options)).toThrow(
      new ChartsError(message.overLimit("the nesting depth", 100, "more than 400", "limits.jsonDepth"), { file: F, field: "plot.usermeta.a.a.a.a..." }),
    );
    let within: Record<string, unknown> = { value: 1 };
    for (let i = 0; i < 90; i++) within = { a: within };
    expect(compileChart({ ...armsChart(), annotations: [], plot: { ...armsChart().plot, usermeta: within } }, options).spec).toBeDefined();
  });
});
