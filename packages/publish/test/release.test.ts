import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentRelease, listedFiles, publish, readManifest, releasesDir, verifyRelease } from "../src/index.ts";
import { chart } from "./fixtures/syntheticChart.ts";

const build = fileURLToPath(new URL("./fixtures/killableBuild.ts", import.meta.url));
const CHARTS = 120;

let root: string;
let outDir: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "release-"));
  outDir = join(root, "charts");
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Runs the synthetic build; kills it with SIGKILL at a step, or after `afterMs`, or lets it finish. */
function runBuild(tag: string, kill: { step?: string; count?: number; afterMs?: number } = {}) {
  const args = [build, outDir, String(CHARTS), tag, ...(kill.step ? [kill.step, String(kill.count ?? 1)] : [])];
  const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk;
    if (kill.step && output.includes(`stopped at ${kill.step}`)) child.kill("SIGKILL");
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  if (kill.afterMs !== undefined) setTimeout(() => child.kill("SIGKILL"), kill.afterMs);
  return new Promise<{ code: number | null; signal: string | null; output: string }>((done) =>
    child.on("exit", (code, signal) => done({ code, signal, output })),
  );
}

/** The publish folder resolves to a finished release whose files all match its manifest. */
async function assertIntact(expectedTag: string) {
  const current = await currentRelease(outDir);
  expect(current?.manifest.toolVersion).toBe(expectedTag);
  expect(current!.manifest.charts).toHaveLength(CHARTS);
  expect(await verifyRelease(current!.dir)).toEqual([]);
  // And the stable names read through the folder give that build's content.
  expect(await readFile(join(outDir, "chart-7.svg"), "utf8")).toContain(`7 ${expectedTag}`);
  return current!.dir;
}

describe("a killed build", () => {
  it("leaves the previous release published, whenever it is killed", async () => {
    expect(await runBuild("v0")).toMatchObject({ code: 0 });
    let published = await assertIntact("v0");

    // Exact moments: just after taking the lock, mid-way through the files,
    // after the manifest is written but before the swap.
    const moments = [
      { step: "locked" },
      { step: "file", count: 1 },
      { step: "file", count: 700 },
      { step: "manifest" },
    ];
    for (const [i, moment] of moments.entries()) {
      const result = await runBuild(`k${i}`, moment);
      expect(result, result.output).toMatchObject({ signal: "SIGKILL" });
      expect(await assertIntact("v0")).toBe(published);
    }

    // Moments by the clock, wherever the build happens to be.
    for (const afterMs of [150, 400, 800]) {
      const result = await runBuild(`t${afterMs}`, { afterMs });
      const tag = result.signal === "SIGKILL" ? "v0" : `t${afterMs}`;
      if (result.signal !== "SIGKILL") {
        // The build won the race: its release is the published one, and complete.
        published = await assertIntact(tag);
        continue;
      }
      expect(await realpath(outDir)).toBe(published);
      await assertIntact(await readManifest(published).then((m) => m.toolVersion));
    }

    // The next build takes over the dead builds' lock and removes their unfinished releases.
    expect(await runBuild("v1")).toMatchObject({ code: 0 });
    await assertIntact("v1");
    const releases = (await readdir(releasesDir(outDir))).filter((name) => !name.startsWith("."));
    for (const name of releases) {
      expect(await readFile(join(releasesDir(outDir), name, "manifest.json"), "utf8")).toContain('"version": 1');
    }
  });
});

describe("verifyRelease", () => {
  it("finds a truncated or altered file", async () => {
    const dir = join(root, "verify");
    const { releaseDir, manifest } = await publish({ outDir: dir, charts: [chart("arms")], toolVersion: "1", sync: false });
    const svg = manifest.charts[0]!.variants[0]!.svg;
    // Test-only tampering with an immutable release, to prove the check looks.
    await rm(join(releaseDir, svg.name));
    await writeFile(join(releaseDir, svg.name), "<svg/>");
    await rm(join(releaseDir, "arms.vl.json"));
    expect(await verifyRelease(releaseDir)).toEqual([
      `${svg.name}: expected ${svg.bytes} bytes but found 6`,
      expect.stringMatching(/^arms\.vl\.json: ENOENT/),
    ]);
  });
});

describe("listedFiles", () => {
  it("refuses a manifest naming a file outside the release", async () => {
    const dir = join(root, "listed");
    const { manifest } = await publish({ outDir: dir, charts: [chart("arms")], toolVersion: "1", sync: false });
    manifest.charts[0]!.embed.stable = "../../etc/passwd";
    expect(() => listedFiles(manifest)).toThrow('manifest.json: expected a plain file name but received "../../etc/passwd" of type string');
  });
});
