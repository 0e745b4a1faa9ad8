import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { contrast, dark, light } from "@charts/theme";
import { bars, chart, exports, lint, of } from "../fixtures/build.ts";

describe("text-contrast", () => {
  it("finds text under 4.5:1 on the page, light and dark", async () => {
    // a label colour the plot writes: 2.32:1 on white; dark mode moves it to the 3:1 of a mark (themeColor), still short for text
    const faint = bars({ encoding: { x: { field: "year", type: "ordinal", title: null, axis: { labelColor: "#aaaaaa" } }, y: { field: "exports", type: "quantitative", title: null } } });
    const findings = of(await lint(faint, [exports], { widths: [320] }), "text-contrast");
    const labels = '4 axis labels ("2019", "’20", "’21", …)';
    const ratio = contrast("#aaaaaa", "#ffffff");
    expect(findings.map((f) => [f.variants, f.element, f.measured, f.threshold])).toEqual([
      [["default"], labels, `${ratio.toFixed(2)}:1`, "≥ 4.5:1"],
      [["dark"], labels, expect.stringMatching(/^3\.\d\d:1$/), "≥ 4.5:1"],
    ]);
    expect(findings[0]!.message).toBe(message.textContrastLow(labels, "#aaaaaa", "#ffffff", ratio, 4.5));
    expect(findings[1]!.message).toContain(`on ${dark.colors.background.toLowerCase()}`);
  });

  it("reads a label inside a bar against the bar, with the bar's opacity composited", async () => {
    // dark grey on the house blue: 2.4:1; on a bar at 35% the same grey passes
    const inside = (opacity: number) =>
      chart("exports", {
        layer: [
          { mark: { type: "bar", width: 60, opacity }, encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null } } },
          { mark: { type: "text", color: "#333333", dy: 20 }, encoding: { x: { field: "year", type: "ordinal" }, y: { field: "exports", type: "quantitative" }, text: { field: "exports", type: "quantitative" } } },
        ],
      });
    const [solid] = of(await lint(inside(1), [exports], { widths: [600], themes: [light] }), "text-contrast");
    expect(solid?.message).toContain("in #333333 on #0072b2");
    expect(of(await lint(inside(0.35), [exports], { widths: [600], themes: [light] }), "text-contrast")).toEqual([]);
  });

  it("passes the house's text, light and dark", async () => {
    expect(of(await lint(bars(), [exports], { themes: [light, dark] }), "text-contrast")).toEqual([]);
  });
});
