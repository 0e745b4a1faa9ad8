import { describe, expect, it } from "vitest";
import { light, themeAt } from "@charts/theme";
import { barsAcross } from "../../src/compile/barsAcross.ts";
import type { ChartDefinition } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";

const columns = (): ChartDefinition => ({
  ...armsChart(),
  data: "trade-by-partner",
  plot: {
    mark: { type: "bar", width: 20 },
    encoding: {
      x: { field: "partner", type: "nominal", sort: "-y", axis: { labelAngle: 0 } },
      y: { field: "trade_usd_bn", type: "quantitative", title: null },
    },
  },
  annotations: [{ type: "label", at: { partner: "Russia" }, text: "Russia", dy: -10 }, { type: "values" }],
});

describe("barsAcross(definition, theme)", () => {
  it("turns vertical bars of unordered categories horizontal on a phone", () => {
    const turned = barsAcross(columns(), themeAt(light, 320));
    expect(turned.plot).toEqual({
      mark: { type: "bar", height: 20 },
      encoding: {
        y: { field: "partner", type: "nominal", sort: "-x", axis: { labelAngle: 0 } },
        x: { field: "trade_usd_bn", type: "quantitative", title: null },
      },
    });
    // a label above a bar goes beyond its end
    expect(turned.annotations![0]).toEqual({ type: "label", at: { partner: "Russia" }, text: "Russia", dx: 10 });
    expect(turned.annotations![1]).toEqual({ type: "values" });
  });

  it("swaps every layer, and sorts written as objects", () => {
    const layered: ChartDefinition = {
      ...columns(),
      plot: { encoding: { x: { field: "partner", type: "nominal", sort: { encoding: "y", order: "descending" } }, y: { field: "trade_usd_bn", type: "quantitative" } }, layer: [{ mark: "bar" }, { mark: "text", encoding: { y2: { value: 0 } } }] },
    };
    const turned = barsAcross(layered, themeAt(light, 320)).plot as { encoding: Record<string, { sort?: unknown }>; layer: Array<{ encoding?: object }> };
    expect(turned.encoding.y!.sort).toEqual({ encoding: "x", order: "descending" });
    expect(turned.layer[1]!.encoding).toEqual({ x2: { value: 0 } });
  });

  it("keeps ordered categories, years and wider frames as they are", () => {
    expect(barsAcross(columns(), themeAt(light, 600))).toEqual(columns());
    const years = armsChart();
    expect(barsAcross(years, themeAt(light, 320))).toBe(years);
  });
});
