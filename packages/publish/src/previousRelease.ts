// What a build may carry over from the release the publish folder points at.
// The published release is trusted only as far as it checks out; what does not
// is not carried (a chart is published afresh, without its corrections trail)
// and the build says so in one line. A damaged release never blocks a build,
// and nothing is deleted here: the folder is only pointed elsewhere by the swap.
//
//   the publish folder is                       the build
//   nothing                                      publishes for the first time
//   publish's symlink to a release that checks   carries every chart's history over
//   ... to a release that is gone (rm -rf)       publishes every chart afresh
//   ... whose manifest does not read, does not   publishes every chart afresh
//       match the schema, or has another version
//   ... whose files are missing or altered       publishes the charts owning them afresh, carries the rest
//   a directory, a file, a symlink elsewhere     refuses: publish did not make it, it may hold
//                                                someone's files, and replacing it would lose them
import { realpath } from "node:fs/promises";
import { basename } from "node:path";
import { ChartsError, displayPath, message } from "@charts/errors";
import { chartFiles, damagedFiles, readManifest, releaseLink, type FileStat } from "./release.ts";
import type { Manifest } from "./types.ts";

export interface PreviousRelease {
  /** The release directory the folder points at, when it exists. */
  dir?: string;
  /** What a build may carry over: the manifest without the charts whose files do not check out; absent when it does not read. */
  manifest?: Manifest;
  /** Set when the release did not check out: one line for the build log, naming what was wrong. */
  warning?: string;
}

/** A release's files as they were when last known good (damagedFiles), by the release folder's name. */
export interface TrustedRelease {
  release: string;
  files: Readonly<Record<string, FileStat>>;
}

/**
 * The release the publish folder points at, as far as it can be trusted;
 * undefined before the first publish. Throws a ChartsError for a folder
 * publish did not make. Reads every listed file once, to check its hash,
 * except those `trusted` gives unchanged when it names this release.
 */
export async function previousRelease(outDir: string, trusted?: TrustedRelease): Promise<PreviousRelease | undefined> {
  const target = await releaseLink(outDir);
  if (target === undefined) return undefined;
  const warn = (problem: string, fresh: string[] | "all") => `${displayPath(outDir)}: ${message.untrustedRelease(problem, fresh)}`;

  let dir: string;
  try {
    dir = await realpath(target);
  } catch {
    return { warning: warn(message.releaseMissing(basename(target)), "all") };
  }

  let manifest: Manifest;
  try {
    // Relative where it can be, so the warning names the file as a desk would.
    manifest = await readManifest(displayPath(dir));
  } catch (error) {
    if (!(error instanceof ChartsError)) throw error;
    return { dir, warning: warn(error.message, "all") };
  }

  const damaged = await damagedFiles(dir, manifest, trusted?.release === basename(dir) ? trusted.files : undefined);
  if (!damaged.size) return { dir, manifest };
  const [name, problem] = damaged.entries().next().value!;
  const fresh = manifest.charts.filter((chart) => [...chartFiles(chart).keys()].some((file) => damaged.has(file)));
  return {
    dir,
    manifest: { ...manifest, charts: manifest.charts.filter((chart) => !fresh.includes(chart)) },
    warning: warn(message.filesDamaged(`${name}: ${problem}`, damaged.size), fresh.map((chart) => chart.slug)),
  };
}
