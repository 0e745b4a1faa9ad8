import { embedFonts, textByFace } from "@charts/fonts";
import { ChartsError } from "@charts/errors";

/** The frame's empty <defs/> (frameChart writes it before anything else), where embedFonts puts the font <style>. */
const EMPTY_DEFS = "<defs/>";
const FONT_STYLE = /<style id="charts-fonts">[\s\S]*?<\/style>/;

/**
 * embedFonts for a framed chart, with the font <style> kept in `cache` by the
 * characters drawn in each face: the light and dark variants of a chart draw
 * the same text, so the second is not subset and compressed again (the WOFF2
 * subsets are most of a render's time). The SVG is byte for byte what
 * embedFonts would make. `cache` belongs to the caller (the build keeps one
 * for its run); without one, this is embedFonts.
 */
export async function embedFontsCached(svg: string, cache?: Map<string, string>): Promise<string> {
  if (!cache) return embedFonts(svg);
  const key = JSON.stringify([...textByFace(svg)].map(([face, chars]) => [face.file, [...chars].sort().join("")]));
  const style = cache.get(key);
  if (style !== undefined) {
    if (!style) return svg;
    if (!svg.includes(EMPTY_DEFS)) throw new ChartsError(`expected a framed chart with an empty <defs/> to put its fonts in but received ${JSON.stringify(svg.slice(0, 80))}`);
    return svg.replace(EMPTY_DEFS, `<defs>${style}</defs>`);
  }
  const embedded = await embedFonts(svg);
  cache.set(key, FONT_STYLE.exec(embedded)?.[0] ?? "");
  return embedded;
}
