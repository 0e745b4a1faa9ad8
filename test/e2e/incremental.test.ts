// Incremental builds on a synthetic story (the bench's generator, 6 charts):
// a build with nothing changed renders nothing, publishes nothing and loads
// no renderer, validator or checker; one dataset changed re-renders exactly
// the chart that draws it; --force re-renders every chart. And what a build
// prints when no terminal is attached: one line per chart, the summary, the
// time per stage (read with the bench's own parser).
import { mkdtempSync, readFileSync, readlinkSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { parseBuildOutput } from "../bench/buildOutput.ts";
import { changeFigure, generateStory, type Story } from "../bench/story.ts";
import { charts, type Run } from "./cli.ts";

const CHARTS = 6;
const trace = new URL("./fixtures/traceModules.mjs", import.meta.url).pathname;

interface Manifest {
  publishedAt: string;
  charts: Array<{ slug: string; hash: string; inputs: string; lastChanged: string }>;
}

describe("pnpm charts, incremental", () => {
  const dir = mkdtempSync(join(tmpdir(), "charts-incremental-"));
  let story: Story;
  const configFile = () => join(dir, "charts.config.json");
  const out = () => join(dir, "dist/charts");
  const manifest = () => JSON.parse(readFileSync(join(out(), "manifest.json"), "utf8")) as Manifest;
  const build = (args: string[] = [], env: Record<string, string> = {}, nodeArgs: string[] = []) => charts(["--config", configFile(), ...args], env, nodeArgs);
  let cold: Run;

  beforeAll(async () => {
    story = generateStory(dir, { charts: CHARTS, seed: 7 });
    cold = await build();
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints, without a terminal, one line per chart, the summary and the time of every stage", () => {
    expect(cold.stderr).toBe("");
    expect(cold.code).toBe(0);
    const output = parseBuildOutput(cold.stdout);
    expect(output.rendered.sort()).toEqual(story.slugs);
    expect(output.failed).toEqual([]);
    expect(Object.keys(output.stages)).toEqual(["load", "check", "compile", "render", "rasterise", "lint", "publish"]);
    for (const [stage, ms] of Object.entries(output.stages)) expect(ms, stage).toBeGreaterThanOrEqual(0);
    expect(output.stages.render).toBeGreaterThan(0);
    expect(cold.stdout).toMatch(new RegExp(`^${CHARTS} charts built, 0 failed in [\\d.]+ s -> dist/charts$`, "m"));
    expect(cold.stdout).toMatch(new RegExp(`^${CHARTS} rendered \\(\\d+ worker threads?\\), 0 reused; stages: load \\d+ ms, check \\d+ ms, compile \\d+ ms, render \\d+ ms, rasterise \\d+ ms, lint \\d+ ms, publish \\d+ ms`, "m"));
    // no progress bar escapes in a log
    expect(cold.stdout).not.toMatch(/\u001b\[/);
    for (const chart of manifest().charts) expect(chart.inputs).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves out value labels that do not fit at a width (chart-0002: eleven labelled bars), and keeps them where they do", () => {
    const labels = (variant: string) => readFileSync(join(out(), `chart-0002-${variant}.svg`), "utf8").match(/<g class="mark-text role-mark annotation_0_0_marks"[^]*?<\/g>/)?.[0].match(/<text /g)?.length ?? 0;
    const omitted = (variant: string) => JSON.parse(readFileSync(join(out(), `chart-0002-${variant}.vl.json`), "utf8")).usermeta.chart.omitted;
    expect(story.slugs).toContain("chart-0002");
    // at 320 px the labels ("$2.8bn" over a bar 20 px wide) would cross the bars beside them: none drawn, and the spec says so
    expect([labels("320"), omitted("320")]).toEqual([0, [0]]);
    expect([labels("1000"), omitted("1000")]).toEqual([11, undefined]);
  });

  it("with nothing changed renders nothing, publishes nothing, and loads no renderer, validator or checker", async () => {
    const release = readlinkSync(out());
    const before = manifest();
    const modules = join(dir, "modules.txt");
    const run = await build([], { TRACE_MODULES_FILE: modules }, ["--import", trace]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(message.nothingChanged(CHARTS, "dist/charts"));
    expect(parseBuildOutput(run.stdout).rendered).toEqual([]);
    expect(readlinkSync(out())).toBe(release);
    expect(manifest()).toEqual(before);
    const loaded = readFileSync(modules, "utf8");
    expect(loaded).toContain("/apps/cli/src/commands/build.ts");
    for (const heavy of ["/vega/", "/vega-lite/", "/ajv/", "/harfbuzzjs/", "/sharp/", "/subset-font/", "/packages/render/src/index.ts", "/packages/specs/", "/packages/publish/"]) {
      expect(loaded.includes(heavy), `a no-op build loaded ${heavy}`).toBe(false);
    }
  }, 60_000);

  it("with one dataset changed re-renders exactly the chart that draws it, and carries the others over", async () => {
    const before = manifest();
    const change = changeFigure(story, 2);
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(parseBuildOutput(run.stdout).rendered).toEqual([change.slug]);
    expect(run.stdout).toContain(`= ${CHARTS - 1} charts unchanged (inputs as published): carried over, not rendered`);
    const after = manifest();
    for (const chart of after.charts) {
      const old = before.charts.find((c) => c.slug === chart.slug)!;
      if (chart.slug === change.slug) expect(chart.hash).not.toBe(old.hash);
      else expect(chart).toEqual(old);
    }
    // the no-op after it is a no-op again
    const again = await build();
    expect(again.stdout).toContain(message.nothingChanged(CHARTS, "dist/charts"));
  }, 120_000);

  it("rebuilds a chart whose published file was deleted (the no-op check looks at every file)", async () => {
    const chart = manifest().charts[0]!;
    const png = readFileSync(join(out(), "manifest.json"), "utf8").match(new RegExp(`"(${chart.slug}\\.[0-9a-f]{12}\\.png)"`))![1]!;
    unlinkSync(join(out(), png));
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`^! .*${png}: missing\\); ${chart.slug} is published afresh`, "m"));
    expect(parseBuildOutput(run.stdout).rendered).toEqual([chart.slug]);
  }, 120_000);

  it("--force renders every chart again and publishes, with the same files", async () => {
    const before = manifest();
    const run = await build(["--force"]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseBuildOutput(run.stdout).rendered.sort()).toEqual(story.slugs);
    const after = manifest();
    expect(after.publishedAt).not.toBe(before.publishedAt);
    expect(after.charts).toEqual(before.charts);
  }, 240_000);
});
