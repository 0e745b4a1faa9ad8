import { ChartsError, type Where } from "@charts/errors";
import { faceFor, type FontSpec } from "./fontFaces.ts";
import { loadedFace } from "./loadFonts.ts";

// Characters that are laid out but never drawn, so no glyph is needed.
const INVISIBLE = new Set([0x09, 0x0a, 0x0d, 0x200b, 0x200c, 0x200d, 0xfe0f]);

/** U+ notation of a code point: 10003 -> "U+2713". */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * Throws a ChartsError when the bundled face has no glyph for a character of
 * `text`, naming the text, the character and its code point; a rasteriser
 * would silently draw a box or switch font instead.
 *
 * @example assertGlyphs("Tet \u2713", { size: 12 })
 * // throws: text "Tet ✓": Source Sans 3 Regular has no glyph for "✓" (U+2713)
 */
export function assertGlyphs(text: string, font: Omit<FontSpec, "size"> & { size?: number }, where: Where = {}): void {
  const face = faceFor(font, where);
  const { font: hbFont } = loadedFace(face);
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (INVISIBLE.has(codePoint)) continue;
    if (hbFont.nominalGlyph(codePoint) === undefined) {
      throw new ChartsError(
        `text ${JSON.stringify(text)}: ${face.name} has no glyph for ${JSON.stringify(char)} (${codePointName(codePoint)})`,
        where,
      );
    }
  }
}
