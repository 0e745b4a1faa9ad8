import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
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

  it("shades 2015-2021 from the rows, labels the band and notes the gap, without the definition saying so", () => {
    const [band, , peak, last, gap] = spec.layer;
    const scale = { domain: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022] };
    expect(band.encoding.x).toEqual({ field: "__gapFrom", type: "ordinal", bandPosition: 0, scale, title: null });
    expect(band.encoding.x2).toEqual({ field: "__gapTo", bandPosition: 1 });
    // A window over the periods drawn finds the years before each; a gap is more than a step.
    expect(band.transform).toContainEqual({ filter: 'isValid(datum["__periodBefore"]) && datum["__period"] - datum["__periodBefore"] > 1' });
    expect(gap.encoding.text).toEqual({ value: ["No figures", "in the sources"] });
    expect(peak.transform).toEqual([{ filter: { field: "year", equal: 2014 } }]);
    expect(peak.encoding.text).toEqual({ value: "About $1bn, the peak" });
    expect(last.transform).toEqual([{ filter: { field: "year", equal: 2022 } }]);
    expect(compiled.meta.notes).toBe("No figures for 2015\u2009–\u20092021 in the sources. The sources describe only a steady decrease after the peak.");
  });

  it("lists every year on an ordinal axis the definition leaves without a domain, so the empty years keep their slots", () => {
    const definition = armsChart();
    delete (definition.plot as Json).encoding.x.scale;
    const out = compileChart(definition, options).spec as Json;
    expect(out.layer[1].encoding.x.scale).toEqual({ domain: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022] });
    expect(vegaLiteErrors(out)).toEqual([]);
  });

  it("applies the house theme and formats", () => {
    expect(spec.config).toEqual(vegaLiteConfig(light));
    expect(spec.layer[1].encoding.y.title).toBeNull();
    expect(spec.layer[1].encoding.y.axis).toEqual({ formatType: "house", format: { unit: "USD million", locale: "en-GB" } });
    expect(spec.layer[1].encoding.x.axis).toEqual({
      values: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022],
      // every year the compiler chose is drawn: the frame's tick spacing must not thin them (fitAxes)
      tickCount: 9,
      description: "X-axis: years from 2014 to 2022",
      formatType: "house",
      format: { unit: "year", locale: "en-GB" },
    });
    expect(spec.width).toBe(light.defaultWidth);
    expect(spec.height).toBe(360);
  });

  it("carries the publishing metadata in usermeta.chart", () => {
    expect(compiled.meta).toMatchObject({ slug: "russia-arms-to-vietnam", source: "Source: A Think Tank", locale: "en-GB", width: light.defaultWidth });
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
      `${F}, data: expected one of the datasets cargo, exports, russia-arms-transfers, trade-by-partner but received "arms"`,
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

describe("compileChart with small multiples, dates and derived rows", () => {
  const base = {
    slug: "exports",
    headline: "China's exports grew every year to $36bn in 2018",
    dek: "Exports, US$ billion",
    alt: "Small multiples of exports by country.",
    data: "exports",
  };
  const line = { mark: "line", encoding: { x: { field: "year", type: "quantitative", title: null }, y: { field: "exports", type: "quantitative", title: null } } };

  it("compiles a facet, a repeat, a concat, a layer and a unit faceted by its encoding into valid Vega-Lite, sized to the width", () => {
    const plots: Json[] = [
      { facet: { field: "country", type: "nominal" }, spec: line },
      { repeat: ["exports"], spec: { ...line, encoding: { ...line.encoding, y: { field: { repeat: "repeat" }, type: "quantitative" } } } },
      { hconcat: [line, { ...line, mark: "point" }] },
      { vconcat: [line, { layer: [line] }] },
      { layer: [line, { ...line, mark: "point" }] },
      { ...line, encoding: { ...line.encoding, facet: { field: "country", type: "nominal", columns: 3 } } },
    ];
    for (const plot of plots) {
      const out = compileChart({ ...base, plot } as ChartDefinition, options);
      expect(vegaLiteErrors(out.spec), JSON.stringify(plot).slice(0, 60)).toEqual([]);
      expect(out.meta.width).toBe(light.defaultWidth);
    }
    const facet = compileChart({ ...base, plot: plots[0]! } as ChartDefinition, options).spec as Json;
    expect(facet.width).toBeUndefined();
    expect(facet.columns).toBe(2);
    expect(facet.autosize).toEqual({ type: "pad", contains: "padding" });
    expect(facet.spec.width).toBe(268);
    // Each panel shades its own gaps; the notes name them.
    expect(facet.spec.layer[0].mark.type).toBe("rect");
    const notes = compileChart({ ...base, plot: plots[0]! } as ChartDefinition, options).meta.notes;
    expect(notes).toContain("Russia: no figures for 2015");
    expect(notes).toContain("China (2016) is derived: twice the 2015 figure of the sector.");
    const faceted = compileChart({ ...base, plot: plots[5]! } as ChartDefinition, options).spec as Json;
    expect(faceted.columns).toBe(3);
    expect(faceted.facet).toEqual({ field: "country", type: "nominal" });
  });

  it("draws annotations in every panel of a facet and refuses them on a repeat, naming the annotation", () => {
    const facet = { facet: { field: "country", type: "nominal" }, spec: line };
    const labelled = compileChart({ ...base, plot: facet, annotations: [{ type: "label", at: { year: 2018 }, text: "2018" }] } as ChartDefinition, options).spec as Json;
    expect(labelled.spec.layer.map((l: Json) => l.mark?.type ?? l.mark ?? "layer")).toContain("text");
    const repeat = { repeat: ["exports"], spec: line };
    expect(() => compileChart({ ...base, plot: repeat, annotations: [{ type: "values" }] } as ChartDefinition, options)).toThrow(
      new ChartsError(message.annotationCannotApply("values", "repeat"), { file: F, field: "annotations[0]" }),
    );
  });

  it("compiles dates on a UTC scale with the locale's names, and requires a reason when gaps are not marked", () => {
    const dated = {
      ...base,
      headline: "Cargo fell to 1.1m tonnes in 2024",
      alt: "A line of cargo by quarter.",
      data: "cargo",
      locale: "fr-FR",
      plot: { mark: "line", encoding: { x: { field: "quarter", type: "temporal" }, y: { field: "cargo", type: "quantitative" } } },
    } as ChartDefinition;
    const out = compileChart(dated, options);
    expect(vegaLiteErrors(out.spec)).toEqual([]);
    expect((out.spec as Json).config.locale.time.shortMonths[6]).toBe("juil.");
    expect(out.meta.notes).toBe("Pas de chiffres pour T3–T4 2023 dans les sources.");
    expect(() => compileChart({ ...dated, gaps: { mark: false } }, options)).toThrow(`${F}, gaps.reason: expected a value (it is required) but received nothing`);
    expect(() => compileChart({ ...base, gaps: { label: "x" }, plot: { mark: "bar", encoding: { y: { field: "country", type: "nominal" }, x: { field: "exports", type: "quantitative" } } } } as ChartDefinition, options)).toThrow(
      new ChartsError(message.gapsWithoutTimeAxis(), { file: F, field: "gaps" }),
    );
    const unmarked = compileChart({ ...dated, gaps: { mark: false, reason: "The port was closed." } }, options);
    expect(unmarked.meta.notes).toBe("The port was closed.");
    expect((unmarked.spec as Json).layer.map((l: Json) => l.mark)).toEqual(["line"]);
  });

  it("draws the derived rows of a plain definition apart, without the definition writing a condition", () => {
    const bars = { mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "exports", type: "quantitative" } } };
    const china = compileChart({ ...base, data: { dataset: "exports", where: { country: "China" } }, plot: bars } as ChartDefinition, options);
    const spec = china.spec as Json;
    expect(spec.encoding.fillOpacity).toEqual({ condition: { test: "datum.status !== 'stated'", value: 0.35 }, value: 1 });
    expect(china.meta.notes).toBe("2016 is derived: twice the 2015 figure of the sector.");
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
    // the override's one label, and the gap's generated label
    expect(spec.layer.filter((l: Json) => l.mark.type === "text").map((l: Json) => l.encoding.text.value)).toEqual(["$72m", ["No figures", "in the sources"]]);
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
    expect(spec.layer.find((l: Json) => l.name === "annotation-0-0").encoding.text).toEqual({ value: "A" });
    expect(compiled.meta.below).toEqual([{ marker: "A", text: "About $1bn, the peak" }]);
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
