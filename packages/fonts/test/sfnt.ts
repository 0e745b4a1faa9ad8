// A second, independent reading of a TrueType file for the tests: advance
// widths straight from the cmap (format 4) and hmtx tables, no shaping, no
// kerning. measureText must agree with it wherever the font applies no kerning.
import { readFileSync } from "node:fs";

export interface Advances {
  upem: number;
  /** Sum of nominal advances in font units, or undefined for an unmapped character. */
  advance(text: string): number | undefined;
}

export function readAdvances(file: string): Advances {
  const data = readFileSync(file);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = new Map<string, number>();
  const numTables = view.getUint16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + 16 * i;
    tables.set(data.toString("latin1", record, record + 4), view.getUint32(record + 8));
  }
  const table = (tag: string): number => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file} has no ${tag} table`);
    return offset;
  };
  const upem = view.getUint16(table("head") + 18);
  const numberOfHMetrics = view.getUint16(table("hhea") + 34);
  const hmtx = table("hmtx");
  const advanceOf = (gid: number) => view.getUint16(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1));

  // cmap: the Windows Unicode BMP subtable, format 4
  const cmap = table("cmap");
  let sub = -1;
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    if (view.getUint16(record) === 3 && view.getUint16(record + 2) === 1) sub = cmap + view.getUint32(record + 4);
  }
  if (sub < 0 || view.getUint16(sub) !== 4) throw new Error(`${file} has no format 4 cmap`);
  const segX2 = view.getUint16(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyph = (code: number): number => {
    for (let s = 0; s < segX2; s += 2) {
      if (code > view.getUint16(ends + s)) continue;
      const start = view.getUint16(starts + s);
      if (code < start) return 0;
      const delta = view.getInt16(deltas + s);
      const rangeOffset = view.getUint16(rangeOffsets + s);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const g = view.getUint16(rangeOffsets + s + rangeOffset + 2 * (code - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return {
    upem,
    advance(text) {
      let sum = 0;
      for (const char of text) {
        const gid = glyph(char.codePointAt(0) ?? 0);
        if (gid === 0) return undefined;
        sum += advanceOf(gid);
      }
      return sum;
    },
  };
}
