import { describe, expect, it } from "vitest";
import { scaleToWidth } from "../../src/compile/scaleToWidth.ts";
import type { ChartDefinition } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";

describe("scaleToWidth(definition, width, designWidth)", () => {
  const definition: ChartDefinition = {
    ...armsChart(),
    plot: { layer: [{ mark: { type: "bar", width: 30 } }, { mark: "rule" }], encoding: armsChart().plot.encoding },
    annotations: [{ type: "label", at: { year: 2014 }, text: "Peak", dx: 20, dy: -8 }, { type: "values" }],
  };

  it("scales bar widths and labels' across offsets from the design width, and nothing else", () => {
    const narrow = scaleToWidth(definition, 320, 640);
    expect((narrow.plot.layer as Array<{ mark: unknown }>)[0]!.mark).toEqual({ type: "bar", width: 15 });
    expect((narrow.plot.layer as Array<{ mark: unknown }>)[1]!.mark).toBe("rule");
    expect(narrow.annotations![0]).toMatchObject({ dx: 10, dy: -8 });
    expect(narrow.annotations![1]).toEqual({ type: "values" });
    expect(scaleToWidth(definition, 1000, 640).annotations![0]).toMatchObject({ dx: 31 });
    // the definition is not changed
    expect((definition.plot.layer as Array<{ mark: unknown }>)[0]!.mark).toEqual({ type: "bar", width: 30 });
  });

  it("leaves a definition at its design width as it is", () => {
    expect(scaleToWidth(definition, 640, 640)).toBe(definition);
  });
});
