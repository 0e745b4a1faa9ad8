import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { bars, chart, exports, lint, of } from "../fixtures/build.ts";

const capped = (max: number, mark: string = "bar") =>
  chart("exports", { mark, encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null, scale: { domain: [0, max] } } } });

describe("truncated-axis", () => {
  it("finds bars drawn past the top of the plot where the axis stops short of them", async () => {
    const findings = of(await lint(capped(50), [exports], { widths: [320], themes: [light] }), "truncated-axis");
    expect(findings.map((f) => f.element)).toEqual(["bar (year 2021, exports 55)", "bar (year 2022, exports 61)"]);
    const by = Number(/^([\d.]+) px past the top$/.exec(findings[1]!.measured)![1]);
    expect(findings[1]!.message).toBe(message.markPastAxis("bar (year 2022, exports 61)", "top", by));
  });

  it("finds a point past the axis by its centre, and passes an axis that holds the data", async () => {
    const findings = of(await lint(capped(50, "point"), [exports], { widths: [320], themes: [light] }), "truncated-axis");
    expect(findings.map((f) => f.element)).toEqual(["point (year 2021, exports 55)", "point (year 2022, exports 61)"]);
    expect(of(await lint(capped(70), [exports]), "truncated-axis")).toEqual([]);
    expect(of(await lint(bars(), [exports]), "truncated-axis")).toEqual([]);
  });
});
