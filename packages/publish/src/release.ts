// The layout of a publish folder: `dist/charts` is a symlink to one immutable
// release directory under `dist/.charts.releases/`; a publish prepares a new
// release beside the others and swaps the symlink in one rename.
import { lstat, readdir, readFile, realpath, rename, rm, stat, symlink } from "node:fs/promises";
import { basename, dirname, join, relative, resolve } from "node:path";
import { ChartsError, invalid } from "@charts/errors";
import { isCode, syncDir } from "./durable.ts";
import { FILE_NAME } from "./fileNames.ts";
import { sha256 } from "./hash.ts";
import type { Manifest, PublishedChart, PublishedFile } from "./types.ts";

export const MANIFEST = "manifest.json";
export const SCHEMA = "manifest.schema.json";

/** Where a publish folder's releases live: `dist/charts` -> `dist/.charts.releases`. */
export function releasesDir(outDir: string): string {
  const absolute = resolve(outDir);
  return join(dirname(absolute), `.${basename(absolute)}.releases`);
}

/**
 * The release a publish folder points at, with its manifest; undefined before
 * the first publish. The folder must be a symlink made by `publish`: a plain
 * directory there would be overwritten by nothing and swapped by nobody.
 */
export async function currentRelease(outDir: string): Promise<{ dir: string; manifest: Manifest } | undefined> {
  let info;
  try {
    info = await lstat(outDir);
  } catch (error) {
    if (isCode(error, "ENOENT")) return undefined;
    throw error;
  }
  if (!info.isSymbolicLink()) {
    const found = info.isDirectory() ? "a directory" : "a file";
    throw new ChartsError(`expected a symlink to a release made by publish (or nothing) but found ${found}`, {
      file: outDir,
    });
  }
  const dir = await realpath(outDir);
  return { dir, manifest: await readManifest(dir) };
}

/** Reads and checks the shape version of a release's manifest. */
export async function readManifest(releaseDir: string): Promise<Manifest> {
  const file = join(releaseDir, MANIFEST);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(file, "utf8")) as Manifest;
  } catch (error) {
    throw new ChartsError(`cannot read the manifest: ${(error as Error).message}`, { file }, { cause: error });
  }
  if (manifest.version !== 1) throw invalid({ file, field: "version" }, "manifest version 1", manifest.version);
  return manifest;
}

/**
 * Every file a manifest lists, by name: current files under their hashed and
 * stable names, and the files of corrected versions. Names that could leave
 * the release directory are refused, whatever the manifest says.
 */
export function listedFiles(manifest: Manifest): Map<string, PublishedFile> {
  const files = new Map<string, PublishedFile>();
  const add = (name: string, file: PublishedFile) => {
    if (!FILE_NAME.test(name)) throw invalid({ file: MANIFEST }, "a plain file name", name);
    files.set(name, file);
  };
  for (const chart of manifest.charts) {
    for (const change of chart.changes) for (const file of change.from.files) add(file.name, file);
    for (const file of currentFiles(chart)) {
      add(file.name, file);
      if (file.stable) add(file.stable, file);
    }
  }
  return files;
}

/** The files of a chart's current version. */
export function currentFiles(chart: PublishedChart): PublishedFile[] {
  return [...chart.variants.flatMap((v) => [v.svg, v.png, v.png2x]), chart.vegaLite, chart.embed];
}

/**
 * Checks a release against its manifest: every listed file is there, complete,
 * with the listed hash. Returns the problems found (none for a good release).
 */
export async function verifyRelease(releaseDir: string, manifest?: Manifest): Promise<string[]> {
  const listed = listedFiles(manifest ?? (await readManifest(releaseDir)));
  const problems: string[] = [];
  for (const [name, file] of listed) {
    let content: Buffer;
    try {
      content = await readFile(join(releaseDir, name));
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
      continue;
    }
    if (content.length !== file.bytes) problems.push(`${name}: expected ${file.bytes} bytes but found ${content.length}`);
    else if (sha256(content) !== file.sha256) problems.push(`${name}: content does not match its sha256`);
  }
  return problems;
}

/** Points the publish folder at a release in one atomic rename of a fresh symlink over the old one. */
export async function swapTo(outDir: string, releaseDir: string): Promise<void> {
  const absolute = resolve(outDir);
  const parent = dirname(absolute);
  const temporary = join(parent, `.${basename(absolute)}.swap`);
  await rm(temporary, { force: true });
  // Relative, so the whole folder can be moved or mounted elsewhere.
  await symlink(relative(parent, releaseDir), temporary);
  await rename(temporary, absolute);
  await syncDir(parent);
}

/**
 * Removes releases nobody should read any more: unfinished ones (a killed
 * build's, never pointed at) at once, finished ones when they are neither the
 * current one, nor among the `keep` newest, nor younger than `graceMs` (a
 * server may still be answering from them). Call it holding the publish lock.
 */
export async function pruneReleases(
  outDir: string,
  current: string,
  { keep, graceMs, now = Date.now() }: { keep: number; graceMs: number; now?: number },
): Promise<string[]> {
  const root = releasesDir(outDir);
  const names = (await readdir(root, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .reverse();
  const pruned: string[] = [];
  let kept = 0;
  for (const name of names) {
    const dir = join(root, name);
    if (dir === current) {
      kept++;
      continue;
    }
    const finished = await stat(join(dir, MANIFEST)).catch(() => undefined);
    // Release names start with their creation time, so newest come first.
    if (finished && (kept < keep || now - finished.mtimeMs < graceMs)) {
      kept++;
      continue;
    }
    await rm(dir, { recursive: true, force: true });
    pruned.push(name);
  }
  return pruned;
}
