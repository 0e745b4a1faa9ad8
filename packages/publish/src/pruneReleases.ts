// Removes releases nobody should read any more. Only names publish makes are
// touched (RELEASE_NAME, and the `.pruned-` names it gives them on the way
// out); anything else in the releases directory is left alone.
import { readdir, rename, rm, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { MANIFEST, readManifest, RELEASE_NAME, releaseNames, releasesDir } from "./release.ts";

const PRUNED = ".pruned-";

export interface PruneOptions {
  /** Finished releases kept, the current one included. */
  keep: number;
  /** Finished releases younger than this stay, for requests still reading them. */
  graceMs: number;
  now?: number;
  /** Releases found damaged (the one a repairing build replaced): never kept by `keep`, only by the grace period. */
  damaged?: string[];
  /**
   * The release the folder pointed at before this build. Finished releases
   * made after it, other than the current one, were never published (builds
   * killed between their manifest and their swap): no one reads them, they go at once.
   */
  replaced?: string;
  /** Called after each release is set aside, before its files are removed (tests interrupt a build there). */
  onRemoving?: (dir: string) => void | Promise<void>;
}

/**
 * Removes unfinished releases (a killed or failed build's, never pointed at;
 * a release is finished once its manifest is in place) and finished releases
 * that were never published (see `replaced`) at once, and finished
 * ones when they are neither the current one, nor among the `keep` newest
 * good ones (manifest reads, not found damaged), nor younger than `graceMs`
 * (a server may still be answering from them).
 *
 * A release is first renamed to `.pruned-<name>`, in one step, then removed:
 * a prune killed half-way leaves a set-aside folder the next prune finishes
 * removing, never a release with files missing. Call it holding the publish lock.
 */
export async function pruneReleases(outDir: string, current: string, options: PruneOptions): Promise<string[]> {
  const { keep, graceMs, now = Date.now(), damaged = [], replaced, onRemoving } = options;
  const root = releasesDir(outDir);
  const isDamaged = new Set(damaged.map((dir) => basename(dir)));

  // Leftovers of a prune that was interrupted.
  for (const name of await readdir(root)) {
    if (name.startsWith(PRUNED) && RELEASE_NAME.test(name.slice(PRUNED.length))) {
      await rm(join(root, name), { recursive: true, force: true });
    }
  }

  const pruned: string[] = [];
  let kept = 0;
  for (const name of await releaseNames(root)) {
    const dir = join(root, name);
    if (name === basename(current)) {
      kept++;
      continue;
    }
    const unpublished = replaced !== undefined && name > basename(replaced);
    const finished = unpublished ? undefined : await stat(join(dir, MANIFEST)).catch(() => undefined);
    const young = finished !== undefined && now - finished.mtimeMs < graceMs;
    // Only a release a server could answer from is worth keeping beyond the grace period.
    const good = finished !== undefined && !isDamaged.has(name) && (await readManifest(dir).then(() => true, () => false));
    if (young || (good && kept < keep)) {
      if (good) kept++;
      continue;
    }
    const aside = join(root, `${PRUNED}${name}`);
    await rename(dir, aside);
    await onRemoving?.(aside);
    await rm(aside, { recursive: true, force: true });
    pruned.push(name);
  }
  return pruned;
}
