import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { ChartsError } from "@charts/errors";
import { message } from "@charts/errors";
import { light, themeAt, vegaLiteConfig } from "@charts/theme";
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
    expect(spec.usermeta).toEqual({ chart: compiled.meta, theme: "light" });
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

describe("compileChart at a breakpoint (options.width)", () => {
  const overrides = (): ChartDefinition => ({
    ...armsChart(),
    breakpoints: [320, 600, 1000],
    at: { "320": { height: 420, annotations: [{ type: "label", at: { year: 2022 }, text: "$72m" }] } },
  });

  it("draws at that width in its frame, with the override of that width merged in", () => {
    const narrow = compileChart(overrides(), { ...options, width: 320 });
    const spec = narrow.spec as Json;
    expect([spec.width, spec.height]).toEqual([320, 420]);
    expect(spec.config).toEqual(vegaLiteConfig(themeAt(light, 320)));
    expect(spec.layer.filter((l: Json) => l.mark.type === "text").map((l: Json) => l.encoding.text.value)).toEqual(["$72m"]);
    // short years on a phone
    expect(spec.layer.find((l: Json) => l.mark.type === "bar").encoding.x.axis.labelExpr).toContain("slice(datum.label, -2)");
    const wide = compileChart(overrides(), { ...options, width: 1000 }).spec as Json;
    expect([wide.width, wide.height]).toEqual([1000, 480]);
    expect(wide.layer.filter((l: Json) => l.mark.type === "text")).toHaveLength(3);
    expect(vegaLiteErrors(spec)).toEqual([]);
  });

  it("names an error in an override at its place there", () => {
    const broken: ChartDefinition = { ...overrides(), at: { "320": { plot: { encoding: { y: { field: "value_usd_nm" } } } } } };
    expect(() => compileChart(broken, { ...options, width: 320 })).toThrow(/^charts\/russia-arms-to-vietnam\.chart\.json, at\[320\]\.plot\.encoding\.y\.field: /);
    expect(() => compileChart(broken, { ...options, width: 600 })).not.toThrow();
  });

  it("draws the annotations asked below the plot as markers, their text in the metadata", () => {
    const compiled = compileChart(armsChart(), { ...options, width: 320, below: [0] });
    const spec = compiled.spec as Json;
    expect(spec.layer.find((l: Json) => l.name === "annotation-0-1").encoding.text).toEqual({ value: "A" });
    expect(compiled.meta.below).toEqual([{ marker: "A", text: "No figures in the sources" }]);
    expect(spec.usermeta.chart.below).toEqual(compiled.meta.below);
    expect(compileChart(armsChart(), options).meta.below).toBeUndefined();
  });

  it("drafts the alt text when the definition gives none, and checks written alt text against the rows drawn only", () => {
    const { alt: _, ...bare } = armsChart();
    const compiled = compileChart(bare, options);
    expect(compiled.meta.alt).toBe(
      "Bar chart. Value of Russian arms transferred to Vietnam, US$ million: about $1bn in 2014 and $72m in 2022. No figures for the years in between.",
    );
    expect((compiled.spec as Json).description).toBe(compiled.meta.alt);
    expect(() => compileChart({ ...armsChart(), alt: "Bars for 2014 and 2022, none for 2018." }, options)).toThrow(
      `${F}, alt: ${message.altNumberNotPlotted("2018", "russia-arms-transfers", false)}`,
    );
  });

  it("publishes the rows drawn as a table, with their provenance", () => {
    const { table } = compileChart(armsChart(), options);
    expect(table.rows.map((row) => row.map((c) => c.value))).toEqual([
      [2014, 1000, "USD million", "A Think Tank", "around US$1 billion", "stated", ""],
      [2022, 72, "USD million", "A Think Tank", "US$72 million", "stated", ""],
    ]);
  });
});
