// What a text or mark is seen against: the page, or the filled bars and bands
// drawn before it that hold it whole, composited in the order they were drawn,
// each with its opacity, as a browser blends them (in sRGB).
import { color } from "d3-color";
import type { Scene, SceneMark } from "@charts/render";
import { inside, type Box } from "@charts/render";

/**
 * A CSS colour as `#rrggbb`, or undefined for none or one that does not parse
 * (a gradient). Vega writes what the spec wrote: `#0072B2`, `red`, `rgb(…)`.
 */
export function hexOf(css: string | undefined): string | undefined {
  if (!css) return undefined;
  const parsed = color(css);
  return parsed && parsed.opacity > 0 ? parsed.formatHex() : undefined;
}

/**
 * `fill` at `opacity` over `under`, as drawn.
 * @example composite("#0072b2", 0.35, "#ffffff") // "#a6c8e0"
 */
export function composite(fill: string, opacity: number, under: string): string {
  const a = color(fill)!.rgb();
  const b = color(under)!.rgb();
  const mix = (x: number, y: number) => Math.round(x * opacity + y * (1 - opacity));
  return color(`rgb(${mix(a.r, b.r)}, ${mix(a.g, b.g)}, ${mix(a.b, b.b)})`)!.formatHex();
}

/**
 * The colour behind `box`: the page, under every filled rect of the scene
 * (a bar, a shaded range) that holds the box whole, in drawing order, up to
 * `before` (a mark is seen against what was drawn before it; text is drawn
 * after the marks). Other shapes' bounds are not their outline, so only rects count.
 */
export function backdropOf(box: Box, scene: Scene, before?: SceneMark): string {
  let backdrop = hexOf(scene.background) ?? "#ffffff";
  for (const mark of scene.marks) {
    if (mark === before) break;
    const fill = hexOf(mark.fill);
    if (mark.type !== "rect" || !fill || !inside(box, mark)) continue;
    backdrop = composite(fill, mark.opacity, backdrop);
  }
  return backdrop;
}
