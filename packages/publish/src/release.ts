// The layout of a publish folder: `dist/charts` is a symlink to one immutable
// release directory under `dist/.charts.releases/`; a publish prepares a new
// release beside the others and swaps the symlink in one rename.
import { lstat, readdir, readFile, readlink, realpath, rename, rm, symlink } from "node:fs/promises";
import { readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { ChartsError, displayPath, invalid, message } from "@charts/errors";
import { isCode, syncDir } from "./durable.ts";
import { FILE_NAME } from "./fileNames.ts";
import { sha256 } from "./hash.ts";
import { validateManifest } from "./validateManifest.ts";
import type { Manifest, PublishedChart, PublishedFile } from "./types.ts";

export const MANIFEST = "manifest.json";
export const SCHEMA = "manifest.schema.json";

/** A release directory's name: its creation time (so names sort by age), then mkdtemp's random letters. */
export const RELEASE_NAME = /^\d{8}T\d{9}Z-[A-Za-z0-9]+$/;

/** Where a publish folder's releases live: `dist/charts` -> `dist/.charts.releases`. */
export function releasesDir(outDir: string): string {
  const absolute = resolve(outDir);
  return join(dirname(absolute), `.${basename(absolute)}.releases`);
}

/**
 * The release directory the publish folder's symlink names (which may no
 * longer exist), or undefined when nothing is there yet. Anything but a
 * symlink into the releases directory (a directory, a file, a symlink
 * elsewhere) was not made by publish and may hold someone's files: refused.
 */
export async function releaseLink(outDir: string): Promise<string | undefined> {
  const absolute = resolve(outDir);
  let info;
  try {
    info = await lstat(absolute);
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
  const found = info.isDirectory() ? "a directory" : "a file";
  if (!info.isSymbolicLink()) throw new ChartsError(message.notAReleaseLink(found), { file: displayPath(outDir) });
  const target = resolve(dirname(absolute), await readlink(absolute));
  if (dirname(target) !== releasesDir(absolute) || !RELEASE_NAME.test(basename(target))) {
    throw new ChartsError(message.notAReleaseLink(`a symlink to ${target}`), { file: displayPath(outDir) });
  }
  return target;
}

/**
 * The release a publish folder points at, with its manifest; undefined before
 * the first publish. Throws a ChartsError when the folder is not publish's, or
 * its release is gone or unreadable (`publish` repairs those; see previousRelease).
 */
export async function currentRelease(outDir: string): Promise<{ dir: string; manifest: Manifest } | undefined> {
  const target = await releaseLink(outDir);
  if (target === undefined) return undefined;
  let dir: string;
  try {
    dir = await realpath(target);
  } catch (error) {
    throw new ChartsError(message.releaseMissing(basename(target)), { file: displayPath(outDir) }, { cause: error });
  }
  return { dir, manifest: await readManifest(dir) };
}

/** Reads a release's manifest and checks it against manifest.schema.json. */
export async function readManifest(releaseDir: string): Promise<Manifest> {
  const file = join(releaseDir, MANIFEST);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ChartsError(message.manifestUnreadable((error as Error).message), { file }, { cause: error });
  }
  const version = (manifest as Partial<Manifest> | null)?.version;
  if (version !== 1) throw invalid({ file, field: "version" }, "manifest version 1", version);
  return validateManifest(manifest, file);
}

/**
 * Every file a manifest lists, by name: current files under their hashed and
 * stable names, and the files of corrected versions. Names that could leave
 * the release directory are refused, whatever the manifest says.
 */
export function listedFiles(manifest: Manifest): Map<string, PublishedFile> {
  const files = new Map<string, PublishedFile>();
  for (const chart of manifest.charts) for (const [name, file] of chartFiles(chart)) files.set(name, file);
  return files;
}

/** The files of one chart, by name: its current version (hashed and stable names) and its corrected versions. */
export function chartFiles(chart: PublishedChart): Map<string, PublishedFile> {
  const files = new Map<string, PublishedFile>();
  const add = (name: string, file: PublishedFile) => {
    if (!FILE_NAME.test(name)) throw invalid({ file: MANIFEST }, "a plain file name", name);
    files.set(name, file);
  };
  for (const change of chart.changes) for (const file of change.from.files) add(file.name, file);
  for (const file of currentFiles(chart)) {
    add(file.name, file);
    if (file.stable) add(file.stable, file);
  }
  return files;
}

/** The files of a chart's current version (of a published entry, or of a build's output). */
export function currentFiles(chart: Pick<PublishedChart, "variants" | "vegaLite" | "embed" | "table">): PublishedFile[] {
  const files = [
    ...chart.variants.flatMap((v) => [v.svg, v.png, v.png2x, ...(v.vegaLite ? [v.vegaLite] : [])]),
    chart.vegaLite,
    chart.embed,
    ...(chart.table ? [chart.table.csv, chart.table.html] : []),
  ];
  // the default variant's Vega-Lite is the chart's own file
  return files.filter((file, i) => files.findIndex((other) => other.name === file.name) === i);
}

/**
 * What a file of a release was like when it was last known good: its size,
 * modification time and inode, as `fs.stat` gives them (the build records
 * them after a clean publish, apps/cli upToDate.ts).
 */
export type FileStat = [size: number, mtimeMs: number, ino: number];

/**
 * The listed files of a release that are missing, or not the size and hash the
 * manifest gives, with what is wrong with each; empty for a good release.
 * A file `trusted` names, whose size, modification time and inode are still
 * the ones given, is taken as good without being read, as git trusts its
 * index: a file rewritten, truncated or replaced since is read and hashed; one
 * altered in place with its time forged back is not noticed.
 */
export async function damagedFiles(releaseDir: string, manifest: Manifest, trusted?: Readonly<Record<string, FileStat>>): Promise<Map<string, string>> {
  const damaged = new Map<string, string>();
  for (const [name, file] of listedFiles(manifest)) {
    const path = join(releaseDir, name);
    const known = trusted?.[name];
    if (known && known[0] === file.bytes) {
      const info = statSync(path, { throwIfNoEntry: false });
      if (info && info.size === known[0] && info.mtimeMs === known[1] && info.ino === known[2]) continue;
    }
    let content: Buffer;
    try {
      // read synchronously: a release of a thousand charts lists fifty thousand files, and asynchronous reads
      // (open, stat, read, close, each through libuv's two-thread pool) took ten seconds where these take one
      content = readFileSync(path);
    } catch (error) {
      damaged.set(name, isCode(error, "ENOENT") ? message.fileMissing() : (error as Error).message);
      continue;
    }
    const altered = alteredContent(content, file);
    if (altered) damaged.set(name, altered);
  }
  return damaged;
}

/** What is wrong with `content` as the file the manifest lists (its size, its hash), or undefined when it is that file. */
export function alteredContent(content: Buffer, file: PublishedFile): string | undefined {
  return content.length !== file.bytes || sha256(content) !== file.sha256 ? message.fileAltered(file.bytes, content.length) : undefined;
}

/**
 * Checks a release against its manifest: every listed file is there, complete,
 * with the listed hash. Returns the problems found (none for a good release).
 */
export async function verifyRelease(releaseDir: string, manifest?: Manifest): Promise<string[]> {
  const damaged = await damagedFiles(releaseDir, manifest ?? (await readManifest(releaseDir)));
  return [...damaged].map(([name, problem]) => `${name}: ${problem}`);
}

/**
 * Points the publish folder at a release in one atomic rename of a fresh
 * symlink over the old one. `beforeRename` runs once the new link exists (tests
 * interrupt a build there).
 */
export async function swapTo(outDir: string, releaseDir: string, beforeRename?: () => void | Promise<void>): Promise<void> {
  const absolute = resolve(outDir);
  const parent = dirname(absolute);
  const temporary = join(parent, `.${basename(absolute)}.swap`);
  // A killed build's link, never renamed into place.
  await rm(temporary, { force: true });
  // Relative, so the whole folder can be moved or mounted elsewhere.
  await symlink(relative(parent, releaseDir), temporary);
  try {
    await beforeRename?.();
    await rename(temporary, absolute);
  } catch (error) {
    // Not swapped: the new link goes (best effort; the next swap removes it too).
    await rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
  await syncDir(parent);
}

/** The release names in a releases directory, newest first (names start with their creation time). */
export async function releaseNames(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && RELEASE_NAME.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse();
}
