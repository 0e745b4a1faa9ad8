import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { readLintSettings } from "../../src/index.ts";
import { bars, exports, lint, of } from "../fixtures/build.ts";

const only = { widths: [320], themes: [light] };

describe("unused-waiver", () => {
  it("warns of a waiver whose rule finds nothing at any width or theme", async () => {
    const findings = of(await lint(bars({}, { lint: { waive: { "bar-baseline": "index chart starting at 100" } } }), [exports], only), "unused-waiver");
    expect(findings.map((f) => [f.severity, f.element, f.message])).toEqual([["warning", "lint.waive.bar-baseline", message.unusedWaiver("bar-baseline")]]);
  });

  it("passes a waiver in use, and one of a rule the desk switched off", async () => {
    const from40 = bars({ encoding: { x: { field: "year", type: "ordinal" }, y: { field: "exports", type: "quantitative" }, y2: { datum: 40 } } }, { lint: { waive: { "bar-baseline": "change from the 2015 level of $40bn" } } });
    expect(of(await lint(from40, [exports], only), "unused-waiver")).toEqual([]);
    const off = readLintSettings({ "bar-baseline": "off" }, "charts.config.json");
    const findings = await lint(from40, [exports], { ...only, settings: off });
    expect(of(findings, "unused-waiver")).toEqual([]);
    expect(of(findings, "bar-baseline")).toEqual([]);
  });
});
