import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { bars, chart, exports, lint, of, partners } from "../fixtures/build.ts";

const only = { widths: [320], themes: [light] };

describe("bar-baseline", () => {
  it("finds bars on a value axis without zero", async () => {
    const narrowed = bars({ encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null, stack: null, scale: { zero: false } } } });
    const [finding, ...more] = of(await lint(narrowed, [exports], only), "bar-baseline");
    expect(more).toEqual([]);
    expect(finding!.measured).toMatch(/^axis from [1-9]\d* to \d+$/);
    expect(finding!.message).toBe(message.axisWithoutZero(finding!.element, ...(/^axis from (\d+) to (\d+)$/.exec(finding!.measured)!.slice(1) as [string, string])));
  });

  it("finds bars drawn from another value than zero, an index chart's 100 or a y2 of 40", async () => {
    const from40 = chart("exports", { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null }, y2: { datum: 40 } } });
    const findings = of(await lint(from40, [exports], only), "bar-baseline");
    expect(findings.map((f) => [f.element, f.measured])).toEqual([
      ["bar (year 2019, exports 30)", "starts at 30"],
      ["bar (year 2020, exports 42)", "starts at 40"],
      ["bar (year 2021, exports 55)", "starts at 40"],
      ["bar (year 2022, exports 61)", "starts at 40"],
    ]);
    expect(findings[1]!.message).toBe(message.barOffZero("bar (year 2020, exports 42)", "40"));
  });

  it("shows a waived finding with its reason, which does not count", async () => {
    const from40 = chart("exports", { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null }, y2: { datum: 40 } } }, { lint: { waive: { "bar-baseline": "change from the 2015 level of $40bn" } } });
    const findings = of(await lint(from40, [exports], only), "bar-baseline");
    expect(findings).toHaveLength(4);
    for (const finding of findings) expect(finding).toMatchObject({ severity: "error", waived: "change from the 2015 level of $40bn" });
  });

  it("passes bars from zero, up, across (horizontal), and over quantitative years", async () => {
    expect(of(await lint(bars(), [exports]), "bar-baseline")).toEqual([]);
    const across = chart("partners", { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "trade", type: "quantitative" } } });
    expect(of(await lint(across, [partners]), "bar-baseline")).toEqual([]);
    const years = chart("exports", { mark: { type: "bar", width: 20 }, encoding: { x: { field: "year", type: "quantitative", scale: { domain: [2018, 2023] } }, y: { field: "exports", type: "quantitative" } } });
    expect(of(await lint(years, [exports]), "bar-baseline")).toEqual([]);
  });
});
