import { FRAMES } from "./frames.ts";
import type { TextStyle, Theme } from "./types.ts";

// Learnt from the FT, Reuters, The Economist and Datawrapper: one family in
// three weights, a dark headline, greys for everything that only supports the
// data, Okabe-Ito for categories (ordered so the first colours stay apart
// under deuteranopia and protanopia), and vermilion against grey for the one
// thing a chart is about.

const text = (size: number, weight: TextStyle["weight"], color: string, lineHeight = 1.3): TextStyle => ({
  size,
  weight,
  lineHeight,
  color,
});

/** The house style on a white page; the default for print and web. */
export const light: Theme = {
  name: "light",
  fontFamily: "Source Sans 3",
  text: {
    headline: text(22, 700, "#121212", 1.2),
    dek: text(16, 400, "#333333", 1.35),
    notes: text(13, 400, "#595959"),
    source: text(13, 400, "#595959"),
    axisLabel: text(13, 400, "#666666", 1.2),
    axisTitle: text(13, 600, "#595959", 1.2),
    legend: text(13, 400, "#333333", 1.2),
    annotation: text(13, 400, "#333333", 1.25),
    valueLabel: text(13, 600, "#333333", 1.2),
  },
  colors: {
    background: "#ffffff",
    // Okabe & Ito (2008): blue, vermilion, bluish green, reddish purple, orange, sky blue.
    categorical: ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"],
    highlight: "#D55E00",
    // the lightest grey with 3:1 on white: context bars carry figures a reader needs to see (WCAG 1.4.11)
    muted: "#949494",
    grid: "#E5E5E5",
    axis: "#8C8C8C",
    range: "#EBEBEB",
    annotation: "#595959",
  },
  spacing: { padding: 16, headerGap: 12, footerGap: 12, dekGap: 4 },
  defaultWidth: 640,
  frames: FRAMES,
};
