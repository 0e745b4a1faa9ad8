import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { chart, exports, lint, of } from "../fixtures/build.ts";

// Two text layers over the bars: a label at each bar's top, and one line of words over the plot
const labelled = (dy: number) =>
  chart("exports", {
    layer: [
      { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null } } },
      { mark: { type: "text", dy: -8 }, encoding: { y: { field: "exports", type: "quantitative", aggregate: "max" }, text: { value: "Exports at their peak" } } },
      { mark: { type: "text", dy }, encoding: { y: { field: "exports", type: "quantitative", aggregate: "max" }, text: { value: "Four years of growth" } } },
    ],
  });

describe("text-overlap", () => {
  it("finds two texts drawn over each other, naming both and the overlap", async () => {
    const [finding, ...more] = of(await lint(labelled(-12), [exports], { widths: [320], themes: [light] }), "text-overlap");
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ severity: "error", element: 'label "Exports at their peak" and label "Four years of growth"', variants: ["all"] });
    expect(finding!.measured).toMatch(/^\d+(\.\d)? × 9 px$/);
    expect(finding!.message).toBe(message.textOverlaps('label "Exports at their peak"', 'label "Four years of growth"', Number(finding!.measured.split(" ")[0]), 9));
  });

  it("passes texts apart, at every width and theme", async () => {
    expect(of(await lint(labelled(-30), [exports]), "text-overlap")).toEqual([]);
  });
});
