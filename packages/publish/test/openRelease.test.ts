import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { currentRelease, openRelease, publish, releasesDir, verifyRelease } from "../src/index.ts";
import { snapshotRelease } from "./fixtures/publishFolder.ts";
import { chart, multiVariantChart } from "./fixtures/syntheticChart.ts";

let root: string;
let outDir: string;
const base = { toolVersion: "1.0.0", sync: false };
const day = (n: number) => new Date(Date.UTC(2024, 5, n, 12));
const INPUTS = "a".repeat(64);

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "release-"));
  outDir = join(root, "dist", "charts");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A release's files by name with their bytes' hash, and its manifest: what a reader can see of it. */
async function contents(dir: string) {
  const files = await snapshotRelease(dir);
  return Object.fromEntries(Object.entries(files).map(([name, line]) => [name, line.split(" ").at(-1)]));
}

describe("openRelease(options)", () => {
  it("publishes charts added one at a time: the same release publish() makes of them all at once", async () => {
    const charts = [multiVariantChart("arms"), chart("trade"), chart("fees")];
    const whole = await publish({ ...base, outDir: join(root, "a", "charts"), charts, now: day(1) });
    const release = await openRelease({ ...base, outDir, now: day(1) });
    for (const c of [charts[2]!, charts[0]!, charts[1]!]) await release.add(c);
    const streamed = await release.finish();
    expect(streamed.manifest).toEqual(whole.manifest);
    expect(await contents(streamed.releaseDir)).toEqual(await contents(whole.releaseDir));
    expect(streamed.changed.sort()).toEqual(["arms", "fees", "trade"]);
  });

  it("reuses a published chart: its files linked over (same inodes), its history kept, the build's inputs recorded", async () => {
    await publish({ ...base, outDir, charts: [chart("arms"), chart("trade")], now: day(1) });
    const first = await openRelease({ ...base, outDir, now: day(2) });
    await first.add(chart("arms"), INPUTS);
    await first.add(chart("trade", { headline: "A corrected headline" }), INPUTS);
    const before = await first.finish();

    const release = await openRelease({ ...base, outDir, now: day(3) });
    expect(release.published.get("arms")!.inputs).toBe(INPUTS);
    const reused = await release.reuse("arms", "b".repeat(64));
    await release.reuse("trade", INPUTS);
    const after = await release.finish();
    expect(after.changed).toEqual([]);
    expect(reused).toEqual({ ...before.manifest.charts.find((c) => c.slug === "arms")!, inputs: "b".repeat(64) });
    // trade keeps its corrections trail and the files of its first version
    expect(after.manifest.charts.find((c) => c.slug === "trade")).toEqual(before.manifest.charts.find((c) => c.slug === "trade"));
    expect(await verifyRelease(after.releaseDir)).toEqual([]);
    const svg = reused.variants[0]!.svg.name;
    expect((await stat(join(after.releaseDir, svg))).ino).toBe((await stat(join(before.releaseDir, svg))).ino);
  });

  it("refuses to reuse a chart the published release does not have, and gives the release up", async () => {
    await publish({ ...base, outDir, charts: [chart("arms")] });
    const published = (await currentRelease(outDir))!.dir;
    const release = await openRelease({ ...base, outDir });
    await expect(release.reuse("trade")).rejects.toThrow(`trade: ${message.notPublished()}`);
    // the failed release is removed, the lock released, the published one untouched
    expect((await readdir(releasesDir(outDir))).filter((name) => !name.startsWith("."))).toEqual([published.split("/").pop()]);
    await expect(release.add(chart("fees"))).rejects.toThrow(message.releaseClosed());
    expect((await publish({ ...base, outDir, charts: [chart("fees")] })).manifest.charts.map((c) => c.slug)).toEqual(["fees"]);
  });

  it("refuses a chart that clashes with one added before, on that chart", async () => {
    const release = await openRelease({ ...base, outDir });
    await release.add(chart("arms"));
    await expect(release.add(chart("arms"))).rejects.toThrow('arms.slug: expected a slug used by one chart only but received "arms" of type string');
    await expect(stat(outDir)).rejects.toThrow(/ENOENT/);
  });

  it("abort() removes the new release and the lock; what is published is untouched", async () => {
    const first = await publish({ ...base, outDir, charts: [chart("arms")] });
    const untouched = await snapshotRelease(first.releaseDir);
    const release = await openRelease({ ...base, outDir });
    await release.add(chart("arms", { headline: "changed" }));
    await release.abort();
    expect(await snapshotRelease((await currentRelease(outDir))!.dir)).toEqual(untouched);
    expect(await readdir(releasesDir(outDir))).toEqual([first.releaseDir.split("/").pop()]);
  });

  it("does not keep a chart's bytes once added (a build's memory stays flat in its charts)", async () => {
    const release = await openRelease({ ...base, outDir });
    const rendered = multiVariantChart("arms");
    const entry = await release.add(rendered);
    // the entry names files; the bytes are on disk, not in the entry
    expect(JSON.stringify(entry)).not.toContain("<svg");
    expect(await readFile(join(release.dir, entry.variants[0]!.svg.name), "utf8")).toBe(rendered.variants[0]!.svg);
    await release.abort();
  });
});
