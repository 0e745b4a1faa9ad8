import { describe, expect, it } from "vitest";
import { contrast } from "../src/color.ts";
import { checkColors } from "../src/checkColors.ts";
import { dark, deriveDark, themeColor } from "../src/dark.ts";
import { light } from "../src/light.ts";
import type { Theme } from "../src/types.ts";
import { checkTheme } from "./checkTheme.ts";

describe("dark", () => {
  checkTheme(dark);

  it("passes every colour check: 4.5:1 for text, 3:1 for marks, categories apart under CVD", () => {
    expect(checkColors(dark)).toEqual([]);
    for (const style of Object.values(dark.text)) expect(contrast(style.color, dark.colors.background)).toBeGreaterThanOrEqual(4.5);
    for (const color of [...dark.colors.categorical, dark.colors.highlight, dark.colors.muted, dark.colors.axis]) {
      expect(contrast(color, dark.colors.background), color).toBeGreaterThanOrEqual(3);
    }
  });

  it("keeps the type, spacing and frames of light, so a dark variant has the light one's layout", () => {
    expect(dark.spacing).toEqual(light.spacing);
    expect(dark.frames).toEqual(light.frames);
    expect(Object.fromEntries(Object.entries(dark.text).map(([k, s]) => [k, { ...s, color: "" }]))).toEqual(
      Object.fromEntries(Object.entries(light.text).map(([k, s]) => [k, { ...s, color: "" }])),
    );
  });
});

describe("deriveDark(theme, background)", () => {
  it("keeps each grey's contrast with the page, so the emphasis of the light theme survives", () => {
    // headline strongest, dek next, notes quieter, gridlines barely there: the same order on the dark page
    const on = (theme: Theme, color: string) => contrast(color, theme.colors.background);
    expect(on(dark, dark.text.headline.color)).toBeGreaterThan(on(dark, dark.text.dek.color));
    expect(on(dark, dark.text.dek.color)).toBeGreaterThan(on(dark, dark.text.notes.color));
    expect(on(dark, dark.text.notes.color)).toBeCloseTo(on(light, light.text.notes.color), 1);
    expect(on(dark, dark.colors.grid)).toBeCloseTo(on(light, light.colors.grid), 1);
    // the muted grey has the 3:1 a mark needs on white, and keeps it
    expect(on(light, light.colors.muted)).toBeGreaterThanOrEqual(3);
    expect(on(dark, dark.colors.muted)).toBeGreaterThanOrEqual(3);
    expect(on(dark, dark.colors.muted)).toBeLessThan(3.1);
  });

  it("keeps the categories and the highlight, which pass on the dark page, for the same series in both modes", () => {
    expect(dark.colors.categorical).toEqual(light.colors.categorical);
    expect(dark.colors.highlight).toBe(light.colors.highlight);
    expect(dark.derivedFrom).toBe(light.colors.background);
  });

  it("lifts a category that would fall under 3:1 on another page", () => {
    const navy = { ...light, colors: { ...light.colors, categorical: ["#1f2a6b", ...light.colors.categorical.slice(1)] } };
    const derived = deriveDark(navy);
    expect(contrast(light.colors.background, "#1f2a6b")).toBeGreaterThan(3);
    expect(contrast(derived.colors.categorical[0]!, derived.colors.background)).toBeGreaterThanOrEqual(3);
    expect(derived.colors.categorical[0]).not.toBe("#1f2a6b");
  });
});

describe("themeColor(theme, color)", () => {
  it("adapts a colour a definition writes to a derived theme's page, and leaves it in the theme it was written for", () => {
    expect(themeColor(light, "#333333")).toBe("#333333");
    expect(contrast(themeColor(dark, "#333333"), dark.colors.background)).toBeCloseTo(contrast("#333333", "#ffffff"), 1);
    expect(themeColor(dark, "#0072B2")).toBe("#0072B2");
  });
});
