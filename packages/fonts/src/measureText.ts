import type { Buffer as HbBuffer } from "harfbuzzjs";
import { faceFor, type FontSpec } from "./fontFaces.ts";
import { loadedFace, type LoadedFace } from "./loadFonts.ts";

// Advance widths in font units per face and text; size only scales them.
// Chart text repeats a lot (tick labels), so the cache pays off; it is cleared
// rather than evicted because it only has to stay bounded.
const cache = new Map<string, number>();
const CACHE_LIMIT = 20_000;
let buffer: HbBuffer | undefined;

/** Shaped advance of `text` in font units (kerning and ligatures applied, default features). */
export function shapedAdvance(loaded: LoadedFace, text: string): number {
  const key = `${loaded.face.name}\u0000${text}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  buffer ??= new loaded.hb.Buffer();
  buffer.reset();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  loaded.hb.shape(loaded.font, buffer);
  let advance = 0;
  for (const position of buffer.getGlyphPositions()) advance += position.xAdvance;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, advance);
  return advance;
}

/**
 * Width in px of `text` set on one line in a bundled face, shaped by harfbuzz
 * (kerning, ligatures) exactly as the rasteriser will set it. Synchronous; call
 * `await loadFonts()` once first. Whitespace is measured, not trimmed.
 *
 * @example measureText("Vietnam", { size: 14, weight: 700 }) // 49.4...
 */
export function measureText(text: string, font: FontSpec): number {
  if (!text || !(font.size > 0)) return 0;
  const loaded = loadedFace(faceFor(font));
  return (shapedAdvance(loaded, text) / loaded.upem) * font.size;
}

/** Vertical metrics of a face at a size, in px (descent positive, below the baseline). */
export interface FontExtents {
  ascent: number;
  descent: number;
  lineGap: number;
}

/**
 * Ascent and descent of a bundled face at `font.size`, as browsers use them
 * to place a baseline in a line box: baseline = top + (lineHeight - ascent - descent) / 2 + ascent.
 */
export function fontExtents(font: FontSpec): FontExtents {
  const loaded = loadedFace(faceFor(font));
  const { ascender, descender, lineGap } = loaded.font.hExtents();
  const scale = font.size / loaded.upem;
  return { ascent: ascender * scale, descent: -descender * scale, lineGap: lineGap * scale };
}
