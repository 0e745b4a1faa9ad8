// The bundled house typeface. TTF, not WOFF: sharp (librsvg through
// fontconfig) only reads SFNT files, and harfbuzz measures the same files, so
// layout and raster agree to the glyph.
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { ChartsError, type Where } from "@charts/errors";

/** Family name of the house typeface, as fontconfig and CSS know it. */
export const houseFamily = "Source Sans 3";

/** Absolute path of the folder holding the bundled font files (no trailing slash). */
export const fontsDir: string = fileURLToPath(new URL("../files", import.meta.url));

export type FontWeight = 400 | 600 | 700;
export type FontStyle = "normal" | "italic";

/** One bundled font file: the face CSS and fontconfig select by family, weight and style. */
export interface FontFace {
  family: string;
  weight: FontWeight;
  style: FontStyle;
  /** Absolute path of the TTF file. */
  file: string;
  /** Human name used in messages, e.g. "Source Sans 3 Semibold". */
  name: string;
}

function face(weight: FontWeight, style: FontStyle, file: string, name: string): FontFace {
  return { family: houseFamily, weight, style, file: join(fontsDir, file), name: `${houseFamily} ${name}` };
}

/** Every bundled face. Italic exists only at weight 400. */
export const fontFaces: readonly FontFace[] = [
  face(400, "normal", "SourceSans3-Regular.ttf", "Regular"),
  face(400, "italic", "SourceSans3-It.ttf", "Italic"),
  face(600, "normal", "SourceSans3-Semibold.ttf", "Semibold"),
  face(700, "normal", "SourceSans3-Bold.ttf", "Bold"),
];

/** What a caller asks for: the CSS-like description of a font. */
export interface FontSpec {
  /** px */
  size: number;
  /** 400 by default; "normal", "bold" and any CSS weight are mapped to the nearest bundled one. */
  weight?: number | string;
  /** "normal" by default. */
  style?: string;
  /** A family or CSS family list; the first family must be bundled. Default the house family. */
  family?: string;
}

/**
 * Maps a CSS weight to a bundled weight with the CSS font-matching rule:
 * up to 500 falls back to 400, above 500 takes the next heavier face.
 */
export function bundledWeight(weight: number | string | undefined): FontWeight {
  if (weight === undefined || weight === null || weight === "" || weight === "normal") return 400;
  if (weight === "bold") return 700;
  const value = Number(weight);
  if (!Number.isFinite(value)) {
    throw new ChartsError(`expected a font weight (a number, "normal" or "bold") but received ${JSON.stringify(weight)}`);
  }
  if (value <= 500) return 400;
  if (value <= 600) return 600;
  return 700;
}

/** First family of a CSS family list, without quotes: `'Source Sans 3', sans-serif` -> `Source Sans 3`. */
export function firstFamily(family: string): string {
  const first = family.split(",")[0] ?? "";
  return first.trim().replace(/^(['"])(.*)\1$/, "$2").trim();
}

/**
 * The bundled face for a font description, or a ChartsError naming what was asked for.
 *
 * @example faceFor({ size: 12, weight: "bold" }).name // "Source Sans 3 Bold"
 */
export function faceFor(font: Omit<FontSpec, "size">, where: Where = {}): FontFace {
  const family = firstFamily(font.family ?? houseFamily);
  if (family.toLowerCase() !== houseFamily.toLowerCase()) {
    throw new ChartsError(
      `expected the font family ${JSON.stringify(houseFamily)} (the only bundled family) but received ${JSON.stringify(font.family)}`,
      where,
    );
  }
  const weight = bundledWeight(font.weight);
  const style: FontStyle = font.style === "italic" || font.style === "oblique" ? "italic" : "normal";
  const found = fontFaces.find((f) => f.weight === weight && f.style === style);
  if (!found) {
    throw new ChartsError(
      `expected a bundled face but ${houseFamily} has no ${style} face at weight ${weight} (italic exists only at 400)`,
      where,
    );
  }
  return found;
}
