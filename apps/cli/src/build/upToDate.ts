// The build's first question: is there anything to do? A build that finds the
// same inputs as the last one, byte for byte (definitions, datasets, sources,
// texts, config, options, the tool itself), and the release it published still
// in place and intact, has nothing to render and nothing to publish. It answers
// from the files alone, without loading a renderer, a validator or the texts'
// checker, so a no-op build of a thousand charts takes a fraction of a second.
//
// "Intact" is judged as git judges its work tree: every file the release lists
// has the size, modification time and inode it had when published. A file
// deleted, truncated, rewritten or replaced is noticed, and the build runs in
// full (which hashes the files that changed since this record, lastRelease,
// and publishes past the damage); a file altered in place with its size and
// time forged back is not.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import type { FileStat, TrustedRelease } from "@charts/publish";
import type { Config } from "../config.ts";
import { toolKey } from "./toolKey.ts";
import { filesUnder } from "./filesUnder.ts";

const STATE = "last-build.json";

/** What the last clean build left: its inputs' fingerprint and the release it published, file by file. */
export interface BuildState {
  version: 1;
  fingerprint: string;
  /** The release folder's name the publish folder pointed at. */
  release: string;
  charts: number;
  /** The exit code it ended with: 0, or 3 for a build that could not check its figures. */
  exitCode: number;
  /** name -> [size, mtimeMs, inode], for every file of the release (manifest included). */
  files: Record<string, FileStat>;
}

/**
 * The hash of everything a build reads: the tool (toolKey), the config and
 * options, and every file under the charts, datasets and texts folders and
 * the sources file, by path and content.
 */
export function buildFingerprint(config: Config, options: Record<string, unknown>): string {
  const hash = createHash("sha256").update(JSON.stringify([toolKey(), config, options]));
  for (const folder of [config.charts, config.datasets, config.texts]) {
    if (!existsSync(folder)) {
      hash.update(`\0missing ${folder}`);
      continue;
    }
    for (const file of filesUnder(folder)) hash.update(`\0${relative(config.root, file)}\0`).update(readFileSync(file));
  }
  hash.update("\0sources\0").update(existsSync(config.sources) ? readFileSync(config.sources) : "missing");
  return hash.digest("hex");
}

/** The last build's state when `fingerprint` is its fingerprint and its release is published and intact; else undefined. */
export function upToDate(config: Config, fingerprint: string): BuildState | undefined {
  const state = readState(config);
  if (state?.fingerprint !== fingerprint) return undefined;
  let release: string;
  try {
    release = realpathSync(config.out);
  } catch {
    return undefined;
  }
  if (basename(release) !== state.release) return undefined;
  for (const [name, [size, mtimeMs, ino]] of Object.entries(state.files)) {
    const info = statSync(join(release, name), { throwIfNoEntry: false });
    if (!info || info.size !== size || info.mtimeMs !== mtimeMs || info.ino !== ino) return undefined;
  }
  return state;
}

/**
 * The release the last clean build published, file by file as it left them,
 * whatever its inputs were: a build with other inputs still need not read
 * again the files of that release that have not changed since
 * (previousRelease of @charts/publish).
 */
export function lastRelease(config: Config): TrustedRelease | undefined {
  const state = readState(config);
  return state && { release: state.release, files: state.files };
}

/** The state file, read once per process (upToDate, then lastRelease, ask for it: at 1000 charts it lists 50,000 files). */
const states = new Map<string, BuildState | undefined>();

function readState(config: Config): BuildState | undefined {
  const file = join(config.cache, STATE);
  if (!states.has(file)) {
    let state: Partial<BuildState> | undefined;
    try {
      state = JSON.parse(readFileSync(file, "utf8")) as Partial<BuildState>;
    } catch {
      state = undefined;
    }
    states.set(file, state?.version === 1 && typeof state.release === "string" && state.files ? (state as BuildState) : undefined);
  }
  return states.get(file);
}

/** Records a clean build: its fingerprint and what its release holds now (`names`: every file it lists). */
export function recordBuild(config: Config, state: Omit<BuildState, "version" | "files" | "release">, releaseDir: string, names: Iterable<string>): void {
  const files: BuildState["files"] = {};
  for (const name of names) {
    const info = statSync(join(releaseDir, name));
    files[name] = [info.size, info.mtimeMs, info.ino];
  }
  const file = join(config.cache, STATE);
  mkdirSync(config.cache, { recursive: true });
  writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify({ version: 1, ...state, release: basename(releaseDir), files } satisfies BuildState));
  renameSync(`${file}.${process.pid}.tmp`, file);
  states.delete(file);
}

/** Forgets the last build (a build that failed, or published nothing trustworthy): the next one runs in full. */
export function forgetBuild(config: Config): void {
  try {
    states.delete(join(config.cache, STATE));
    writeFileSync(join(config.cache, STATE), "{}");
  } catch {
    // no cache folder yet: nothing to forget
  }
}
