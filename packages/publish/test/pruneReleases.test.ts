import { mkdir, mkdtemp, readdir, rm, truncate, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publish, pruneReleases, releasesDir } from "../src/index.ts";
import { chart } from "./fixtures/syntheticChart.ts";

let root: string;
let outDir: string;
let releases: string;
const hour = 3_600_000;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "prune-"));
  outDir = join(root, "dist", "charts");
  releases = releasesDir(outDir);
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** `count` finished releases, oldest first, each finished `hoursAgo` hours ago; the last is current. */
async function releasesMade(count: number, hoursAgo = 2): Promise<string[]> {
  const dirs: string[] = [];
  for (let i = 0; i < count; i++) {
    const { releaseDir } = await publish({ outDir, charts: [chart("arms")], toolVersion: String(i), sync: false, keep: 100 });
    const then = new Date(Date.now() - hoursAgo * hour);
    await utimes(join(releaseDir, "manifest.json"), then, then);
    dirs.push(releaseDir);
  }
  return dirs;
}

const left = async () => (await readdir(releases)).filter((name) => !name.startsWith(".lock")).sort();

describe("pruneReleases(outDir, current, options)", () => {
  it("keeps the current release and the newest finished ones, and those younger than the grace period", async () => {
    const dirs = await releasesMade(5);
    const current = dirs[4]!;
    const now = new Date();
    await utimes(join(dirs[1]!, "manifest.json"), now, now);
    // keep 2: the current one and the newest other; dirs[1] is in its grace period.
    const pruned = await pruneReleases(outDir, current, { keep: 2, graceMs: hour });
    expect(pruned).toEqual([dirs[2], dirs[0]].map((d) => basename(d!)));
    expect(await left()).toEqual([dirs[1], dirs[3], current].map((d) => basename(d!)));
  });

  it("removes unfinished releases at once, and finished ones made after the replaced one (never published)", async () => {
    const [old, replaced, unpublished, current] = await releasesMade(4, 0);
    const unfinished = join(releases, "20000101T000000000Z-killed");
    await mkdir(unfinished);
    await writeFile(join(unfinished, "arms.svg"), "<svg");
    const pruned = await pruneReleases(outDir, current!, { keep: 5, graceMs: hour, replaced });
    expect(pruned.sort()).toEqual(["20000101T000000000Z-killed", basename(unpublished!)]);
    expect(await left()).toEqual([old, replaced, current].map((d) => basename(d!)));
  });

  it("keeps a damaged release only for the grace period, never as one of the `keep` newest", async () => {
    const [older, damaged, current] = await releasesMade(3);
    await truncate(join(older!, "manifest.json"), 10);
    const then = new Date(Date.now() - 2 * hour);
    await utimes(join(older!, "manifest.json"), then, then);
    // Unreadable manifest, or found damaged by the build: neither takes a place among the kept.
    const pruned = await pruneReleases(outDir, current!, { keep: 5, graceMs: hour, damaged: [damaged!] });
    expect(pruned.sort()).toEqual([older, damaged].map((d) => basename(d!)));
    // A damaged release in its grace period stays; it does not take the place `keep` gives the newest good one.
    const [recent, newest] = await releasesMade(2, 0);
    expect(await pruneReleases(outDir, newest!, { keep: 2, graceMs: hour, damaged: [recent!] })).toEqual([]);
    expect(await left()).toEqual([current, recent, newest].map((d) => basename(d!)));
  });

  it("finishes removing what a killed prune set aside, and never touches what publish did not name", async () => {
    const [current] = await releasesMade(1);
    await mkdir(join(releases, ".pruned-20000101T000000000Z-abcdef"));
    await writeFile(join(releases, ".pruned-20000101T000000000Z-abcdef", "arms.svg"), "<svg/>");
    await mkdir(join(releases, "backup"));
    await mkdir(join(releases, ".pruned-backup"));
    await pruneReleases(outDir, current!, { keep: 1, graceMs: 0 });
    expect(await left()).toEqual([".pruned-backup", basename(current!), "backup"].sort());
  });

  it("calls onRemoving with each release set aside, before removing it", async () => {
    const [old, current] = await releasesMade(2);
    const seen: string[][] = [];
    await pruneReleases(outDir, current!, {
      keep: 1,
      graceMs: 0,
      onRemoving: async (dir) => {
        seen.push([basename(dir), ...(await left())]);
      },
    });
    expect(seen).toEqual([[`.pruned-${basename(old!)}`, `.pruned-${basename(old!)}`, basename(current!)]]);
  });
});
