import { describe, expect, it } from "vitest";
import { light } from "@charts/theme";
import { readLintSettings } from "../../src/index.ts";
import { chart, dataset, lint, of } from "../fixtures/build.ts";

const years = Array.from({ length: 30 }, (_, i) => 1994 + i);
const series = dataset("series", [{ name: "year", type: "year" }, { name: "v", type: "number", unit: "%" }], years.map((year, i) => ({ year, v: 10 + (i % 7) })));
// a line chart whose every year is labelled: on a phone the years print over each other
const line = (axis: Record<string, unknown>) => chart("series", { mark: "line", encoding: { x: { field: "year", type: "quantitative", title: null, scale: { domain: [1993, 2024] }, axis }, y: { field: "v", type: "quantitative", title: null } } });

describe("axis-label-spacing", () => {
  it("finds year labels printed over each other, once per axis, with the tightest pair", async () => {
    const findings = of(await lint(line({ values: years, labelOverlap: false }), [series], { widths: [320], themes: [light] }), "axis-label-spacing");
    expect(findings).toHaveLength(1);
    expect(findings[0]!.element).toMatch(/^axis label "\d{4}|’\d\d" and axis label "’\d\d" \(29 of 29 neighbours on the bottom axis\)$/);
    expect(Number.parseFloat(findings[0]!.measured)).toBeLessThan(0);
    expect(findings[0]!.message).toContain("(drawn over each other)");
  });

  it("finds labels closer than the desk's minimum, and passes the house's own ticks", async () => {
    const settings = readLintSettings({ "axis-label-spacing": { min: 60 } }, "charts.config.json");
    const wide = of(await lint(line({}), [series], { widths: [320], themes: [light], settings }), "axis-label-spacing");
    expect(wide.map((f) => f.threshold)).toEqual(["≥ 60 px"]);
    expect(of(await lint(line({}), [series]), "axis-label-spacing")).toEqual([]);
  });
});
