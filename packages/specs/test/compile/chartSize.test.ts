import { describe, expect, it } from "vitest";
import { light, themeAt } from "@charts/theme";
import { chartSize } from "../../src/compile/chartSize.ts";

const rows = [{ partner: "China" }, { partner: "Russia" }, { partner: "China" }];

describe("chartSize(definition, rows, theme)", () => {
  it("uses the definition's size, else the theme width and 9:16 of it", () => {
    expect(chartSize({ width: 400, height: 300, plot: { mark: "bar" } }, rows, light)).toEqual({ width: 400, height: 300 });
    expect(chartSize({ plot: { mark: "line" } }, rows, light)).toEqual({ width: light.defaultWidth, height: 360 });
  });

  it("sizes the plot for its frame: square on a phone, 9:16 in a column, 1:2 and capped when wide", () => {
    const line = { plot: { mark: "line" } };
    expect(chartSize(line, rows, themeAt(light, 320))).toEqual({ width: 320, height: 320 });
    expect(chartSize(line, rows, themeAt(light, 600))).toEqual({ width: 600, height: 338 });
    expect(chartSize(line, rows, themeAt(light, 1000))).toEqual({ width: 1000, height: 480 });
    // a definition's width picks the frame when the theme has none
    expect(chartSize({ ...line, width: 360 }, rows, light)).toEqual({ width: 360, height: 360 });
  });

  it("gives categories down the y axis a row each", () => {
    const plot = { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "v", type: "quantitative" } } };
    expect(chartSize({ plot }, rows, light).height).toBe(160);
    const listed = { ...plot, encoding: { ...plot.encoding, y: { ...plot.encoding.y, scale: { domain: ["a", "b", "c", "d", "e", "f"] } } } };
    expect(chartSize({ plot: listed }, rows, light).height).toBe(6 * 32 + 48);
    // taller rows on a phone, where labels wrap onto two lines
    expect(chartSize({ plot: listed }, rows, themeAt(light, 320)).height).toBe(6 * 40 + 48);
  });
});
