import { describe, expect, it } from "vitest";
import { light } from "@charts/theme";
import { chart, dataset, lint, of } from "../fixtures/build.ts";

const both = dataset("both", [{ name: "year", type: "year" }, { name: "exports", type: "number", unit: "USD billion" }, { name: "jobs", type: "number", unit: "count thousand" }], [
  { year: 2019, exports: 30, jobs: 410 },
  { year: 2020, exports: 42, jobs: 380 },
  { year: 2021, exports: 55, jobs: 450 },
]);
const x = { field: "year", type: "ordinal", title: null };
const layers = (resolve?: Record<string, unknown>) =>
  chart("both", {
    layer: [
      { mark: "bar", encoding: { x, y: { field: "exports", type: "quantitative", title: null } } },
      { mark: "line", encoding: { x, y: { field: "jobs", type: "quantitative", title: null } } },
    ],
    ...(resolve ? { resolve } : {}),
  });

describe("dual-axis", () => {
  it("warns of two value scales on opposite sides of one plot", async () => {
    const findings = of(await lint(layers({ scale: { y: "independent" } }), [both], { widths: [600], themes: [light] }), "dual-axis");
    expect(findings.map((f) => [f.severity, f.element])).toEqual([["warning", "the left axis (layer_0_y) and the right axis (layer_1_y)"]]);
  });

  it("passes one value scale", async () => {
    expect(of(await lint(layers(), [both], { widths: [600], themes: [light] }), "dual-axis")).toEqual([]);
  });
});
