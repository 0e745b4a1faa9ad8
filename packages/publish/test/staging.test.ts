import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { openRelease, openStaging, publish, readStaging, STAGING } from "../src/index.ts";
import { snapshotRelease } from "./fixtures/publishFolder.ts";
import { chart, multiVariantChart } from "./fixtures/syntheticChart.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "staging-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const now = new Date(Date.UTC(2024, 5, 20, 12));
const meta = { toolVersion: "1.0.0", renderers: { vega: "6.4.0" } };

describe("openStaging(dir) and readStaging(dir)", () => {
  it("two shards merged publish byte for byte the release one build of all their charts makes", async () => {
    const charts = [multiVariantChart("arms"), chart("trade"), chart("fees"), chart("quay")];
    const failed = [{ slug: "broken", error: "a dataset does not load" }];
    const single = await publish({ ...meta, sync: false, outDir: join(root, "single", "charts"), charts, failed, now });

    const shards = [join(root, "shard-1"), join(root, "shard-2")];
    for (const [i, dir] of shards.entries()) {
      const staging = await openStaging(dir, { ...meta, shard: `${i + 1}/2` });
      for (const c of charts.filter((_, j) => j % 2 === i)) await staging.add(c);
      if (i === 1) await staging.fail(failed[0]!);
      await staging.finish();
    }
    const release = await openRelease({ ...meta, sync: false, outDir: join(root, "merged", "charts"), now });
    for (const dir of shards) {
      const staging = await readStaging(dir);
      for (const output of staging.charts) await release.addOutput(output, dir);
      for (const chart of staging.failed) await release.fail(chart);
    }
    const merged = await release.finish();
    expect(merged.manifest).toEqual(single.manifest);
    const bytes = async (dir: string) => Object.fromEntries(Object.entries(await snapshotRelease(dir)).map(([name, line]) => [name, line.split(" ").at(-1)]));
    expect(await bytes(merged.releaseDir)).toEqual(await bytes(single.releaseDir));
  });

  it("refuses a shard file that is not the bytes its output lists", async () => {
    const dir = join(root, "shard");
    const staging = await openStaging(dir, { ...meta, shard: "1/1" });
    const output = await staging.add(chart("arms"));
    await staging.finish();
    await writeFile(join(dir, output.variants[0]!.svg.name), "<svg/>");
    const release = await openRelease({ ...meta, sync: false, outDir: join(root, "out", "charts") });
    await expect(release.addOutput(output, dir)).rejects.toThrow(message.fileAltered(output.variants[0]!.svg.bytes, 6));
  });

  it("refuses a staging.json naming a file outside the shard's folder, under its hashed or its stable name", async () => {
    const dir = join(root, "shard");
    const staging = await openStaging(dir, { ...meta, shard: "1/1" });
    await staging.add(chart("arms"));
    await staging.finish();
    const file = join(dir, STAGING);
    const written = JSON.parse(await readFile(file, "utf8"));
    for (const field of ["name", "stable"] as const) {
      const altered = structuredClone(written);
      altered.charts[0].variants[0].svg[field] = "../../escaped.svg";
      await writeFile(file, JSON.stringify(altered));
      await expect(readStaging(dir)).rejects.toThrow('expected a plain file name but received "../../escaped.svg"');
    }
  });

  it("clears an earlier staging, refuses a folder with someone's files, and an unfinished shard", async () => {
    const dir = join(root, "shard");
    const first = await openStaging(dir, { ...meta, shard: "1/1" });
    await first.add(chart("arms"));
    await first.finish();
    const again = await openStaging(dir, { ...meta, shard: "1/1" });
    await expect(readStaging(dir)).rejects.toThrow(/staging\.json: cannot read the shard's staging\.json/);
    await again.finish();
    expect(await readdir(dir)).toEqual([STAGING]);

    const mine = join(root, "mine");
    await openStaging(mine, { ...meta, shard: "1/1" }).then((s) => s.finish());
    await writeFile(join(root, "notes.txt"), "x");
    await expect(openStaging(root, { ...meta, shard: "1/1" })).rejects.toThrow(message.notAStagingFolder(3));
  });
});
