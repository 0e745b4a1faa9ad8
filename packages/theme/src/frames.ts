import type { Frame, Theme } from "./types.ts";

/**
 * The house frames. Continuous axes tick at most every 100 px across and
 * 60 px down at every width (so a narrow plot has fewer ticks). Below 480 px
 * (phones) a plot is square, years after the first are written ’14, category
 * labels wrap at 84 px, unordered categories run down the page as horizontal
 * bars, and category rows are taller for two-line labels. From 480 px the plot
 * is 9:16, up to 400 px tall, labels wrap at 140 px; from 800 px 1:2, up to
 * 480 px, labels wrap at 180 px.
 */
export const FRAMES: Frame[] = [
  {
    name: "narrow",
    minWidth: 0,
    aspect: 1,
    maxHeight: 400,
    row: 40,
    tickSpacing: { x: 100, y: 60 },
    shortYears: true,
    labelWidth: 84,
    horizontalBars: true,
  },
  {
    name: "medium",
    minWidth: 480,
    aspect: 9 / 16,
    maxHeight: 400,
    row: 32,
    tickSpacing: { x: 100, y: 60 },
    shortYears: false,
    labelWidth: 140,
    horizontalBars: false,
  },
  {
    name: "wide",
    minWidth: 800,
    aspect: 1 / 2,
    maxHeight: 480,
    row: 32,
    tickSpacing: { x: 100, y: 60 },
    shortYears: false,
    labelWidth: 180,
    horizontalBars: false,
  },
];

/**
 * The frame a chart `width` px wide is drawn in: the last whose minWidth it reaches.
 * @example frameFor(320).name // "narrow"
 */
export function frameFor(width: number, frames: readonly Frame[] = FRAMES): Frame {
  let found = frames[0];
  for (const frame of frames) if (width >= frame.minWidth) found = frame;
  if (!found) throw new Error("expected at least one frame in the theme");
  return found;
}

/**
 * The theme for a chart `width` px wide: its frame, and `width` as the width of
 * a chart whose definition gives none. Type sizes are the theme's at every width.
 *
 * @example vegaLiteConfig(themeAt(light, 320)) // fewer ticks
 */
export function themeAt(theme: Theme, width: number): Theme {
  return { ...theme, defaultWidth: width, frame: frameFor(width, theme.frames) };
}

/** The frame a theme draws in: the one themeAt set, else the frame of its default width. */
export function frameOf(theme: Theme): Frame {
  return theme.frame ?? frameFor(theme.defaultWidth, theme.frames);
}
