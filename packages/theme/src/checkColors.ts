// The colour checks every theme is held to, as data a test or the linter can
// read: WCAG contrast with the page for text (4.5:1, large text 3:1) and for
// what a reader needs to see (marks, axes, the muted context: 3:1), and
// distance between colours that must be told apart, with normal vision and
// under simulated protanopia and deuteranopia (Machado et al. 2009).
import { colorDistance, contrast, MARK_CONTRAST, textContrast, type Deficiency } from "./color.ts";
import type { Theme } from "./types.ts";

/** Categories must stay apart by this much CIEDE2000 with normal vision... */
export const MIN_DISTANCE = 20;
/** ...and this much for a reader with protanopia or deuteranopia. */
export const MIN_DISTANCE_CVD = 10;

const VISIONS: Array<Deficiency | "normal"> = ["normal", "deuteranopia", "protanopia"];

/**
 * Every way `theme`'s colours fall short, one line each (empty when none):
 *
 *   categorical[4] #E69F00 has 2.25:1 on #ffffff, under 3:1
 *   categorical[1] #D55E00 and categorical[4] #E69F00 are 8.1 apart under protanopia, under 10
 *
 * @example checkColors(dark) // []
 */
export function checkColors(theme: Theme): string[] {
  const problems: string[] = [];
  const page = theme.colors.background;
  const need = (what: string, color: string, min: number) => {
    const ratio = contrast(color, page);
    if (ratio < min) problems.push(`${what} ${color} has ${ratio.toFixed(2)}:1 on ${page}, under ${min}:1`);
  };
  for (const [role, style] of Object.entries(theme.text)) need(`${role} text`, style.color, textContrast(style));
  theme.colors.categorical.forEach((color, i) => need(`categorical[${i}]`, color, MARK_CONTRAST));
  for (const role of ["highlight", "muted", "axis"] as const) need(role, theme.colors[role], MARK_CONTRAST);
  need("annotation", theme.colors.annotation, textContrast(theme.text.annotation));

  const apart = (a: [string, string], b: [string, string]) => {
    for (const vision of VISIONS) {
      const min = vision === "normal" ? MIN_DISTANCE : MIN_DISTANCE_CVD;
      const distance = colorDistance(a[1], b[1], vision);
      if (distance < min) {
        problems.push(`${a[0]} ${a[1]} and ${b[0]} ${b[1]} are ${distance.toFixed(1)} apart ${vision === "normal" ? "with normal vision" : `under ${vision}`}, under ${min}`);
      }
    }
  };
  const palette = theme.colors.categorical.map((color, i): [string, string] => [`categorical[${i}]`, color]);
  for (let i = 0; i < palette.length; i++) for (let j = i + 1; j < palette.length; j++) apart(palette[i]!, palette[j]!);
  apart(["highlight", theme.colors.highlight], ["muted", theme.colors.muted]);
  return problems;
}
