// Checks every theme must pass; light.test.ts and dark.test.ts run them.
import { expect, it } from "vitest";
import { colorDistance, contrast } from "../src/color.ts";
import type { Theme } from "../src/types.ts";

/** Categories must stay apart by this much CIEDE2000 with normal vision... */
export const MIN_DISTANCE = 20;
/** ...and this much for a reader with protanopia or deuteranopia. */
export const MIN_DISTANCE_CVD = 10;

export function checkTheme(theme: Theme): void {
  const background = theme.colors.background;

  it.each(Object.entries(theme.text))("%s text has WCAG contrast for its size", (name, style) => {
    // WCAG large text: 24px, or 18.66px bold.
    const large = style.size >= 24 || (style.size >= 18.66 && style.weight >= 700);
    expect(contrast(style.color, background), name).toBeGreaterThanOrEqual(large ? 3 : 4.5);
  });

  it("draws annotations, axes and the highlight with graphic contrast (3:1)", () => {
    for (const key of ["annotation", "axis", "highlight"] as const) {
      expect(contrast(theme.colors[key], background), key).toBeGreaterThanOrEqual(3);
    }
    // Annotation text uses colors.annotation at the annotation size, so it needs text contrast.
    expect(contrast(theme.colors.annotation, background)).toBeGreaterThanOrEqual(4.5);
  });

  for (const vision of ["normal", "deuteranopia", "protanopia"] as const) {
    const min = vision === "normal" ? MIN_DISTANCE : MIN_DISTANCE_CVD;
    it(`keeps every pair of palette colours apart (${vision}, CIEDE2000 >= ${min})`, () => {
      const palette = theme.colors.categorical;
      for (let i = 0; i < palette.length; i++) {
        for (let j = i + 1; j < palette.length; j++) {
          expect(colorDistance(palette[i]!, palette[j]!, vision), `${palette[i]} vs ${palette[j]}`).toBeGreaterThanOrEqual(min);
        }
      }
    });

    it(`sets the highlight apart from the muted colour (${vision})`, () => {
      expect(colorDistance(theme.colors.highlight, theme.colors.muted, vision)).toBeGreaterThanOrEqual(min);
    });
  }

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
