// Dark mode after Datawrapper's automatic dark mode: a grey keeps its contrast
// with the page. A light grey that barely stands out on white becomes a dark
// grey that barely stands out on near-black; a dark headline becomes a light
// one; so what was quiet stays quiet and what stood out still does. Contrast is
// WCAG's, which depends on relative luminance only, and in CIE L*a*b*
// luminance depends on L* only: the colour is found by setting L* for the
// wanted contrast and keeping a* and b* (hue and chroma), with chroma lowered
// only as far as the colour must to stay in sRGB.
//
// A colour with a hue (a category, the highlight) is kept as it is when it
// passes the minimum on the new page, and only lightened (or darkened) along L*
// until it does: the reader sees the same colour for the same series in both
// modes, and the palette keeps the separation it was chosen for under
// colour-vision deficiencies (Datawrapper's pure inversion turns Okabe-Ito's
// orange into a brown that protanopes cannot tell from its vermilion).
import { contrast, fromLab, linearRgb, luminance, toHex, toLab, type Rgb } from "./color.ts";

export interface InvertOptions {
  /** The page the colour was chosen for, e.g. `#ffffff`. */
  from: string;
  /** The page it is drawn on now, e.g. `#121212`. */
  to: string;
  /** Least WCAG contrast with `to`: 4.5 for text, 3 for marks and large text, 1 (default) to keep the original. */
  min?: number;
}

/**
 * The colour on the `to` page that has the contrast `color` had on the `from`
 * page (at least `min`, at most what the page allows), with the same hue.
 *
 * @example invertColor("#121212", { from: "#ffffff", to: "#121212" }) // near-white
 * @example invertColor("#E69F00", { from: "#ffffff", to: "#121212", min: 3 }) // orange, 3:1 on the dark page
 */
export function invertColor(color: string, { from, to, min = 1 }: InvertOptions): string {
  const target = Math.min(Math.max(contrast(color, from), min), mostContrast(to));
  const [, a, b] = toLab(linearRgb(color));
  return withContrast(target, to, a, b, Math.min(min, mostContrast(to)));
}

/** Below this CIE chroma a colour counts as a grey. */
export const GREY_CHROMA = 12;

/**
 * The colour for the `to` page: a grey by invertColor; a colour with a hue
 * unchanged if it has `min` contrast with `to`, else moved along L* until it has.
 *
 * @example adaptColor("#949494", { from: "#ffffff", to: "#121212", min: 3 }) // a grey with 3:1 on the dark page
 * @example adaptColor("#D55E00", { from: "#ffffff", to: "#121212", min: 3 }) // "#D55E00": 4.8:1 there already
 */
export function adaptColor(color: string, options: InvertOptions): string {
  const [, a, b] = toLab(linearRgb(color));
  if (Math.hypot(a, b) < GREY_CHROMA) return invertColor(color, options);
  const { to, min = 1 } = options;
  if (contrast(color, to) >= min) return color;
  const target = Math.min(min, mostContrast(to));
  return withContrast(target, to, a, b, target);
}

/** Whether text and marks on `page` are lighter than it (a dark page) rather than darker. */
function isDarkPage(page: string): boolean {
  // at 0.18 white and black have the same contrast with the page
  return luminance(page) < 0.18;
}

/** The most contrast anything can have with `page`: white on a dark page, black on a light one. */
function mostContrast(page: string): number {
  const y = luminance(page);
  return isDarkPage(page) ? 1.05 / (y + 0.05) : (y + 0.05) / 0.05;
}

/**
 * The colour of hue (a*, b*) with `target` contrast on `page`, lighter than a
 * dark page, darker than a light one; 8-bit rounding can cost a little
 * contrast, so it moves away from the page in small steps until it has `floor`.
 */
function withContrast(target: number, page: string, a: number, b: number, floor: number): string {
  const y = luminance(page);
  const dark = isDarkPage(page);
  let lightness = lightnessFor(dark ? target * (y + 0.05) - 0.05 : (y + 0.05) / target - 0.05);
  let hex = inGamut(lightness, a, b);
  while (contrast(hex, page) < floor && lightness > 0 && lightness < 100) {
    lightness = dark ? Math.min(100, lightness + 0.1) : Math.max(0, lightness - 0.1);
    hex = inGamut(lightness, a, b);
  }
  return hex;
}

/** CIE L* of a relative luminance Y (0..1). */
function lightnessFor(y: number): number {
  const t = Math.max(0, y);
  return t > (6 / 29) ** 3 ? 116 * Math.cbrt(t) - 16 : (116 * t) / (3 * (6 / 29) ** 2);
}

/** The colour of lightness L* and hue (a*, b*), its chroma scaled down until it lies in sRGB. */
function inGamut(lightness: number, a: number, b: number): string {
  const inside = (rgb: Rgb) => rgb.every((c) => c >= -1e-9 && c <= 1 + 1e-9);
  const at = (k: number) => fromLab([lightness, a * k, b * k]);
  if (inside(at(1))) return toHex(at(1));
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 30; i++) {
    const mid = (lo + hi) / 2;
    if (inside(at(mid))) lo = mid;
    else hi = mid;
  }
  return toHex(at(lo));
}
