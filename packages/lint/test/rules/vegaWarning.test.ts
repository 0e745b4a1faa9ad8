import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { bars, exports, lint, of } from "../fixtures/build.ts";

describe("vega-warning", () => {
  it("warns of what Vega warned while drawing", async () => {
    const shaped = bars({ encoding: { x: { field: "year", type: "ordinal" }, y: { field: "exports", type: "quantitative" }, shape: { field: "year", type: "nominal" } } });
    const findings = of(await lint(shaped, [exports], { widths: [320], themes: [light] }), "vega-warning");
    expect(findings.map((f) => [f.severity, f.measured, f.message])).toEqual([["warning", 'shape dropped as it is incompatible with "bar".', message.vegaWarned('shape dropped as it is incompatible with "bar".')]]);
  });

  it("passes a chart Vega drew without a word", async () => {
    expect(of(await lint(bars(), [exports], { widths: [320], themes: [light] }), "vega-warning")).toEqual([]);
  });
});
