import { describe, expect, it } from "vitest";
import { light, themeAt } from "@charts/theme";
import { chartSize, sizeConfig, sizeSpec } from "../../src/compile/chartSize.ts";

const rows = [{ partner: "China" }, { partner: "Russia" }, { partner: "China" }];

describe("chartSize(definition, rows, theme)", () => {
  it("uses the definition's size, else the theme width and 9:16 of it", () => {
    expect(chartSize({ width: 400, height: 300, plot: { mark: "bar" } }, rows, light)).toEqual({ width: 400, height: 300, view: { width: 400, height: 300 } });
    expect(chartSize({ plot: { mark: "line" } }, rows, light)).toMatchObject({ width: light.defaultWidth, height: 360 });
  });

  it("sizes the plot for its frame: square on a phone, 9:16 in a column, 1:2 and capped when wide", () => {
    const line = { plot: { mark: "line" } };
    expect(chartSize(line, rows, themeAt(light, 320))).toMatchObject({ width: 320, height: 320 });
    expect(chartSize(line, rows, themeAt(light, 600))).toMatchObject({ width: 600, height: 338 });
    expect(chartSize(line, rows, themeAt(light, 1000))).toMatchObject({ width: 1000, height: 480 });
    // a definition's width picks the frame when the theme has none
    expect(chartSize({ ...line, width: 360 }, rows, light)).toMatchObject({ width: 360, height: 360 });
  });

  it("gives categories down the y axis a row each", () => {
    const plot = { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "v", type: "quantitative" } } };
    expect(chartSize({ plot }, rows, light).height).toBe(160);
    const listed = { ...plot, encoding: { ...plot.encoding, y: { ...plot.encoding.y, scale: { domain: ["a", "b", "c", "d", "e", "f"] } } } };
    expect(chartSize({ plot: listed }, rows, light).height).toBe(6 * 32 + 48);
    // taller rows on a phone, where labels wrap onto two lines
    expect(chartSize({ plot: listed }, rows, themeAt(light, 320)).height).toBe(6 * 40 + 48);
  });

  it("sizes small multiples to the width: as many columns as leave a panel 180 px, panels 3:5", () => {
    const countries = ["China", "Russia", "India", "Japan", "Korea"].map((country) => ({ country }));
    const facet = { facet: { field: "country" }, spec: { mark: "line" } };
    expect(chartSize({ plot: facet }, countries, light)).toEqual({ width: 640, height: 161, view: { width: 268, height: 161 }, columns: 2 });
    expect(chartSize({ plot: { ...facet, columns: 3 } }, countries, light).view.width).toBe(172);
    expect(chartSize({ width: 1000, plot: facet }, countries, light).columns).toBe(4);
    expect(chartSize({ height: 200, plot: { repeat: ["a", "b", "c"], spec: { mark: "bar" } } }, countries, light)).toMatchObject({ height: 200, columns: 2 });
    // Side by side, each panel has its own axis.
    expect(chartSize({ plot: { hconcat: [{ mark: "bar" }, { mark: "line" }] } }, countries, light).view.width).toBe(242);
    expect(chartSize({ plot: { facet: { column: { field: "country" } }, spec: { mark: "bar" } } }, countries, light).columns).toBe(5);
  });
});

describe("sizeSpec(spec, layout)", () => {
  it("writes the size on a single plot, and each panel's size in small multiples, with pad autosize", () => {
    const layout = { width: 640, height: 158, view: { width: 264, height: 158 }, columns: 2 };
    expect(sizeSpec({ mark: "bar" }, { ...layout, height: 360 })).toEqual({ width: 640, height: 360, mark: "bar" });
    expect(sizeSpec({ facet: { field: "f" }, spec: { mark: "bar" } }, layout)).toEqual({
      facet: { field: "f" },
      spec: { mark: "bar", width: 264, height: 158 },
      autosize: { type: "pad", contains: "padding" },
      columns: 2,
    });
    const concat = sizeSpec({ hconcat: [{ mark: "bar" }, { layer: [] }] }, layout);
    expect(concat.hconcat).toEqual([{ mark: "bar", width: 264, height: 158 }, { layer: [], width: 264, height: 158 }]);
    expect(concat.columns).toBeUndefined();
  });
});

describe("sizeConfig(config, plot, layout, theme)", () => {
  it("gives a composite's axes tick counts for its panel size, where the theme's width and height expressions would find no size", () => {
    const config = { axisX: { tickCount: { expr: "ceil(width / 100)" } }, axisY: { tickCount: { expr: "ceil(height / 60)" } } };
    const layout = { width: 640, height: 200, view: { width: 268, height: 160 }, columns: 2 };
    const facet = { facet: { field: "country", type: "nominal" }, spec: { mark: "line" } };
    const sized = sizeConfig(config, facet, layout, light);
    expect(sized.axisX).toEqual({ tickCount: 3 });
    expect(sized.axisY).toEqual({ tickCount: 3 });
    expect(sizeConfig(config, { mark: "line" }, { width: 640, height: 360, view: { width: 640, height: 360 } }, light)).toBe(config);
  });
});
