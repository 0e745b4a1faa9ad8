// The versions of everything that turns a chart into SVG and PNG, read at run
// time from the installed packages and the bundled font (never written down
// by hand), so a changed file or a snapshot diff can be read in the light of a
// renderer upgrade. The build records them in the manifest; the tests compare
// them with test/snapshots/renderers.json.
//
// harfbuzzjs and subset-font are dependencies of @charts/fonts: they are
// looked up from there, so the versions are those of the copies it loads.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import sharp from "sharp";
import { ChartsError, message } from "@charts/errors";
import { fontFaces, houseFamily } from "@charts/fonts";

export type RendererVersions = {
  /** vega: lays the chart out and draws the SVG. */
  vega: string;
  /** vega-lite: compiles the chart to Vega. */
  "vega-lite": string;
  /** sharp, and the libvips and librsvg it bundles: SVG -> PNG. */
  sharp: string;
  libvips: string;
  librsvg: string;
  /** harfbuzzjs and the HarfBuzz inside it: text metrics for layout and wrapping. */
  harfbuzzjs: string;
  harfbuzz: string;
  /** subset-font: the WOFF2 font subsets embedded in the SVG. */
  "subset-font": string;
  /** The bundled house font and the version in its name table: `Source Sans 3 Version 3.052`. */
  font: string;
};

/** What rendererVersions needs of harfbuzzjs (its types are @charts/fonts' dependency, not this package's). */
interface HarfBuzz {
  versionString(): string;
  Blob: new (data: Uint8Array) => object;
  Face: new (blob: object, index: number) => { getName(nameId: number, language: string): string };
}

/** OpenType name table: ID 5 is the version string, "Version 3.052;hotconv 1.1.0;makeotfexe 2.6.0". */
const NAME_VERSION = 5;

/**
 * The versions of the renderers as installed.
 * @example await rendererVersions() // { vega: "6.4.0", "vega-lite": "6.5.0", sharp: "0.35.5", libvips: "8.18.7", ... }
 */
export async function rendererVersions(): Promise<RendererVersions> {
  const here = fileURLToPath(import.meta.url);
  const fonts = fileURLToPath(import.meta.resolve("@charts/fonts"));
  const hb = (await import(pathToFileURL(createRequire(fonts).resolve("harfbuzzjs")).href)) as HarfBuzz;
  return {
    vega: packageVersion("vega", here),
    "vega-lite": packageVersion("vega-lite", here),
    sharp: packageVersion("sharp", here),
    libvips: known("libvips", sharp.versions.vips, here),
    librsvg: known("librsvg", sharp.versions.rsvg, here),
    harfbuzzjs: packageVersion("harfbuzzjs", fonts),
    harfbuzz: known("harfbuzz", hb.versionString(), fonts),
    "subset-font": packageVersion("subset-font", fonts),
    font: fontVersion(hb),
  };
}

/** The `version` of the package `name` as Node resolves it from the file `from`. */
function packageVersion(name: string, from: string): string {
  let dir = dirname(createRequire(from).resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === name) return known(name, manifest.version, from);
    } catch {
      // no package.json here: look in the folder above
    }
    if (dirname(dir) === dir) return known(name, undefined, from);
    dir = dirname(dir);
  }
}

/** The bundled faces' versions: one line when they agree (they ship together), else each face's. */
function fontVersion(hb: HarfBuzz): string {
  const versions = fontFaces.map((face) => {
    const ttf = new hb.Face(new hb.Blob(readFileSync(face.file)), 0);
    return { face, version: known(face.name, ttf.getName(NAME_VERSION, "en").split(";")[0]?.trim(), face.file) };
  });
  const distinct = new Set(versions.map((v) => v.version));
  if (distinct.size === 1) return `${houseFamily} ${versions[0]!.version}`;
  return versions.map((v) => `${v.face.name} ${v.version}`).join(", ");
}

function known(name: string, version: string | undefined, from: string): string {
  if (!version) throw new ChartsError(message.rendererVersionUnknown(name, from));
  return version;
}
