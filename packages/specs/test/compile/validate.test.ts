import { describe, expect, it } from "vitest";
import { validate, validatePlot } from "../../src/compile/validate.ts";

const F = "charts/c.chart.json";
const MARKS = '"boxplot", "errorbar", "errorband", "arc", "area", "bar", "image", "line", "point", "rect", "rule", "text", "tick", "trail", "circle", "square", "geoshape"';

describe("validatePlot(plot, file)", () => {
  it("accepts Vega-Lite without data", () => {
    expect(() => validatePlot({ mark: "bar", encoding: { x: { field: "a", type: "nominal" } } }, F)).not.toThrow();
    expect(() => validatePlot({ layer: [{ mark: "bar" }, { mark: { type: "text", dy: -4 } }] }, F)).not.toThrow();
  });

  it("names the path in the definition and what Vega-Lite expects there", () => {
    expect(() => validatePlot({ mark: "barr" }, F)).toThrow(`${F}, plot.mark: expected one of ${MARKS} or an object but received "barr" of type string`);
    expect(() => validatePlot({ layer: [{ mark: "bar" }, { mark: "txt" }] }, F)).toThrow(
      `${F}, plot.layer[1].mark: expected one of ${MARKS} or an object but received "txt" of type string`,
    );
    expect(() => validatePlot({ mark: "bar", encoding: { y: { field: "a", type: "quantitive" } } }, F)).toThrow(
      `${F}, plot.encoding.y.type: expected one of "quantitative", "ordinal", "temporal", "nominal" but received "quantitive" of type string`,
    );
  });

  it("points at an unknown property and suggests the one meant", () => {
    expect(() => validatePlot({ mark: "bar", encoding: { y: { feld: "a", type: "quantitative" } } }, F)).toThrow(
      `${F}, plot.encoding.y.feld: expected one of the properties aggregate, axis, bandPosition, bin, datum, field, impute, scale, sort, stack, timeUnit, title, tooltip, type but received "a" of type string; did you mean "field"?`,
    );
    expect(() => validatePlot({ mark: { type: "bar", widht: 3 } }, F)).toThrow(
      `${F}, plot.mark.widht: expected a known property but received 3 of type number; did you mean "width"?`,
    );
  });
});

describe("validate(spec, file)", () => {
  it("returns a valid compiled spec and names the compiled path of a broken one", () => {
    const spec = { data: { values: [{ a: 1 }] }, layer: [{ mark: "bar", encoding: { x: { field: "a", type: "quantitative" } } }] };
    expect(validate(spec, F)).toBe(spec);
    const broken = { ...spec, layer: [{ mark: "rule", encoding: { x2: { field: "a", formatType: "house" } } }] };
    expect(() => validate(broken, F)).toThrow(
      `${F}, compiled.layer[0].encoding.x2.formatType: expected one of the properties aggregate, bandPosition, bin, field, timeUnit, title, tooltip but received "house" of type string`,
    );
  });
});
