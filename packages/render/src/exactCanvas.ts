// Vega measures text through a 2D canvas context when it has one, and then
// uses the same measurement for bounds, layout, label overlap and truncation
// (`limit`, with an ellipsis). In Node without node-canvas (which clashes with
// sharp) it only estimates 0.8 x characters x size. This stand-in context
// gives Vega exact harfbuzz widths of the bundled font instead, so every one of
// those paths is exact and consistent. Vega creates its context once, when
// vega-scenegraph is first evaluated (see loadVega).
import { faceFor, firstFamily, houseFamily, measureText } from "@charts/fonts";

/** Families measured and drawn with the house face: fontconfig maps the generic sans-serif to it. */
export const HOUSE_ALIASES = new Set([houseFamily.toLowerCase(), "sans-serif"]);

export interface ParsedFont {
  style: string;
  weight: string;
  size: number;
  family: string;
}

// CSS font shorthand as Vega writes it: [style] [variant] [weight] <size>px <family>
const FONT = /^\s*(?:(normal|italic|oblique)\s+)?(?:(normal|small-caps)\s+)?(?:(normal|bold|bolder|lighter|\d+)\s+)?([\d.]+)px\s+(.+)$/;

/** Parses Vega's CSS font string, e.g. `italic bold 13px Source Sans 3`. */
export function parseCssFont(font: string): ParsedFont | undefined {
  const match = FONT.exec(font);
  if (!match) return undefined;
  return { style: match[1] ?? "normal", weight: match[3] ?? "normal", size: Number(match[4]), family: match[5]!.trim() };
}

/** True for a family list whose first family is drawn with the house face. */
export function isHouseFamily(family: string | undefined): boolean {
  return family === undefined || HOUSE_ALIASES.has(firstFamily(family).toLowerCase());
}

/** Exact width of `text` in a Vega font; families that are not the house face are measured as it and rejected after rendering. */
export function measureCss(text: string, font: string): number {
  const parsed = parseCssFont(font);
  if (!parsed) return 0;
  const { style, weight, size } = parsed;
  try {
    faceFor({ weight, style });
  } catch {
    // a face that is not bundled (bold italic): the check after rendering names it
    return measureText(text, { size, weight });
  }
  return measureText(text, { size, weight, style });
}

/** The minimum of CanvasRenderingContext2D that Vega's text measurement touches; other calls are no-ops. */
export function exactContext(): object {
  const target = {
    font: `11px ${houseFamily}`,
    measureText(text: string) {
      return { width: measureCss(String(text), this.font) };
    },
    // Vega's brush intersection falls back to "intersects" without a context; keep that.
    isPointInPath() {
      return true;
    },
  };
  return new Proxy(target, {
    get: (object, key) => (key in object ? Reflect.get(object, key) : () => undefined),
  });
}
