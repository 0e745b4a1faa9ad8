// @charts/fonts: the house typeface, bundled, and everything that needs its metrics.
//
//   files/*.ttf --loadFonts--> harfbuzz faces --> measureText / wrapText / assertGlyphs  (layout)
//               --useProjectFonts/writeFontconfig--> fonts.conf --> sharp text           (raster)
//               --embedFonts--> WOFF2 subsets as data URIs inside the SVG                (browser <img>)
//                   subsetText: whole Unicode blocks of the characters drawn; fontSubset: made once, cached on disk
//   assertFontFamilies: every family a spec names is the bundled one (or sans-serif), before rendering
export {
  bundledWeight,
  faceFor,
  firstFamily,
  fontFaces,
  fontsDir,
  houseFamily,
  type FontFace,
  type FontSpec,
  type FontStyle,
  type FontWeight,
} from "./fontFaces.ts";
export { loadFonts } from "./loadFonts.ts";
export { fontExtents, measureText, type FontExtents } from "./measureText.ts";
export { wrapText } from "./wrapText.ts";
export { assertGlyphs, codePointName } from "./assertGlyphs.ts";
export { writeFontconfig, useProjectFonts } from "./writeFontconfig.ts";
export { embedFonts, textByFace, type EmbedOptions } from "./embedFonts.ts";
export { fontSubset } from "./fontSubset.ts";
export { blockOf, subsetText } from "./subsetBlocks.ts";
export { assertFontFamilies, isBundledFamily } from "./assertFontFamilies.ts";
