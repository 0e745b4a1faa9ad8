import { describe, expect, it } from "vitest";
import { light } from "@charts/theme";
import { bars, chart, dataset, exports, lint, of } from "../fixtures/build.ts";

// A label at the 2021 bar, as the first story's derived-bar label was: over the bar's edge, or beside it
const labelled = (label: Record<string, unknown>) => bars({}, { annotations: [{ type: "label", at: { year: 2021 }, text: "Derived from\nthe two sources", ...label }] });

describe("text-on-marks", () => {
  it("finds text across the edge of a bar, naming the bar's row", async () => {
    // an annotation that would cross a bar is moved below the plot by the build (unfitAnnotations): a text
    // layer of the plot's own is not, and the linter is what stops it
    const text = { mark: { type: "text", dy: 30 }, transform: [{ filter: "datum.year === 2021" }], encoding: { x: { field: "year", type: "ordinal" }, y: { field: "exports", type: "quantitative" }, text: { value: "Derived from the two sources" } } };
    const layered = chart("exports", { layer: [{ mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null } } }, text] });
    const findings = of(await lint(layered, [exports], { widths: [320], themes: [light] }), "text-on-marks");
    // one line, wider than a bar: across its own bar's edges and onto the next
    expect(findings.map((f) => f.element)).toEqual(['label "Derived from the two sources" on bar (year 2021, exports 55)', 'label "Derived from the two sources" on bar (year 2022, exports 61)']);
    expect(findings[0]!.measured).toMatch(/^\d+(\.\d)? × \d+(\.\d)? px$/);
  });

  it("finds nothing of an annotation the build moved below the plot because it crossed a bar", async () => {
    expect(of(await lint(labelled({ dy: 30 }), [exports], { widths: [320], themes: [light] }), "text-on-marks")).toEqual([]);
  });

  it("passes a label above the bars, or wholly inside a wide one", async () => {
    const above = bars({}, { annotations: [{ type: "label", at: { year: 2022 }, text: "Highest", dy: -12 }] });
    expect(of(await lint(above, [exports]), "text-on-marks")).toEqual([]);
    const inside = bars({ mark: { type: "bar", width: 150 } }, { annotations: [{ type: "label", at: { year: 2021 }, text: "Inside", dy: 40 }] });
    expect(of(await lint(inside, [exports], { widths: [600], themes: [light] }), "text-on-marks")).toEqual([]);
  });

  it("finds a label across a line, and passes one clear of it", async () => {
    const series = dataset("series", [{ name: "year", type: "year" }, { name: "v", type: "number", unit: "%" }], [2018, 2019, 2020, 2021, 2022].map((year, i) => ({ year, v: [10, 40, 20, 45, 30][i]! })));
    const line = (dy: number) =>
      chart("series", { mark: "line", encoding: { x: { field: "year", type: "quantitative", scale: { domain: [2017, 2023] }, axis: { values: [2018, 2020, 2022] } }, y: { field: "v", type: "quantitative" } } }, { annotations: [{ type: "label", at: { year: 2020 }, text: "A dip", dy }] });
    const [across] = of(await lint(line(0), [series], { widths: [600], themes: [light] }), "text-on-marks");
    expect(across?.element).toMatch(/^label "A dip" on line \(year 2018/);
    expect(of(await lint(line(40), [series], { widths: [600], themes: [light] }), "text-on-marks")).toEqual([]);
  });
});
