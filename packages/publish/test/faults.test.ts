// Faults a build must survive without harming what is published: SIGKILL at
// any moment, a disk that fills up, a folder that is or turns read-only. After
// each, the publish folder shows one whole release (the old one, or the new
// one once the swap has happened: never a mix), and the next build, with
// nothing done by hand, publishes and leaves nothing stale behind.
//
// The moments are seeded (CHARTS_FAULT_SEED replays a run; CHARTS_FAULT_ROUNDS
// multiplies the iterations). What is asserted never depends on timing: a kill
// that lands later than planned only moves the moment, and every moment has
// the same guarantee.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { ChartsError, displayPath, message } from "@charts/errors";
import { currentRelease, publish, releasesDir, RELEASE_NAME, type PublishResult, type PublishStep } from "../src/index.ts";
import { bindInPlace, canMount, limitTmpfs, mountTmpfs, setReadOnly, unmountAll, used } from "./fixtures/mounts.ts";
import { assertClean, assertWhole, snapshotRelease } from "./fixtures/publishFolder.ts";
import { faultSeed, seeded } from "./fixtures/random.ts";
import { syntheticBuild } from "./fixtures/syntheticChart.ts";

const build = fileURLToPath(new URL("./fixtures/killableBuild.ts", import.meta.url));
const rounds = Number(process.env.CHARTS_FAULT_ROUNDS ?? 1);
const CHARTS = 6;
/** Files placed per build: 2 variants x 3 files + Vega-Lite + embed, under hashed and stable names. */
const FILES = CHARTS * 16;
const KEEP = 2;
const STEPS: PublishStep[] = ["locked", "file", "manifest", "swapping", "swapped", "pruning", "pruned"];
/** Steps after which the new release is the published one. */
const AFTER_SWAP = new Set<PublishStep>(["swapped", "pruning", "pruned"]);

const root = mkdtempSync(join(tmpdir(), "faults-"));
const mountable = canMount(root);
afterEach(() => unmountAll(root));
afterAll(async () => {
  unmountAll(root);
  await rm(root, { recursive: true, force: true });
});

interface Killed {
  /** What the child printed: "stopped at STEP", "armed at STEP", "published". */
  output: string;
  signal: NodeJS.Signals | null;
  code: number | null;
}

/**
 * Runs a build in a child process that is killed with SIGKILL: by this
 * process when it stops at `at` (then: "stop"), or by its own watchdog thread
 * `delayUs` after it reaches `at` (then: "kill"), wherever it has got to by
 * then. A build that finishes first is not killed.
 */
function killBuild(outDir: string, tag: string, content: string, at: { step: PublishStep; count: number; then: "stop" | "kill"; delayUs?: number }) {
  const args = { outDir, charts: CHARTS, tag, content, keep: KEEP, graceMs: 0, at };
  const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", build, JSON.stringify(args)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk;
    if (output.includes(`stopped at ${at.step}`)) child.kill("SIGKILL");
  });
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  return new Promise<Killed>((done) => child.on("exit", (code, signal) => done({ code, signal, output })));
}

/** The next build, in this process, with nothing cleaned by hand: it must publish and leave the folder clean. */
async function recover(outDir: string, tag: string, content: string) {
  const result = await publish({ outDir, charts: syntheticBuild(CHARTS, content), toolVersion: tag, keep: KEEP, graceMs: 0 });
  expect(result.warnings).toEqual([]);
  await assertClean(outDir, KEEP);
  expect((await currentRelease(outDir))!.manifest.toolVersion).toBe(tag);
}

describe("a build killed with SIGKILL", () => {
  it("at every step (seeded counts) leaves the old release or, once swapped, the new one; the next build recovers", async () => {
    const random = seeded(faultSeed);
    const outDir = join(root, "exact", "charts");
    // Two releases, so a build that gets as far as pruning always has one to prune.
    await recover(outDir, "v0", "b");
    await recover(outDir, "v1", "a");
    const plan = Array.from({ length: 3 * rounds }, () => STEPS).flat();
    for (const [i, step] of plan.entries()) {
      const count = step === "file" ? random.int(1, FILES) : 1;
      const before = await assertWhole(outDir);
      const untouched = await snapshotRelease(before.dir);
      const content = i % 2 ? "a" : "b";
      const killed = await killBuild(outDir, `k${i}`, content, { step, count, then: "stop" });
      const moment = `seed ${faultSeed}, kill ${i} at ${step} #${count}: ${killed.output}`;
      expect(killed.signal, moment).toBe("SIGKILL");
      expect(killed.output, moment).toContain(`stopped at ${step}`);

      const after = await assertWhole(outDir);
      if (AFTER_SWAP.has(step)) {
        expect(after.manifest.toolVersion, moment).toBe(`k${i}`);
      } else {
        expect(after.dir, moment).toBe(before.dir);
        expect(await snapshotRelease(after.dir), moment).toEqual(untouched);
      }
      await recover(outDir, `r${i}`, content);
    }
  }, 600_000);

  it("at random moments (seeded delays after a seeded step) leaves a whole release; the next build recovers", async () => {
    const random = seeded(faultSeed + 1);
    const outDir = join(root, "random", "charts");
    await recover(outDir, "v0", "b");
    await recover(outDir, "v1", "a");
    const outcomes = { old: 0, new: 0 };
    for (let i = 0; i < 30 * rounds; i++) {
      const step = random.pick(STEPS);
      const count = step === "file" ? random.int(1, FILES) : 1;
      // 1 µs to 20 ms, evenly on a log scale: a whole publish takes a few tens of milliseconds.
      const delayUs = Math.round(Math.exp(random() * Math.log(20_000)));
      const before = await assertWhole(outDir);
      const untouched = await snapshotRelease(before.dir);
      const content = i % 2 ? "a" : "b";
      const killed = await killBuild(outDir, `k${i}`, content, { step, count, then: "kill", delayUs });
      const moment = `seed ${faultSeed + 1}, kill ${i} ${delayUs} µs after ${step} #${count}: ${killed.output}`;
      expect(killed.output, moment).toContain(`armed at ${step}`);

      const after = await assertWhole(outDir);
      if (after.dir === before.dir) {
        outcomes.old++;
        expect(killed.signal, moment).toBe("SIGKILL");
        expect(await snapshotRelease(after.dir), moment).toEqual(untouched);
      } else {
        outcomes.new++;
        expect(after.manifest.toolVersion, moment).toBe(`k${i}`);
      }
      await recover(outDir, `r${i}`, content);
    }
    // Not asserted (it depends on the machine's speed), but worth seeing: kills landed on both sides of the swap.
    console.log(`random kills (seed ${faultSeed + 1}): ${outcomes.old} left the old release, ${outcomes.new} the new one`);
  }, 600_000);
});

/** A build that is expected to fail on a write, in this process: its error, and the step it had reached. */
async function failingBuild(outDir: string, tag: string, content: string, onStep?: (step: PublishStep) => void, charts = CHARTS) {
  let reached = "start";
  const outcome = await publish({
    outDir,
    charts: syntheticBuild(charts, content),
    toolVersion: tag,
    keep: KEEP,
    graceMs: 0,
    onStep: (step) => {
      reached = step;
      onStep?.(step);
    },
  }).catch((error: unknown) => error);
  return { outcome, reached };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** What a failed write was making, from the path its error names (`dest` for a link, symlink or rename). */
function whatFailed(error: ChartsError): string {
  const { path, dest } = error.cause as { path?: string; dest?: string };
  const name = basename(String(dest ?? path));
  if (name.startsWith(".lock")) return "lock";
  if (name.endsWith(".swap")) return "swap";
  if (name === "manifest.schema.json") return "schema";
  if (name.startsWith("manifest.json")) return "manifest";
  if (name.endsWith("-")) return "release folder"; // mkdtemp's prefix
  return "file";
}

/** The build failed on a write and said so; the folder shows the old release, untouched; nothing of the build is left. */
async function assertFailedCleanly(outDir: string, outcome: unknown, code: string, before: { dir: string; files: Record<string, string>; releases: string[] }) {
  expect(outcome).toBeInstanceOf(ChartsError);
  const error = outcome as ChartsError;
  expect((error.cause as NodeJS.ErrnoException).code).toBe(code);
  expect(error.message).toContain(message.publishFailed((error.cause as Error).message));
  const after = await assertWhole(outDir);
  expect(after.dir).toBe(before.dir);
  expect(await snapshotRelease(after.dir)).toEqual(before.files);
  return error;
}

async function stateOf(outDir: string) {
  const { dir } = await assertWhole(outDir);
  const releases = (await readdir(releasesDir(outDir))).filter((name) => RELEASE_NAME.test(name)).sort();
  return { dir, files: await snapshotRelease(dir), releases };
}

describe.skipIf(!mountable)("a write that fails (real mounts: tmpfs and read-only bind mounts)", () => {
  it("on a full disk, at every page and every inode the build needs, leaves the old release; the next build recovers", async () => {
    const disk = join(root, "disk");
    mountTmpfs(disk, 16 * 2 ** 20);
    const outDir = join(disk, "dist", "charts");
    await recover(outDir, "v0", "a");
    const roomy = { bytes: 16 * 2 ** 20, inodes: 100_000 };
    const failedAt = { bytes: new Set<string>(), inodes: new Set<string>() };

    // One more page, or one more inode, at a time, until the build fits: the
    // disk fills up at each write in turn. Two charts keep the sweep short;
    // each attempt has new content, so every file is written, not linked.
    for (const limit of ["bytes", "inodes"] as const) {
      for (let extra = 0; ; extra += limit === "bytes" ? 4096 : 1) {
        const before = await stateOf(outDir);
        const inUse = await used(disk);
        limitTmpfs(disk, { ...roomy, [limit]: inUse[limit] + extra });
        const tag = `full-${limit}-${extra}`;
        const { outcome } = await failingBuild(outDir, tag, tag, undefined, 2);
        limitTmpfs(disk, roomy);
        if (!(outcome instanceof Error)) {
          expect((outcome as PublishResult).manifest.toolVersion).toBe(tag);
          break;
        }
        const error = await assertFailedCleanly(outDir, outcome, "ENOSPC", before);
        expect(await stateOf(outDir).then((s) => s.releases)).toEqual(before.releases);
        failedAt[limit].add(whatFailed(error));
      }
      await recover(outDir, `r-${limit}`, "c");
    }
    // Every kind of write met a full disk. Pages run out at the lock, the
    // files, the schema and the manifest (a folder and a short symlink take
    // none on tmpfs); inodes (which tmpfs also counts per hard link) at the
    // lock, the files, the schema, the manifest and the swap's new link.
    expect([...failedAt.bytes]).toEqual(expect.arrayContaining(["file", "lock", "manifest", "schema"]));
    expect([...failedAt.inodes]).toEqual(expect.arrayContaining(["file", "lock", "manifest", "schema", "swap"]));
  }, 600_000);

  it("in a read-only folder, or one that turns read-only at any step, leaves the old release; the next build recovers", async () => {
    const random = seeded(faultSeed + 2);
    const dist = join(root, "readonly", "dist");
    mkdirSync(dist, { recursive: true });
    const outDir = join(dist, "charts");
    await recover(outDir, "v0", "a");
    // dist/ (where the symlink is swapped) and dist/.charts.releases/ (the lock and releases), each its own mount.
    const releases = releasesDir(outDir);
    bindInPlace(dist);
    bindInPlace(releases);

    // Read-only from the start: the publish folder's parent, the releases, or both.
    for (const [i, readOnly] of [[dist], [releases], [dist, releases]].entries()) {
      const before = await stateOf(outDir);
      for (const dir of readOnly) setReadOnly(dir, true);
      const { outcome, reached } = await failingBuild(outDir, `ro-${i}`, `ro-${i}`);
      for (const dir of readOnly) setReadOnly(dir, false);
      const error = await assertFailedCleanly(outDir, outcome, "EROFS", before);
      // With only dist/ read-only the whole release is prepared, then the swap is refused, and the release removed.
      expect(whatFailed(error)).toBe(readOnly.length === 1 && readOnly[0] === dist ? "swap" : "lock");
      expect(reached).toBe(readOnly.length === 1 && readOnly[0] === dist ? "manifest" : "start");
      expect(await stateOf(outDir).then((s) => s.releases)).toEqual(before.releases);
      await recover(outDir, `r-ro-${i}`, `r-ro-${i}`);
    }

    // Turning read-only mid-build: the releases once the lock is taken or at
    // a file (seeded), dist/ once the manifest is written or once the new link
    // is made, before its rename. A build whose releases turn read-only cannot
    // remove what it made, nor its lock: the next build does.
    const moments: Array<{ step: PublishStep; count: number; dir: string }> = [
      { step: "locked", count: 1, dir: releases },
      ...Array.from({ length: 4 }, () => ({ step: "file" as const, count: random.int(1, FILES), dir: releases })),
      { step: "manifest", count: 1, dir: dist },
      { step: "swapping", count: 1, dir: dist },
    ];
    for (const [i, { step, count, dir }] of moments.entries()) {
      const before = await stateOf(outDir);
      let seen = 0;
      const tag = `turn-${i}`;
      const { outcome } = await failingBuild(outDir, tag, tag, (at) => {
        if (at === step && ++seen === count) setReadOnly(dir, true);
      });
      setReadOnly(dir, false);
      expect(seen, `${tag}: read-only at ${step} #${count}`).toBeGreaterThanOrEqual(count);
      console.log("MOMENT", tag, step, count, dir, outcome instanceof Error ? outcome.message : "published");
      await assertFailedCleanly(outDir, outcome, "EROFS", before);
      await recover(outDir, `r-${tag}`, `r-${tag}`);
    }

    // Read-only just after the swap: published, the prune fails and says so; the next build prunes.
    let turned = false;
    const published = await publish({
      outDir,
      charts: syntheticBuild(CHARTS, "after-swap"),
      toolVersion: "after-swap",
      keep: KEEP,
      graceMs: 0,
      onStep: (step) => {
        if (step === "swapped" && !turned) setReadOnly(releases, (turned = true));
      },
    });
    setReadOnly(releases, false);
    const [head, tail] = message.pruneFailed("\0").split("\0");
    expect(published.warnings).toHaveLength(1);
    expect(published.warnings[0]).toMatch(new RegExp(`^${escape(`${displayPath(outDir)}: ${head}EROFS: read-only file system`)}.*${escape(tail!)}$`));
    expect((await assertWhole(outDir)).manifest.toolVersion).toBe("after-swap");
    await recover(outDir, "r-after-swap", "r-after-swap");
  }, 600_000);
});
