import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { displayPath, message } from "@charts/errors";
import { previousRelease, publish, type PublishResult } from "../src/index.ts";
import { chart } from "./fixtures/syntheticChart.ts";

let root: string;
let outDir: string;
let published: PublishResult;
const base = { toolVersion: "1", sync: false };
const warning = (problem: string, fresh: string[] | "all") => `${displayPath(outDir)}: ${message.untrustedRelease(problem, fresh)}`;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "previous-"));
  outDir = join(root, "dist", "charts");
  published = await publish({ ...base, outDir, charts: [chart("arms"), chart("trade")] });
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe("previousRelease(outDir)", () => {
  it("is nothing before the first publish, and the whole release when it checks out", async () => {
    expect(await previousRelease(join(root, "elsewhere", "charts"))).toBeUndefined();
    expect(await previousRelease(outDir)).toEqual({ dir: published.releaseDir, manifest: published.manifest });
  });

  it("carries nothing over from a release that is gone", async () => {
    await rm(published.releaseDir, { recursive: true });
    expect(await previousRelease(outDir)).toEqual({
      warning: warning(message.releaseMissing(basename(published.releaseDir)), "all"),
    });
  });

  it("carries nothing over from a manifest that is truncated, of another version or not the schema's", async () => {
    const file = join(published.releaseDir, "manifest.json");
    const text = await readFile(file, "utf8");
    const shown = displayPath(file);

    await truncate(file, 100);
    const truncated = await previousRelease(outDir);
    expect(truncated).toEqual({ dir: published.releaseDir, warning: expect.any(String) });
    expect(truncated!.warning).toMatch(new RegExp(`^${displayPath(outDir)}: the published release cannot be trusted \\(${shown}: cannot read the manifest: `));
    expect(truncated!.warning).toMatch(/; every chart is published afresh, without its corrections trail$/);

    await writeFile(file, text.replace('"version": 1', '"version": 2'));
    expect((await previousRelease(outDir))!.warning).toBe(
      warning(`${shown}, version: expected manifest version 1 but received 2 of type number`, "all"),
    );

    await writeFile(file, text.replace('"failed": []', '"failed": {}'));
    expect((await previousRelease(outDir))!.warning).toBe(
      warning(`${shown}, failed: ${message.manifestInvalid("type", "must be array", {})}`, "all"),
    );
  });

  it("carries over the charts whose files check out, not those with a file missing or altered", async () => {
    const arms = published.manifest.charts.find((c) => c.slug === "arms")!;
    await rm(join(published.releaseDir, "arms.svg"));
    // A new file under the hashed name (writing in place would alter its stable name too: they share an inode).
    await rm(join(published.releaseDir, arms.embed.name));
    await writeFile(join(published.releaseDir, arms.embed.name), "<p>altered</p>");
    const previous = await previousRelease(outDir);
    expect(previous!.dir).toBe(published.releaseDir);
    expect(previous!.manifest!.charts.map((c) => c.slug)).toEqual(["trade"]);
    expect(previous!.warning).toBe(
      warning(message.filesDamaged(`arms.svg: ${message.fileMissing()}`, 2), ["arms"]),
    );
  });

  it("refuses a folder publish did not make, and leaves it as it is", async () => {
    const mine = join(root, "mine");
    await mkdir(mine);
    await writeFile(join(mine, "notes.txt"), "someone's notes");
    await expect(previousRelease(mine)).rejects.toThrow(message.notAReleaseLink("a directory"));
    expect(await readdir(mine)).toEqual(["notes.txt"]);
  });
});
