import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { colorDistance, dark, light } from "@charts/theme";
import { chart, dataset, lint, of, partners } from "../fixtures/build.ts";

const coloured = (range?: string[]) =>
  chart("partners", { mark: "bar", encoding: { y: { field: "partner", type: "nominal", title: null }, x: { field: "trade", type: "quantitative", title: null }, color: { field: "partner", type: "nominal", legend: null, ...(range ? { scale: { range } } : {}) } } });

describe("color-vision", () => {
  it("finds two categories a reader with deuteranopia cannot tell apart, naming them by their colour and rows", async () => {
    // vermilion and a darkened orange: 26 apart with normal vision, 4.8 under deuteranopia
    const findings = of(await lint(coloured(["#D55E00", "#c68800", "#0072B2"]), [partners], { widths: [320], themes: [light] }), "color-vision");
    const distance = colorDistance("#d55e00", "#c68800", "deuteranopia");
    // the scale gives the categories in order: China, Russia, United States
    expect(findings.map((f) => [f.element, f.measured, f.threshold])).toEqual([["#d55e00 (China) and #c68800 (Russia)", `${distance.toFixed(1)} (deuteranopia)`, "≥ 10"]]);
    expect(findings[0]!.message).toBe(message.coloursConfused("#d55e00 (China)", "#c68800 (Russia)", "deuteranopia", distance, 10));
  });

  it("finds colours close under tritanopia, which the theme's own check does not simulate", async () => {
    const findings = of(await lint(coloured(["#009E73", "#399ed2", "#D55E00"]), [partners], { widths: [320], themes: [light] }), "color-vision");
    expect(findings.map((f) => f.measured)).toEqual([`${colorDistance("#009e73", "#399ed2", "tritanopia").toFixed(1)} (tritanopia)`]);
  });

  it("passes the house palette and the highlight against the context, light and dark, and a continuous colour scale", async () => {
    expect(of(await lint(coloured(), [partners], { themes: [light, dark] }), "color-vision")).toEqual([]);
    const highlighted = chart("partners", { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "trade", type: "quantitative" } } }, { annotations: [{ type: "highlight", field: "partner", values: ["Russia"] }] });
    expect(of(await lint(highlighted, [partners], { themes: [light, dark] }), "color-vision")).toEqual([]);
    const heat = dataset("heat", [{ name: "x", type: "string" }, { name: "v", type: "number", unit: "%" }], ["a", "b", "c", "d", "e", "f"].map((x, i) => ({ x, v: 50 + i })));
    const shaded = chart("heat", { mark: "bar", encoding: { x: { field: "x", type: "nominal" }, y: { field: "v", type: "quantitative" }, color: { field: "v", type: "quantitative", legend: null } } });
    expect(of(await lint(shaded, [heat], { widths: [600], themes: [light] }), "color-vision")).toEqual([]);
  });
});
