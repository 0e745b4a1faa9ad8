import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { light } from "@charts/theme";
import { annotate as annotateJson } from "../../src/compile/annotate.ts";
import type { Annotation } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { arms, cargo, trade } from "../fixtures/datasets.ts";

type Json = Record<string, any>;
// The tests read deep into the result; `any` keeps them short.
const annotate = annotateJson as (...args: Parameters<typeof annotateJson>) => Json;
const F = "charts/c.chart.json";
const options = { file: F, dataset: arms, theme: light, locale: "en-GB" };
const armsPlot = () => armsChart().plot as Json;
const barsPlot = (): Json => ({
  mark: "bar",
  encoding: {
    y: { field: "partner", type: "nominal", sort: "-x" },
    x: { field: "trade_usd_bn", type: "quantitative" },
  },
});

describe("annotate(plot, annotations, options)", () => {
  it("returns a copy of the plot when there is nothing to add", () => {
    const plot = armsPlot();
    const out = annotate(plot, [], options);
    expect(out).toEqual(plot);
    expect(out).not.toBe(plot);
  });

  it("puts a label above the matching point, in the annotation style", () => {
    const out = annotate(armsPlot(), [{ type: "label", at: { year: 2014 }, text: "Peak\nyear" }], options);
    expect(out.layer).toHaveLength(2);
    expect(out.layer[0].mark).toEqual({ type: "bar" });
    const label = out.layer[1];
    expect(label.transform).toEqual([{ filter: { field: "year", equal: 2014 } }]);
    expect(label.mark).toMatchObject({ type: "text", align: "center", baseline: "bottom", dx: 0, dy: -8, color: light.colors.annotation });
    const scale = armsPlot().encoding.x.scale;
    expect(label.encoding).toEqual({
      x: { field: "year", type: "ordinal", scale },
      y: { field: "value_usd_m", type: "quantitative" },
      text: { value: ["Peak", "year"] },
    });
  });

  it("joins a label to its point with a connector that stops short of both", () => {
    const out = annotate(armsPlot(), [{ type: "label", at: { year: 2022 }, text: "$72m", connector: true, dx: 20, dy: -40 }], options);
    const [rule, text] = out.layer.slice(1);
    expect(rule.mark).toMatchObject({ type: "rule", yOffset: -3, x2Offset: 20, y2Offset: -37 });
    expect(rule.encoding.x2).toEqual({ field: "year" });
    expect(rule.encoding.y2).toEqual({ field: "value_usd_m" });
    expect(text.mark).toMatchObject({ align: "left", dx: 20, dy: -40 });
  });

  it("leaves out the annotations at `omit`, the others keeping their indexes in their layers' names", () => {
    const out = annotate(armsPlot(), [{ type: "values" }, { type: "label", at: { year: 2014 }, text: "Peak" }], { ...options, omit: [0] });
    const names = (out.layer as Array<{ name?: string }>).map((layer) => layer.name).filter(Boolean);
    expect(names).toEqual(["annotation-1-0"]);
  });

  it("refuses a label at a point the dataset does not have", () => {
    expect(() => annotate(armsPlot(), [{ type: "label", at: { year: 2018 }, text: "x" }], options)).toThrow(
      `${F}, annotations[0].at: expected the fields of a row of russia-arms-transfers but no row has year = 2018`,
    );
    // A number written as a string would never match the data.
    expect(() => annotate(armsPlot(), [{ type: "label", at: { year: "2014" }, text: "x" }], options)).toThrow(/no row has year = "2014"$/);
  });

  it("highlights the listed values and mutes the rest", () => {
    const out = annotate(barsPlot(), [{ type: "highlight", field: "partner", values: ["Russia"] }], { ...options, dataset: trade });
    expect(out.encoding.color).toEqual({
      condition: { test: { field: "partner", oneOf: ["Russia"] }, value: light.colors.highlight },
      value: light.colors.muted,
    });
    expect(out.layer).toBeUndefined();
    const colored = { ...barsPlot(), encoding: { ...barsPlot().encoding, color: { field: "partner" } } };
    expect(() => annotate(colored, [{ type: "highlight", field: "partner", values: ["Russia"] }], options)).toThrow(
      `${F}, plot.encoding.color: expected no color encoding in a plot with a highlight annotation (annotations[0] sets the colours) but received {"field":"partner"} of type object`,
    );
  });

  it("shades whole categories of a band scale under the data, with its label on top", () => {
    const scale = armsPlot().encoding.x.scale;
    const out = annotate(armsPlot(), [{ type: "range", field: "year", from: 2015, to: 2021, text: "No figures" }], options);
    const [band, bars, text] = out.layer;
    expect(band).toEqual({
      name: "annotation-0-0",
      data: { values: [{}] },
      mark: { type: "rect", color: light.colors.range },
      encoding: { x: { datum: 2015, type: "ordinal", bandPosition: 0, scale }, x2: { datum: 2021, bandPosition: 1 } },
    });
    expect(bars.mark).toEqual({ type: "bar" });
    expect(text.encoding.text).toEqual({ value: "No figures" });
    expect(text.encoding.x).toEqual({ datum: 2015, type: "ordinal", bandPosition: 0, scale });
    // named after the annotation, so render can tell what it drew (Vega: annotation_0_1_marks)
    expect(text.name).toBe("annotation-0-1");
  });

  it("puts annotation layers on the plot's own scales, so they cannot widen an explicit domain", () => {
    const plot: Json = {
      mark: "bar",
      encoding: {
        x: { field: "year", type: "quantitative", scale: { domain: [2013, 2023] } },
        y: { field: "value_usd_m", type: "quantitative" },
      },
    };
    const out = annotate(plot, [{ type: "range", field: "year", from: 2015, to: 2021, text: "Gap" }, { type: "label", at: { year: 2014 }, text: "Peak" }], options);
    const [band, , gap, peak] = out.layer;
    expect(band.encoding.x.scale).toEqual({ domain: [2013, 2023] });
    expect(peak.encoding.x.scale).toEqual({ domain: [2013, 2023] });
    // On a continuous scale the range's label stands in the middle of the band.
    expect(gap.encoding.x).toEqual({ datum: 2018, type: "quantitative", scale: { domain: [2013, 2023] } });
    expect(gap.encoding.y).toEqual({ value: { expr: "height / 2" } });
    expect(gap.mark).toMatchObject({ align: "center", baseline: "middle" });
  });

  it("needs the categories listed to shade a band scale, and spans values on a continuous one", () => {
    const plot = armsPlot();
    delete plot.encoding.x.scale;
    expect(() => annotate(plot, [{ type: "range", field: "year", from: 2015, to: 2021 }], options)).toThrow(
      `${F}, plot.encoding.x.scale.domain: expected the categories of the x scale listed in scale.domain`,
    );
    expect(() => annotate(armsPlot(), [{ type: "range", field: "year", from: 2013, to: 2021 }], options)).toThrow(
      `${F}, annotations[0].from: expected one of the x scale's categories but received 2013 of type number`,
    );
    expect(() => annotate(armsPlot(), [{ type: "range", field: "value_usd_m", from: 0, to: 1 }], options)).not.toThrow();
    expect(() => annotate(armsPlot(), [{ type: "range", field: "status", from: 0, to: 1 }], options)).toThrow(
      `${F}, annotations[0].field: expected the field of the plot's x or y encoding (year, value_usd_m) but received "status" of type string`,
    );
    plot.encoding.x.type = "quantitative";
    const out = annotate(plot, [{ type: "range", field: "year", from: 2015, to: 2021 }], options);
    expect(out.layer[0].encoding).toEqual({ x: { datum: 2015, type: "quantitative" }, x2: { datum: 2021 } });
  });

  it("writes values above vertical bars and right of horizontal ones, in house format", () => {
    const vertical = annotate(armsPlot(), [{ type: "values" }], options).layer[1];
    expect(vertical.mark).toMatchObject({ type: "text", baseline: "bottom", dy: -4 });
    expect(vertical.encoding.text).toEqual({
      field: "value_usd_m",
      type: "quantitative",
      formatType: "house",
      format: { unit: "USD million", locale: "en-GB" },
    });
    const horizontal = annotate(barsPlot(), [{ type: "values", precision: 1 }], { ...options, dataset: trade, locale: "fr-FR" }).layer[1];
    expect(horizontal.mark).toMatchObject({ align: "left", baseline: "middle", dx: 4 });
    expect(horizontal.encoding.text.format).toEqual({ unit: "USD billion", locale: "fr-FR", precision: 1 });
  });

  it("sorts categories by maximum so annotation layers can share the scale", () => {
    const out = annotate(barsPlot(), [{ type: "values" }], { ...options, dataset: trade });
    const sort = { field: "trade_usd_bn", op: "max", order: "descending" };
    expect(out.layer[0].encoding.y.sort).toEqual(sort);
    expect(out.layer[1].encoding.y.sort).toEqual(sort);
  });

  it("labels each line at its last point and drops the legend", () => {
    const plot: Json = {
      mark: "line",
      encoding: {
        x: { field: "year", type: "quantitative" },
        y: { field: "trade_usd_bn", type: "quantitative" },
        color: { field: "partner", type: "nominal" },
      },
    };
    const out = annotate(plot, [{ type: "line-labels", field: "partner" }], { ...options, dataset: trade });
    expect(out.layer[0].encoding.color).toEqual({ field: "partner", type: "nominal", legend: null });
    const labels = out.layer[1];
    expect(labels.transform).toEqual([
      { window: [{ op: "row_number", as: "__lineEnd" }], groupby: ["partner"], sort: [{ field: "year", order: "descending" }] },
      { filter: "datum.__lineEnd === 1" },
    ]);
    expect(labels.encoding.text).toEqual({ field: "partner" });
    expect(labels.encoding.color).toEqual({ field: "partner", type: "nominal" });
  });

  it("moves a layer plot's shared encoding into its own layers", () => {
    const plot: Json = {
      encoding: { x: { field: "year", type: "ordinal", scale: { domain: [2014, 2015, 2022] } }, y: { field: "value_usd_m", type: "quantitative" } },
      layer: [{ mark: "bar" }, { mark: "point" }],
    };
    const out = annotate(plot, [{ type: "range", field: "year", from: 2015, to: 2015 }], options);
    expect(out.encoding).toBeUndefined();
    expect(out.layer.map((l: Json) => l.mark)).toEqual([{ type: "rect", color: light.colors.range }, "bar", "point"]);
    expect(out.layer[1].encoding.x.field).toBe("year");
  });

  it("annotates the inner spec of a facet and refuses other compositions", () => {
    const facet: Json = { facet: { field: "status" }, spec: armsPlot() };
    const out = annotate(facet, [{ type: "values" }], options);
    expect(out.facet).toEqual({ field: "status" });
    expect(out.spec.layer).toHaveLength(2);
    const concat = { hconcat: [armsPlot()] };
    expect(() => annotate(concat, [{ type: "values" } as Annotation], options)).toThrow(
      new ChartsError(message.annotationCannotApply("values", "hconcat"), { file: F, field: "annotations[0]" }),
    );
  });

  it("places labels and ranges at dates written as in data.csv", () => {
    const dated = { mark: "line", encoding: { x: { field: "quarter", type: "temporal" }, y: { field: "cargo", type: "quantitative" } } };
    const out = annotate(
      dated,
      [
        { type: "range", field: "quarter", from: "2022-10-01", to: "2023-01-01" },
        { type: "label", at: { quarter: "2023-04-01" }, text: "Peak" },
      ],
      { ...options, dataset: cargo },
    );
    const utc = (year: number, month: number) => ({ year, month, date: 1, utc: true });
    expect(out.layer[0].encoding.x).toEqual({ datum: utc(2022, 10), type: "temporal" });
    expect(out.layer[0].encoding.x2).toEqual({ datum: utc(2023, 1) });
    expect(out.layer[2].transform).toEqual([{ filter: { field: "quarter", equal: utc(2023, 4) } }]);
  });
});
