// `pnpm bench build` end to end at a tiny size: every figure and ratio of the
// report is a number, the run lands in BENCHMARKS.md beside the other sections,
// and the one-dataset edit changes exactly its chart. Speeds are never asserted.
// The first run installs vega-cli into test/bench/vega-cli/ (node-canvas may
// build from source: a minute or two).
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Summary } from "../bench/report.ts";
import { writeBenchmarks } from "../bench/report.ts";
import { root } from "./cli.ts";

/** The root `bench` script as pnpm runs it (same node, same preload). */
function bench(args: string[], timeout = 30_000) {
  const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [, ...nodeArgs] = scripts.bench!.split(" ");
  return spawnSync(process.execPath, [...nodeArgs, ...args], { cwd: root, encoding: "utf8", timeout });
}

const NUMBER = /^-?\d+(\.\d+)?$/;

describe("pnpm bench build (3 and 5 charts, vega-cli on 2, two runs)", () => {
  const dir = mkdtempSync(join(tmpdir(), "bench-e2e-"));
  const markdown = join(dir, "BENCHMARKS.md");
  const json = join(dir, "summary.json");
  let run: ReturnType<typeof bench>;
  let summary: Summary;

  beforeAll(() => {
    copyFileSync(join(root, "BENCHMARKS.md"), markdown);
    run = bench(["build", "--charts", "3,5", "--vega-cli-sample", "2", "--runs", "2", "--write", markdown, "--json", json], 900_000);
    summary = JSON.parse(readFileSync(json, "utf8")) as Summary;
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs to the end and prints its progress", () => {
    expect(run.status, run.stderr).toBe(0);
    for (const charts of [3, 5]) {
      for (const subject of ["cold build", "warm no-op build", "one dataset changed", "plain loop", "vega-cli, 2 charts"]) {
        expect(run.stderr).toContain(`${charts} charts, run 2/2: ${subject}`);
      }
    }
  });

  it("measures every subject at every size, per output (a variant's SVG, 1x and 2x PNG): wall, CPU, peak RSS", () => {
    expect(summary.sizes.map((size) => size.charts)).toEqual([3, 5]);
    for (const size of summary.sizes) {
      // the warm build renders nothing, the one-dataset build one chart; each chart has six outputs
      const charts = { cold: size.charts, warm: 0, changed: 1, plain: size.charts, vegaCli: 2 };
      for (const name of ["cold", "warm", "changed", "plain", "vegaCli"] as const) {
        const subject = size[name];
        expect(subject.charts, name).toBe(charts[name]);
        expect(subject.outputs, name).toBe(6 * charts[name]);
        for (const figure of [subject.wallMs, subject.cpuMs, subject.peakRssKb, ...(subject.outputs ? [subject.cpuMsPerOutput] : [])]) {
          expect(Number.isFinite(figure) && figure > 0, `${size.charts} ${name}: ${figure}`).toBe(true);
        }
      }
      expect(size.stages.build.charts).toBeGreaterThan(0);
      for (const stage of ["load", "check", "compile", "render", "rasterise", "publish"]) expect(size.stages.build[stage], stage).toBeGreaterThanOrEqual(0);
      expect(Object.keys(size.stages.plain)).toEqual(["compile", "svg", "png", "png2x", "write"]);
    }
  });

  it("the one-dataset edit renders and changes its chart only, and the no-op build renders and changes none", () => {
    for (const size of summary.sizes) {
      expect(size.effects.warm).toMatchObject({ rendered: 0, changed: 0, rewritten: 0 });
      expect(size.effects.changed.rendered).toBe(1);
      expect(size.effects.changed.changed).toBe(1);
      expect(size.effects.changed.rewritten).toBe(1);
      expect(size.effects.changed.renderedItsChart).toBe(true);
      expect(size.change.from).not.toBe(size.change.to);
    }
  });

  it("gives every ratio with its target, met or not, as a number", () => {
    expect(summary.targets.map((row) => row.ratio)).toHaveLength(7);
    for (const row of summary.targets) {
      const values = row.ratio.startsWith("cold build peak RSS") ? row.values.slice(1) : row.values;
      expect(values, row.ratio).toHaveLength(row.ratio.startsWith("cold build peak RSS") ? 1 : 2);
      for (const value of values) {
        expect(Number.isFinite(value!.value), `${row.ratio}: ${value!.value}`).toBe(true);
        expect(typeof value!.met).toBe("boolean");
      }
    }
    expect(summary.targets.at(-1)!.values[0]).toBeNull(); // the smallest size is the baseline
  });

  it("prints the report with the machine, the commit and every table cell a number", () => {
    const report = run.stdout;
    expect(report).toMatch(/^- machine: .+, \d+ cores, [\d.]+ GiB, Node v\d+/m);
    expect(report).toMatch(/^- commit: `[0-9a-f]{12}/m);
    expect(report).toMatch(/^- load average \(1 min\): [\d.]+ at the start, up to [\d.]+ during the run/m);
    expect(report).not.toMatch(/NaN|undefined|Infinity/);
    const rows = report.split("\n").filter((line) => /^\| \d+ \| /.test(line));
    expect(rows).toHaveLength(10);
    for (const line of rows) {
      const [, charts, subject, rendered, outputs, wall, cpu, perOutput, rss] = line.split("|").map((cell) => cell.trim());
      for (const cell of [charts, rendered, outputs, wall, cpu, rss!.split(" ")[0]]) expect(cell, line).toMatch(NUMBER);
      // CPU per output of what it rendered: none for the no-op build
      expect(perOutput, line).toMatch(subject!.includes("warm no-op") ? /^–$/ : NUMBER);
    }
    const ratios = report.split("\n").filter((line) => / (met|\*\*NOT met\*\*) \|/.test(line));
    expect(ratios).toHaveLength(7);
  });

  it("adds the run to BENCHMARKS.md under the build section, newest first, keeping the service section", () => {
    const text = readFileSync(markdown, "utf8");
    expect(text).toContain("## Service benchmark");
    expect(text).toContain(run.stdout.trim());
    writeBenchmarks(markdown, "### a later run\n");
    const later = readFileSync(markdown, "utf8");
    expect(later.indexOf("### a later run")).toBeGreaterThan(later.indexOf("## Build benchmark"));
    expect(later.indexOf("### a later run")).toBeLessThan(later.indexOf(run.stdout.trim()));
  });
});

describe("pnpm bench: commands and usage errors", () => {
  it("has --help on each command", () => {
    for (const command of ["build", "serve"]) {
      const run = bench([command, "--help"]);
      expect(run.status, command).toBe(0);
      expect(run.stdout).toContain(`Usage: pnpm bench ${command}`);
    }
  });

  it("refuses unknown options, commands and malformed values with exit 2, without a stack trace", () => {
    for (const args of [["build", "--nope"], ["serve", "--charts", "x"], ["build", "--charts", "200,,1000"], ["bogus"], []]) {
      const run = bench(args);
      expect(run.status, args.join(" ")).toBe(2);
      expect(run.stderr).toMatch(/^error: /);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
