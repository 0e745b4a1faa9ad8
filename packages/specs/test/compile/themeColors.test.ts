import { describe, expect, it } from "vitest";
import { contrast, dark, light } from "@charts/theme";
import { themeColors } from "../../src/compile/themeColors.ts";
import { armsChart } from "../fixtures/armsChart.ts";

describe("themeColors(definition, theme)", () => {
  const definition = {
    ...armsChart(),
    plot: { mark: { type: "bar", color: "#333333", stroke: "#ccc" }, encoding: { color: { value: "steelblue" }, fill: { condition: { test: "true", value: "#0072B2" }, value: "#e5e5e5" } } },
  };

  it("adapts every hex colour of the plot to a dark page, keeping its contrast, and leaves named colours", () => {
    const plot = themeColors(definition, dark).plot as { mark: { color: string; stroke: string }; encoding: { color: { value: string }; fill: { condition: { value: string }; value: string } } };
    expect(contrast(plot.mark.color, dark.colors.background)).toBeCloseTo(contrast("#333333", "#ffffff"), 0);
    expect(contrast(plot.mark.stroke, dark.colors.background)).toBeGreaterThanOrEqual(3);
    expect(plot.encoding.color.value).toBe("steelblue");
    expect(plot.encoding.fill.condition.value).toBe("#0072B2"); // passes 3:1 there already
  });

  it("leaves the light theme's plot as written", () => {
    expect(themeColors(definition, light)).toBe(definition);
  });
});
