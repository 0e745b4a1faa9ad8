import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import type { Scene, TextBox } from "@charts/render";
import { assertLintPasses, DEFAULT_SETTINGS, lintChart, lintErrors, lintWarnings, readLintSettings, RULE_NAMES, type Finding, type LintChart, type LintVariant } from "../src/index.ts";
import { bars, exports, sources } from "./fixtures/build.ts";

const file = "charts/test-chart.chart.json";
const datasets = new Map([["exports", exports]]);
const scene: Scene = { background: "#ffffff", plot: { x1: 40, y1: 60, x2: 300, y2: 260 }, marks: [], axes: [], scales: [] };
const text = (role: string, words: string, x1: number, y1: number, more: Partial<TextBox> = {}): TextBox => ({ text: words, role, x1, y1, x2: x1 + 8 * words.length, y2: y1 + 13, fontSize: 13, fontWeight: 400, fill: "#333333", opacity: 1, ...more });
const variant = (name: string, boxes: TextBox[], theme: "light" | "dark" = "light"): LintVariant => ({ name, theme, width: 320, height: 300, boxes, scene, warnings: [] });
const words = [text("headline", "A finding", 16, 10), text("source", "Source: Wire Agency", 16, 280)];
const built = (variants: LintVariant[]): LintChart => ({ slug: "test-chart", headline: "A finding", dek: "Exports, US$ billion", alt: "Bars of exports.", source: "Source: Wire Agency", locale: "en-GB", variants });

describe("lintChart(chart, options)", () => {
  it("runs every rule on every variant and names the chart, file, rule and variants of each finding", () => {
    const small = text("axis-label", "2019", 100, 262, { fontSize: 10 });
    const findings = lintChart(built([variant("320", [...words, small]), variant("600", words)]), { definition: bars(), file, datasets, sources });
    expect(findings).toEqual([
      { chart: "test-chart", file, variants: ["320"], rule: "text-size", severity: "error", element: 'axis label "2019"', measured: "10 px", threshold: "≥ 12 px", message: message.textTooSmall('axis label "2019"', 10, 12) },
    ]);
  });

  it("makes a finding of several variants one, and one of every variant `all`", () => {
    const small = text("axis-label", "2019", 100, 262, { fontSize: 10 });
    const [some] = lintChart(built([variant("320", [...words, small]), variant("320-dark", [...words, small], "dark"), variant("600", words)]), { definition: bars(), file, datasets, sources });
    expect(some!.variants).toEqual(["320", "320-dark"]);
    const [all] = lintChart(built([variant("320", [...words, small]), variant("600", [...words, small])]), { definition: bars(), file, datasets, sources });
    expect(all!.variants).toEqual(["all"]);
  });

  it("takes each rule's severity and thresholds from the settings, and runs no rule that is off", () => {
    const small = text("axis-label", "2019", 100, 262, { fontSize: 11 });
    const chart = built([variant("320", [...words, small])]);
    const lint = (config: unknown) => lintChart(chart, { definition: bars(), file, datasets, sources, settings: readLintSettings(config, "charts.config.json") });
    expect(lint({ "text-size": "warning" }).map((f) => [f.rule, f.severity])).toEqual([["text-size", "warning"]]);
    expect(lint({ "text-size": { min: 11 } })).toEqual([]);
    expect(lint({ "text-size": "off" })).toEqual([]);
  });

  it("keeps a waived finding with its reason, and refuses a waiver of no rule", () => {
    const small = text("axis-label", "2019", 100, 262, { fontSize: 10 });
    const chart = built([variant("320", [...words, small])]);
    const [waived] = lintChart(chart, { definition: bars({}, { lint: { waive: { "text-size": "the print edition's agate type" } } }), file, datasets, sources });
    expect(waived).toMatchObject({ rule: "text-size", waived: "the print edition's agate type" });
    expect(lintErrors([waived!])).toEqual([]);
    expect(() => lintChart(chart, { definition: bars({}, { lint: { waive: { "text-sise": "typo" } } }), file, datasets, sources })).toThrow(
      new ChartsError(message.invalid(message.expectedLintRule(RULE_NAMES), "text-sise"), { file, field: "lint.waive.text-sise" }),
    );
  });
});

describe("assertLintPasses(findings)", () => {
  const finding = (rule: string, severity: Finding["severity"], more: Partial<Finding> = {}): Finding => ({ chart: "c", file, variants: ["320"], rule, severity, element: "e", measured: "m", threshold: "t", message: `${rule} went wrong`, ...more });

  it("passes warnings and waived errors", () => {
    expect(() => assertLintPasses([finding("dual-axis", "warning"), finding("bar-baseline", "error", { waived: "index chart" })])).not.toThrow();
    expect(lintWarnings([finding("dual-axis", "warning"), finding("alt-drafted", "warning", { waived: "x" })]).map((f) => f.rule)).toEqual(["dual-axis"]);
  });

  it("throws one error placed in the definition, naming the first error and the count", () => {
    const errors = [finding("text-overlap", "error"), finding("dual-axis", "warning"), finding("mark-contrast", "error", { variants: ["all"] }), finding("text-size", "error")];
    expect(() => assertLintPasses(errors)).toThrow(new ChartsError(message.lintFailed("text-overlap (320): text-overlap went wrong", 3), { file }));
    expect(message.lintFailed("x", 3)).toBe("x (and 2 more lint errors: pnpm charts lint lists them)");
    expect(message.lintFailed("x", 1)).toBe("x");
  });
});

describe("DEFAULT_SETTINGS", () => {
  it("has every rule at its documented default", () => {
    const severities = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([rule, { severity }]) => [rule, severity]));
    expect(severities).toEqual({
      "text-overlap": "error",
      "text-on-marks": "error",
      "text-clipped": "error",
      "label-truncated": "error",
      "axis-label-spacing": "error",
      "text-size": "error",
      "text-contrast": "error",
      "mark-contrast": "error",
      "color-vision": "error",
      "bar-baseline": "error",
      "truncated-axis": "error",
      "dual-axis": "warning",
      "log-scale-note": "error",
      "parts-sum": "error",
      "source-line": "error",
      "alt-text": "error",
      "alt-drafted": "warning",
      numbers: "error",
      "vega-warning": "warning",
      "unused-waiver": "warning",
    });
    expect(DEFAULT_SETTINGS["text-size"]!.options).toEqual({ min: 12 });
    expect(DEFAULT_SETTINGS["text-contrast"]!.options).toEqual({ normal: 4.5, large: 3 });
    expect(DEFAULT_SETTINGS["mark-contrast"]!.options).toEqual({ min: 3 });
    expect(DEFAULT_SETTINGS["color-vision"]!.options).toEqual({ min: 10 });
    expect(DEFAULT_SETTINGS["axis-label-spacing"]!.options).toEqual({ min: 4 });
  });
});
