// Which characters an embedded font subset holds. Not exactly the characters a
// chart draws: every Unicode block one of them belongs to, so thousands of
// charts share a handful of subsets (nearly every chart draws Basic Latin, a
// no-break space and a dash or a curly quote), each made and compressed once
// and then cached. A subset depends only on the characters of its own SVG, so
// an SVG's bytes never depend on which other charts are in the build, in what
// order they are built, or on which machine.
//
// The blocks are Unicode's (Blocks.txt), but Latin-1 Supplement is split in
// two: its symbols half (no-break space, °, ±, ·, ½...) is in almost every
// chart, its letters half (À-ÿ) in few, and a subset holding both would carry
// 64 accented letters for one no-break space.

/** The blocks a newsroom's Latin, Greek and Cyrillic text draws from: [first, last] code point, ascending. */
const BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x007f], // Basic Latin
  [0x0080, 0x00bf], // Latin-1 Supplement: controls and symbols
  [0x00c0, 0x00ff], // Latin-1 Supplement: letters
  [0x0100, 0x017f], // Latin Extended-A
  [0x0180, 0x024f], // Latin Extended-B
  [0x0250, 0x02af], // IPA Extensions
  [0x02b0, 0x02ff], // Spacing Modifier Letters
  [0x0300, 0x036f], // Combining Diacritical Marks
  [0x0370, 0x03ff], // Greek and Coptic
  [0x0400, 0x04ff], // Cyrillic
  [0x0500, 0x052f], // Cyrillic Supplement
  [0x1ab0, 0x1aff], // Combining Diacritical Marks Extended
  [0x1d00, 0x1d7f], // Phonetic Extensions
  [0x1d80, 0x1dbf], // Phonetic Extensions Supplement
  [0x1dc0, 0x1dff], // Combining Diacritical Marks Supplement
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x1f00, 0x1fff], // Greek Extended
  [0x2000, 0x206f], // General Punctuation
  [0x2070, 0x209f], // Superscripts and Subscripts
  [0x20a0, 0x20cf], // Currency Symbols
  [0x20d0, 0x20ff], // Combining Diacritical Marks for Symbols
  [0x2100, 0x214f], // Letterlike Symbols
  [0x2150, 0x218f], // Number Forms
  [0x2190, 0x21ff], // Arrows
  [0x2200, 0x22ff], // Mathematical Operators
  [0x2300, 0x23ff], // Miscellaneous Technical
  [0x2460, 0x24ff], // Enclosed Alphanumerics
  [0x2500, 0x257f], // Box Drawing
  [0x2580, 0x259f], // Block Elements
  [0x25a0, 0x25ff], // Geometric Shapes
  [0x2600, 0x26ff], // Miscellaneous Symbols
  [0x2700, 0x27bf], // Dingbats
  [0x2c60, 0x2c7f], // Latin Extended-C
  [0xa720, 0xa7ff], // Latin Extended-D
  [0xfb00, 0xfb4f], // Alphabetic Presentation Forms (ligatures)
];

/**
 * The range a character's subset takes whole: its block, or, outside the
 * table, the aligned 128 code points around it (still the same for every chart).
 */
export function blockOf(codePoint: number): readonly [number, number] {
  let low = 0;
  let high = BLOCKS.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = BLOCKS[middle]!;
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return BLOCKS[middle]!;
  }
  const aligned = codePoint & ~0x7f;
  return [aligned, aligned + 0x7f];
}

/**
 * The characters of every block the given characters belong to, in code point
 * order: what a font subset for them holds (the font keeps those it has a
 * glyph for).
 *
 * @example subsetText("US$72") // every character U+0000 to U+007F
 */
export function subsetText(chars: Iterable<string>): string {
  const blocks = new Map<number, number>();
  for (const char of chars) {
    const [start, end] = blockOf(char.codePointAt(0)!);
    blocks.set(start, end);
  }
  let text = "";
  for (const [start, end] of [...blocks].sort(([a], [b]) => a - b)) {
    for (let code = start; code <= end; code++) {
      // surrogates are not characters; controls have no glyph to keep
      if ((code >= 0xd800 && code <= 0xdfff) || code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
      text += String.fromCodePoint(code);
    }
  }
  return text;
}
