// Checks every theme must pass; light.test.ts and dark.test.ts run them.
import { expect, it } from "vitest";
import { colorDistance } from "../src/color.ts";
import type { Theme } from "../src/types.ts";

export function checkTheme(theme: Theme): void {
  const background = theme.colors.background;

  it("has at least six categories and visible gridlines and ranges", () => {
    expect(theme.colors.categorical.length).toBeGreaterThanOrEqual(6);
    expect(new Set(theme.colors.categorical.map((c) => c.toLowerCase())).size).toBe(theme.colors.categorical.length);
    // Light but not invisible: a gridline must differ from the page.
    expect(colorDistance(theme.colors.grid, background)).toBeGreaterThan(5);
    expect(colorDistance(theme.colors.range, background)).toBeGreaterThan(3);
  });

  it("uses the bundled family in its three weights", () => {
    expect(theme.fontFamily).toBe("Source Sans 3");
    const weights = new Set(Object.values(theme.text).map((s) => s.weight));
    for (const w of weights) expect([400, 600, 700]).toContain(w);
    expect(theme.text.headline.weight).toBe(700);
    expect(theme.text.headline.size).toBeGreaterThan(theme.text.dek.size);
  });
}
