// harfbuzzjs instantiates its WebAssembly module with top-level await, so it is
// imported lazily: code that never measures text never pays for it.
import { readFileSync } from "node:fs";
import { ChartsError } from "@charts/errors";
import { fontFaces, type FontFace } from "./fontFaces.ts";

type HarfBuzz = typeof import("harfbuzzjs");

/** A face ready for shaping. */
export interface LoadedFace {
  face: FontFace;
  hb: HarfBuzz;
  font: import("harfbuzzjs").Font;
  /** Font units per em: advances are in these units at the default scale. */
  upem: number;
}

let loading: Promise<void> | undefined;
const loaded = new Map<FontFace, LoadedFace>();

/**
 * Loads harfbuzz and every bundled face, once per process; later calls return
 * the same promise. Must resolve before measureText, wrapText or assertGlyphs.
 */
export function loadFonts(): Promise<void> {
  loading ??= (async () => {
    const hb = await import("harfbuzzjs");
    for (const face of fontFaces) {
      const blob = new hb.Blob(readFileSync(face.file));
      const hbFace = new hb.Face(blob, 0);
      loaded.set(face, { face, hb, font: new hb.Font(hbFace), upem: hbFace.upem });
    }
  })();
  return loading;
}

/** The shaping handle of a face; throws if loadFonts() has not resolved yet. */
export function loadedFace(face: FontFace): LoadedFace {
  const found = loaded.get(face);
  if (!found) {
    throw new ChartsError(`fonts are not loaded: await loadFonts() before measuring ${face.name}`);
  }
  return found;
}
