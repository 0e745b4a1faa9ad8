import { describe, expect, it } from "vitest";
import { light } from "@charts/theme";
import { chartSize } from "../../src/compile/chartSize.ts";

const rows = [{ partner: "China" }, { partner: "Russia" }, { partner: "China" }];

describe("chartSize(definition, rows, theme)", () => {
  it("uses the definition's size, else the theme width and 9:16 of it", () => {
    expect(chartSize({ width: 400, height: 300, plot: { mark: "bar" } }, rows, light)).toEqual({ width: 400, height: 300, view: { width: 400, height: 300 } });
    expect(chartSize({ plot: { mark: "line" } }, rows, light)).toMatchObject({ width: light.defaultWidth, height: 360 });
  });

  it("gives categories down the y axis a row each", () => {
    const plot = { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "v", type: "quantitative" } } };
    expect(chartSize({ plot }, rows, light).height).toBe(160);
    const listed = { ...plot, encoding: { ...plot.encoding, y: { ...plot.encoding.y, scale: { domain: ["a", "b", "c", "d", "e", "f"] } } } };
    expect(chartSize({ plot: listed }, rows, light).height).toBe(6 * 32 + 48);
  });
});
