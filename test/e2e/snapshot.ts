// Snapshot helpers: SVGs are compared as normalised text (a reviewer reads the
// diff), PNGs with a pixel tolerance (rasterisers differ in antialiasing).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";

/**
 * Makes an SVG reviewable: embedded font data becomes its size and hash (the
 * subset still changes the snapshot when the glyphs drawn change), and
 * coordinates keep three decimals, as Observable Plot's snapshots do.
 */
export function normalizeSvg(svg: string): string {
  return svg
    .replace(/data:font\/woff2;base64,([A-Za-z0-9+/=]+)/g, (_, data: string) => {
      const bytes = Buffer.from(data, "base64");
      return `data:font/woff2;base64,[${bytes.length} bytes sha256:${createHash("sha256").update(bytes).digest("hex").slice(0, 12)}]`;
    })
    .replace(/\d+\.\d{4,}/g, (n) => String(Math.round(Number(n) * 1000) / 1000))
    .replace(/></g, ">\n<");
}

export interface PngComparison {
  width: number;
  height: number;
  /** Share of pixels that differ beyond pixelmatch's colour threshold. */
  differing: number;
  written?: string;
}

/**
 * Compares a PNG with the committed one. A missing snapshot is written (and
 * reported), except in CI, where it is a failure; CHARTS_UPDATE_SNAPSHOTS=1
 * rewrites it. On a mismatch the actual image and a diff image are written
 * beside the snapshot (git-ignored) for the reviewer.
 */
export function comparePng(actual: Buffer, snapshotFile: string, maxShare: number): PngComparison {
  const update = process.env.CHARTS_UPDATE_SNAPSHOTS === "1";
  if (!existsSync(snapshotFile) || update) {
    if (process.env.CI && !update) throw new Error(`missing PNG snapshot ${snapshotFile}: run the tests locally and commit it`);
    writeFileSync(snapshotFile, actual);
    const { width, height } = PNG.sync.read(actual);
    return { width, height, differing: 0, written: snapshotFile };
  }
  const a = PNG.sync.read(actual);
  const b = PNG.sync.read(readFileSync(snapshotFile));
  if (a.width !== b.width || a.height !== b.height) {
    writeFileSync(snapshotFile.replace(/\.png$/, "-actual.png"), actual);
    return { width: a.width, height: a.height, differing: 1 };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const count = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
  const differing = count / (a.width * a.height);
  if (differing > maxShare) {
    writeFileSync(snapshotFile.replace(/\.png$/, "-actual.png"), actual);
    writeFileSync(snapshotFile.replace(/\.png$/, "-diff.png"), PNG.sync.write(diff));
  }
  return { width: a.width, height: a.height, differing };
}
