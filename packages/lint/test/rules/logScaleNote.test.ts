import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { chart, exports, lint, of } from "../fixtures/build.ts";

const logBars = (words: Record<string, string>) =>
  chart("exports", { mark: "point", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "exports", type: "quantitative", title: null, scale: { type: "log" } } } }, words);

describe("log-scale-note", () => {
  it("finds a log scale that no word of the chart mentions", async () => {
    const findings = of(await lint(logBars({ dek: "Exports, US$ billion" }), [exports], { widths: [320], themes: [light] }), "log-scale-note");
    expect(findings.map((f) => f.element)).toEqual(["the left axis (log scale)"]);
    expect(findings[0]!.message).toBe(message.logScaleUnsaid("the left axis (log scale)"));
  });

  it("passes a log scale the dek or the notes mention, in English or French", async () => {
    expect(of(await lint(logBars({ dek: "Exports, US$ billion (log scale)" }), [exports], { widths: [320], themes: [light] }), "log-scale-note")).toEqual([]);
    expect(of(await lint(logBars({ notes: "Échelle logarithmique." }), [exports], { widths: [320], themes: [light] }), "log-scale-note")).toEqual([]);
  });
});
