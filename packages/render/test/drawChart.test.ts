import { beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "@charts/datasets";
import { ChartsError } from "@charts/errors";
import type { ChartDefinition, CompiledChart } from "@charts/specs";
import { light } from "@charts/theme";
import { DEFAULT_VARIANT, drawChart, placeRenderError, setupRenderer } from "../src/index.ts";

// Figures are illustrative.
const exports: Dataset = {
  name: "exports",
  dir: "datasets/exports",
  metaFile: "datasets/exports/dataset.json",
  dataFile: "datasets/exports/data.csv",
  meta: { title: "Exports", columns: [{ name: "year", type: "year" }, { name: "exports", type: "number", unit: "USD billion" }], value: "exports" },
  rows: [2019, 2020, 2021].map((year, i) => ({ row: i + 1, values: { year, exports: 30 + 10 * i }, provenance: { source: "wire", figure: `$${30 + 10 * i} billion`, status: "stated" as const } })),
};
const definition: ChartDefinition = {
  slug: "exports",
  headline: "Exports grew every year",
  dek: "Exports, US$ billion",
  alt: "Bars of exports by year.",
  data: "exports",
  plot: { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null } } },
};
const options = { file: "charts/exports.chart.json", datasets: new Map([["exports", exports]]), sources: { wire: { publisher: "Wire Agency" } } };

beforeAll(() => setupRenderer());

describe("drawChart", () => {
  it("draws every breakpoint light and dark, the one nearest 640 px as default and dark, each variant handed to finish as it is drawn", async () => {
    const finished: string[] = [];
    const stages = new Set<string>();
    const { compiled, variants } = await drawChart(definition, { ...options, breakpoints: [320, 600, 1000], time: (stage) => stages.add(stage) }, async (variant) => {
      finished.push(variant.name);
      return variant;
    });
    expect(variants.map((v) => [v.name, v.theme, v.width])).toEqual([
      ["320", "light", 320],
      ["320-dark", "dark", 320],
      [DEFAULT_VARIANT, "light", 600],
      ["dark", "dark", 600],
      ["1000", "light", 1000],
      ["1000-dark", "dark", 1000],
    ]);
    expect(finished).toEqual(variants.map((v) => v.name));
    expect([...stages].sort()).toEqual(["compile", "render"]);
    expect(compiled.meta.slug).toBe("exports");
    for (const variant of variants) {
      expect(variant.svg).toMatch(/^<svg /);
      expect(JSON.parse(variant.vegaLite).usermeta.theme).toBe(variant.theme);
      expect(variant.boxes.some((box) => box.role === "headline")).toBe(true);
      expect(variant.below).toEqual([]);
    }
  });

  it("draws only the themes asked for (the linter's tests), and a chart's own width instead of the breakpoints", async () => {
    const { variants } = await drawChart({ ...definition, width: 480 }, { ...options, breakpoints: [320, 600], themes: [light] });
    expect(variants.map((v) => [v.name, v.width])).toEqual([[DEFAULT_VARIANT, 480]]);
  });
});

describe("placeRenderError", () => {
  const compiled = { file: "charts/exports.chart.json", rows: [{ dataset: "exports", row: 2 }] } as unknown as CompiledChart;
  const datasets = new Map([["exports", exports]]);
  it("places an error about an inlined value in its data.csv row and column, any other in the definition's compiled spec", () => {
    const cell = placeRenderError(new ChartsError("refused", { field: "data.values[0].year" }), compiled, datasets) as ChartsError;
    expect(cell.where).toEqual({ file: "datasets/exports/data.csv", row: 2, field: "year" });
    const spec = placeRenderError(new ChartsError("refused", { field: "encoding.url.value" }), compiled, datasets) as ChartsError;
    expect(spec.where).toEqual({ file: "charts/exports.chart.json", field: "compiled.encoding.url.value" });
    const plain = new Error("not ours");
    expect(placeRenderError(plain, compiled, datasets)).toBe(plain);
  });
});
