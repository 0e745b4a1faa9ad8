import { light } from "./light.ts";
import type { TextStyle, Theme } from "./types.ts";

const recolor = (style: TextStyle, color: string): TextStyle => ({ ...style, color });

/**
 * The house style on a near-black page. Same type and spacing as `light`;
 * the palette leads with the Okabe-Ito colours that stay bright on dark.
 */
export const dark: Theme = {
  ...light,
  name: "dark",
  text: {
    headline: recolor(light.text.headline, "#F2F2F2"),
    dek: recolor(light.text.dek, "#D9D9D9"),
    notes: recolor(light.text.notes, "#A6A6A6"),
    source: recolor(light.text.source, "#A6A6A6"),
    axisLabel: recolor(light.text.axisLabel, "#A6A6A6"),
    axisTitle: recolor(light.text.axisTitle, "#B3B3B3"),
    legend: recolor(light.text.legend, "#D9D9D9"),
    annotation: recolor(light.text.annotation, "#D9D9D9"),
    valueLabel: recolor(light.text.valueLabel, "#D9D9D9"),
  },
  colors: {
    background: "#121212",
    categorical: ["#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00"],
    highlight: "#F5793A",
    muted: "#5C5C5C",
    grid: "#333333",
    axis: "#808080",
    range: "#262626",
    annotation: "#A6A6A6",
  },
};
