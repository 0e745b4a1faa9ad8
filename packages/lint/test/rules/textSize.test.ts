import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { readLintSettings } from "../../src/index.ts";
import { bars, exports, lint, of } from "../fixtures/build.ts";

const small = bars({ encoding: { x: { field: "year", type: "ordinal", title: null, axis: { labelFontSize: 10 } }, y: { field: "exports", type: "quantitative", title: null } } });

describe("text-size", () => {
  it("finds text under 12 px, the labels of one size as one finding", async () => {
    const findings = of(await lint(small, [exports], { widths: [320], themes: [light] }), "text-size");
    expect(findings.map((f) => [f.element, f.measured, f.threshold])).toEqual([['4 axis labels ("2019", "’20", "’21", …)', "10 px", "≥ 12 px"]]);
    expect(findings[0]!.message).toBe(message.textTooSmall('4 axis labels ("2019", "’20", "’21", …)', 10, 12));
  });

  it("passes the house's type, and takes the desk's minimum", async () => {
    expect(of(await lint(bars(), [exports]), "text-size")).toEqual([]);
    const settings = readLintSettings({ "text-size": { min: 14 } }, "charts.config.json");
    const roles = of(await lint(bars(), [exports], { widths: [320], themes: [light], settings }), "text-size").map((f) => f.element.replace(/ \(.*| ".*/, ""));
    // the 13 px axis labels, source line and byline; the 16 px dek and 22 px headline pass
    expect(roles.sort()).toEqual(["11 axis labels", "byline", "source line"]);
  });
});
