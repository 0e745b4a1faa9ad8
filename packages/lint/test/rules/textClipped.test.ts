import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { chart, exports, lint, of } from "../fixtures/build.ts";

// A text layer (not an annotation, which the build would move below the plot) beside the last bar
const ending = (text: string) =>
  chart("exports", {
    layer: [
      { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null } } },
      { mark: { type: "text", align: "left", dx: 12 }, encoding: { x: { field: "year", type: "ordinal", aggregate: "max" }, y: { field: "exports", type: "quantitative", aggregate: "max" }, text: { value: text } } },
    ],
  });

describe("text-clipped", () => {
  it("finds text running past the edge of the chart, and by how much", async () => {
    const [finding, ...more] = of(await lint(ending("Highest in the series so far"), [exports], { widths: [320], themes: [light] }), "text-clipped");
    expect(more).toEqual([]);
    expect(finding).toMatchObject({ element: 'label "Highest in the series so far"', threshold: "within the chart" });
    const by = Number(/^([\d.]+) px past the right$/.exec(finding!.measured)![1]);
    expect(by).toBeGreaterThan(0.5);
    expect(finding!.message).toBe(message.textClipped('label "Highest in the series so far"', "right", by));
  });

  it("passes text within the chart", async () => {
    expect(of(await lint(ending("Peak"), [exports], { widths: [320], themes: [light] }), "text-clipped")).toEqual([]);
  });
});
