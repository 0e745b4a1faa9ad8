import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { contrast, dark, light } from "@charts/theme";
import { bars, chart, dataset, exports, lint, of, partners } from "../fixtures/build.ts";

describe("mark-contrast", () => {
  it("finds bars under 3:1 on the page, the bars drawn alike as one finding, in the theme where they fall short", async () => {
    // Okabe-Ito's orange: 2.25:1 on white, lifted to 3:1 on the dark page
    const findings = of(await lint(bars({ mark: { type: "bar", color: "#E69F00" } }), [exports]), "mark-contrast");
    expect(findings.map((f) => [f.variants, f.element, f.measured])).toEqual([
      [["320", "default"], "4 bars (year 2019, exports 30; year 2020, exports 42; year 2021, exports 55; …)", `${contrast("#e69f00", "#ffffff").toFixed(2)}:1`],
    ]);
    expect(findings[0]!.message).toBe(message.markContrastLow(findings[0]!.element, "fill #e69f00", "#ffffff", contrast("#e69f00", "#ffffff"), 3));
  });

  it("finds a line too faint with its opacity composited, and passes it drawn solid", async () => {
    const line = (opacity: number) => chart("exports", { mark: { type: "line", opacity }, encoding: { x: { field: "year", type: "ordinal" }, y: { field: "exports", type: "quantitative" } } });
    expect(of(await lint(line(0.3), [exports], { widths: [320], themes: [light] }), "mark-contrast").map((f) => f.message)).toEqual([
      expect.stringMatching(/^line \(year 2019, exports 30\) in outline #0072b2 at 30% on #ffffff has 1\.\d\d:1 at best, under 3:1/),
    ]);
    expect(of(await lint(line(1), [exports], { themes: [light, dark] }), "mark-contrast")).toEqual([]);
  });

  it("passes derived bars on their outline, and context bars in the house's muted grey, light and dark", async () => {
    const derived = dataset("derived", exports.meta.columns, [{ year: 2019, exports: 30, $status: "derived", $note: "the sum of the months" }, { year: 2020, exports: 42 }]);
    expect(of(await lint(bars({}, { data: "derived" }), [derived], { themes: [light, dark] }), "mark-contrast")).toEqual([]);
    const highlighted = chart("partners", { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "trade", type: "quantitative" } } }, { annotations: [{ type: "highlight", field: "partner", values: ["Russia"] }] });
    expect(of(await lint(highlighted, [partners], { themes: [light, dark] }), "mark-contrast")).toEqual([]);
  });
});
