import { adaptColor } from "./adaptColor.ts";
import { MARK_CONTRAST, textContrast } from "./color.ts";
import { light } from "./light.ts";
import type { Theme } from "./types.ts";

/** The page of dark mode: near-black, which glares less than pure black and still leaves room for contrast. */
export const DARK_BACKGROUND = "#121212";

/**
 * A theme's dark mode, derived colour by colour (adaptColor): greys keep their
 * contrast with the page, floored at 4.5:1 for text (3:1 large) and 3:1 for
 * marks, axes and the muted context; categories and the highlight keep their
 * colour where it has 3:1 on the dark page; gridlines and shaded ranges, which
 * only support, keep their (low) contrast. Type, spacing and frames are the
 * theme's, so a chart's dark variant has the layout of its light one.
 * `derivedFrom` records the light page, so colours a definition writes are
 * adapted the same way (themeColor).
 *
 * @example const dark = deriveDark(light)
 */
export function deriveDark(theme: Theme, background = DARK_BACKGROUND): Theme {
  const from = theme.colors.background;
  const adapt = (color: string, min: number) => adaptColor(color, { from, to: background, min });
  const text = Object.fromEntries(
    Object.entries(theme.text).map(([role, style]) => [role, { ...style, color: adapt(style.color, textContrast(style)) }]),
  ) as Theme["text"];
  const { colors } = theme;
  return {
    ...theme,
    name: "dark",
    derivedFrom: from,
    text,
    colors: {
      background,
      categorical: colors.categorical.map((color) => adapt(color, MARK_CONTRAST)),
      highlight: adapt(colors.highlight, MARK_CONTRAST),
      muted: adapt(colors.muted, MARK_CONTRAST),
      grid: adapt(colors.grid, 1),
      axis: adapt(colors.axis, MARK_CONTRAST),
      range: adapt(colors.range, 1),
      // annotation text is drawn in this colour at the annotation size
      annotation: adapt(colors.annotation, textContrast(theme.text.annotation)),
    },
  };
}

/** The house style on a near-black page, derived from `light` (deriveDark). */
export const dark: Theme = deriveDark(light);

/**
 * A colour a definition writes (for the light page) as `theme` draws it:
 * adapted to a derived theme's page (marks' 3:1), unchanged otherwise.
 *
 * @example themeColor(dark, "#0072B2") // "#0072B2": 3.6:1 on the dark page already
 * @example themeColor(dark, "#333333") // a light grey
 */
export function themeColor(theme: Theme, color: string): string {
  if (!theme.derivedFrom) return color;
  return adaptColor(color, { from: theme.derivedFrom, to: theme.colors.background, min: MARK_CONTRAST });
}
