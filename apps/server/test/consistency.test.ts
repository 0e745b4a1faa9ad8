import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentRelease, publish, sha256, verifyRelease } from "@charts/publish";
import { createServer } from "../src/index.ts";
import { syntheticChart } from "./fixtures/charts.ts";
import { Timeline } from "./fixtures/timeline.ts";

const CHARTS = 6;
// Stable names: their content changes with every rebuild.
const NAMES = ["chart-0.svg", "chart-0-dark.svg", "chart-1.png", "chart-1@2x.png", "chart-2.html", "chart-3.vl.json", "manifest.json"];
let root: string;
let dir: string;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "consistency-"));
  dir = join(root, "charts");
  app = await createServer({ dir });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

/** Fetches the names in a loop until `stop()`; a response is good when whole and listed by a release of its time. */
async function fetchLoop(timeline: Timeline, stop: () => boolean) {
  let good = 0;
  const broken: string[] = [];
  while (!stop()) {
    for (const name of NAMES) {
      const start = performance.now();
      const response = await fetch(`${base}/charts/${name}`);
      const body = Buffer.from(await response.arrayBuffer());
      const end = performance.now();
      // fetch asks for gzip and decodes it: the tag then names the encoded body.
      const tagged = response.headers.get("etag")?.replace(/-(gzip|br)"$/, '"') === `"${sha256(body)}"`;
      if (response.status === 200 && tagged && timeline.check(name, body, start, end)) good++;
      else broken.push(`${name}: ${response.status} ${response.headers.get("etag")}`);
    }
  }
  return { good, broken };
}

describe("responses during rebuilds", () => {
  it("are whole and from a release of their time, through rebuilds and a killed build", async () => {
    const timeline = new Timeline();
    const rebuild = (version: number) =>
      publish({
        outDir: dir,
        charts: Array.from({ length: CHARTS }, (_, i) => syntheticChart(`chart-${i}`, version, { dark: i % 2 === 0 })),
        toolVersion: `v${version}`,
        sync: false,
        onStep: async (step, releaseDir) => {
          if (step === "manifest") await timeline.publishing(releaseDir!);
          if (step === "swapped") timeline.swapped();
        },
      });

    await rebuild(1);
    let done = false;
    const loops = Array.from({ length: 4 }, () => fetchLoop(timeline, () => done));
    for (let version = 2; version <= 10; version++) await rebuild(version);

    // A build killed mid-way while the loops go on: they keep getting the last release.
    const published = (await currentRelease(dir))!.dir;
    const script = fileURLToPath(new URL("./fixtures/rebuild.ts", import.meta.url));
    const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", script, dir, "99", String(CHARTS), "20"]);
    await new Promise<void>((resolve) => child.stdout.on("data", (chunk: Buffer) => chunk.includes("stopping") && resolve()));
    child.kill("SIGKILL");
    await new Promise((resolve) => child.on("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    done = true;

    const results = await Promise.all(loops);
    expect(results.flatMap((result) => result.broken)).toEqual([]);
    expect(results.reduce((sum, result) => sum + result.good, 0)).toBeGreaterThan(100);
    expect((await currentRelease(dir))!.dir).toBe(published);
    expect(await verifyRelease(published)).toEqual([]);
  });
});
