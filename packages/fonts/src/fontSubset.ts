// WOFF2 subsets are most of what a chart's SVG costs to make (subsetting, then
// Brotli at its highest setting). A subset is a function of the face and the
// characters it keeps only (subsetText rounds them up to whole blocks), so it
// is made once per process and, given a cache folder, once per machine: kept
// on disk under the hash of the face's bytes, the characters and the
// subsetter's versions. The bytes are those a fresh subset would have.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FontFace } from "./fontFaces.ts";

const made = new Map<string, Promise<Buffer>>();
const encoded = new Map<string, string>();
const saved = new Map<string, Promise<void>>();
const faceHashes = new Map<FontFace, string>();
let versions: string | undefined;

/** Where subsets are kept in a cache folder. */
const SUBSETS = "fonts";

/**
 * A WOFF2 subset of `face` holding the characters of `text` it has glyphs
 * for, as base64: from this process's memory, else from `cacheDir/fonts/`,
 * else made; and kept in `cacheDir/fonts/` (whole or not at all).
 *
 * @example await fontSubset(fontFaces[0], subsetText("US$72"), ".cache")
 */
export async function fontSubset(face: FontFace, text: string, cacheDir?: string): Promise<string> {
  const key = createHash("sha256").update(JSON.stringify([faceHash(face), text, subsetterVersions(), "woff2"])).digest("hex");
  const file = cacheDir ? join(cacheDir, SUBSETS, `${key}.woff2`) : undefined;
  let subset = made.get(key);
  if (!subset) {
    subset = load(face, text, file);
    // a failure is not kept: the next chart tries again (and reports it)
    subset.catch(() => made.delete(key));
    made.set(key, subset);
  }
  const woff2 = await subset;
  if (file) {
    let writing = saved.get(file);
    if (!writing) saved.set(file, (writing = keep(file, woff2)));
    await writing;
  }
  // every variant embeds the same few subsets: encoded once
  let base64 = encoded.get(key);
  if (base64 === undefined) encoded.set(key, (base64 = woff2.toString("base64")));
  return base64;
}

async function load(face: FontFace, text: string, file: string | undefined): Promise<Buffer> {
  const kept = file ? await readFile(file).catch(() => undefined) : undefined;
  if (kept?.subarray(0, 4).toString("latin1") === "wOF2") return kept;
  // loaded only on a miss: a build whose subsets are all cached never instantiates the subsetter
  const { default: subsetFont } = await import("subset-font");
  return Buffer.from(await subsetFont(readFileSync(face.file), text, { targetFormat: "woff2" }));
}

/** Writes a subset into the cache folder unless it is there: aside, then renamed, so a reader never sees half a file. */
async function keep(file: string, woff2: Buffer): Promise<void> {
  if (await stat(file).then((info) => info.size === woff2.length, () => false)) return;
  await mkdir(dirname(file), { recursive: true });
  const aside = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(aside, woff2);
  await rename(aside, file);
}

function faceHash(face: FontFace): string {
  let hash = faceHashes.get(face);
  if (!hash) faceHashes.set(face, (hash = createHash("sha256").update(readFileSync(face.file)).digest("hex")));
  return hash;
}

/** subset-font's version and the harfbuzzjs it subsets with (its own copy): a new version may make other bytes. */
function subsetterVersions(): string {
  if (!versions) {
    const subsetter = createRequire(import.meta.url).resolve("subset-font");
    const harfbuzz = createRequire(subsetter).resolve("harfbuzzjs");
    versions = `subset-font ${packageVersion("subset-font", subsetter)}, harfbuzzjs ${packageVersion("harfbuzzjs", harfbuzz)}`;
  }
  return versions;
}

/** The version in the package.json of `name` above its resolved entry file (packages need not export package.json). */
function packageVersion(name: string, entry: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // no package.json here: look in the folder above
    }
  }
  return "unknown";
}
