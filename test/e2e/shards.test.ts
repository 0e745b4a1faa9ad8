// A build split across machines: `charts --shard I/N --out DIR` on each, then
// `charts merge DIR...` publishes them as one release. With the same clock it
// is byte for byte the release a single build publishes: every file and the
// manifest, a failed chart included.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { parseBuildOutput } from "../bench/buildOutput.ts";
import { generateStory } from "../bench/story.ts";
import { charts } from "./cli.ts";

const NOW = "2024-06-20T08:00:00.000Z";

/** Every file of a published release, by name, with its bytes. */
function release(out: string): Record<string, string> {
  return Object.fromEntries(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name)).toString("base64")]));
}

describe("charts --shard I/N and charts merge", () => {
  const dir = mkdtempSync(join(tmpdir(), "charts-shards-"));
  const config = join(dir, "charts.config.json");
  let slugs: string[];

  beforeAll(() => {
    slugs = generateStory(dir, { charts: 7, seed: 3 }).slugs;
    // one chart that fails: a field its dataset does not have
    const broken = join(dir, "charts", `${slugs[4]}.chart.json`);
    writeFileSync(broken, readFileSync(broken, "utf8").replace(/"field": "(exports|imports)_usd_m"/, '"field": "value_usd_m"'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("publishes, merged, the release a single build publishes, byte for byte", async () => {
    const single = await charts(["--config", config, "--out", join(dir, "single/charts"), "--now", NOW]);
    expect(single.code).toBe(1); // the broken chart
    expect(single.stderr).toMatch(new RegExp(`^✗ ${slugs[4]} `, "m"));

    const parts: string[] = [];
    for (const part of ["1/3", "2/3", "3/3"]) {
      const out = join(dir, `shard-${part[0]}`);
      const run = await charts(["--config", config, "--shard", part, "--out", out, "--now", NOW]);
      expect(run.stdout).toMatch(new RegExp(`-> shard ${part} -> ${out.replace(dir + "/", "")}$`, "m"));
      parts.push(out);
      // each chart in exactly one part
    }
    const rendered = await Promise.all(parts.map(async (out) => JSON.parse(readFileSync(join(out, "staging.json"), "utf8")).charts.map((c: { slug: string }) => c.slug)));
    expect(rendered.flat().sort()).toEqual(slugs.filter((slug) => slug !== slugs[4]));
    expect(rendered.every((part) => part.length >= 1)).toBe(true);

    const merged = await charts(["merge", ...parts.reverse(), "--config", config, "--out", join(dir, "merged/charts"), "--now", NOW]);
    expect(merged.stdout).toMatch(/^6 charts from 3 shards merged, 1 failed/m);
    expect(merged.code).toBe(1);
    expect(parseBuildOutput(merged.stderr).failed).toEqual([slugs[4]]);

    const a = release(join(dir, "single/charts"));
    const b = release(join(dir, "merged/charts"));
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(b[name], name).toBe(a[name]);
    expect(JSON.parse(readFileSync(join(dir, "merged/charts/manifest.json"), "utf8")).publishedAt).toBe(NOW);
  }, 300_000);

  it("refuses parts that do not make one build, and an unfinished shard", async () => {
    const missing = await charts(["merge", join(dir, "shard-1"), join(dir, "shard-2"), "--config", config, "--out", join(dir, "m2/charts")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(message.shardsIncomplete(["1/3", "2/3"], 3));
    const empty = join(dir, "empty");
    const unfinished = await charts(["merge", empty, "--config", config, "--out", join(dir, "m3/charts")]);
    expect(unfinished.code).toBe(1);
    expect(unfinished.stderr).toMatch(/staging\.json: cannot read the shard's staging\.json \(did its build finish\?\)/);
    const bad = await charts(["--config", config, "--shard", "4/3"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`--shard: ${message.invalid(message.expectedShard(), "4/3")}`);
  }, 60_000);
});
