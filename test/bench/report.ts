// The build benchmark's report: medians over the runs, the ratios the "Speed
// and scale" targets are stated in (each with its target and met / NOT met),
// the machine and commit; as Markdown for the terminal and BENCHMARKS.md, and
// as JSON for a script comparing runs. Speed never fails the benchmark.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, release, totalmem, type } from "node:os";
import type { BuildBenchResult, BuildEffect, BuildRun, Figures, SizeResult } from "./build.ts";

export interface Subject {
  /** Charts the subject rendered (vega-cli: its sample). */
  charts: number;
  /** Outputs it rendered: chart variants, each an SVG, a 1x and a 2x PNG (six per chart). Per chart and per output: 0 when it rendered none. */
  outputs: number;
  wallMs: number;
  cpuMs: number;
  cpuMsPerChart: number;
  cpuMsPerOutput: number;
  peakRssKb: number;
  processes: number;
}

export interface SizeSummary {
  charts: number;
  cold: Subject;
  warm: Subject;
  changed: Subject;
  plain: Subject;
  vegaCli: Subject;
  /** Milliseconds per stage (medians): the cold build's from its output, and the plain loop's. */
  stages: { build: Record<string, number>; plain: Record<string, number> };
  /** What the warm and the one-dataset builds did to the published charts (medians of counts). */
  effects: { warm: BuildEffect; changed: BuildEffect & { renderedItsChart: boolean } };
  change: { dataset: string; slug: string; from: string; to: string };
}

export interface TargetRow {
  ratio: string;
  target: string;
  /** One per story size; null where the ratio needs another size. */
  values: Array<{ charts: number; value: number; shown: string; met: boolean } | null>;
}

export interface Summary {
  date: string;
  machine: Machine;
  commit: string;
  command: string;
  buildCommand: string;
  options: BuildBenchResult["options"];
  versions: { project: Record<string, string>; vegaCli: Record<string, string> };
  minutes: number;
  /** 1-minute load average at the start, the most sampled during the run (every 10 s), at the end. */
  loadAverage: { start: number; max: number; end: number };
  sizes: SizeSummary[];
  targets: TargetRow[];
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
}

export function machine(): Machine {
  let os = `${type()} ${release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync("/etc/os-release", "utf8"))?.[1];
    if (pretty) os = `${pretty}, ${os}`;
  } catch {}
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os,
  };
}

/** The checked-out commit, marked when tracked files differ from it. */
export function commit(root: string): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
    const sha = git("rev-parse", "--short=12", "HEAD");
    return git("status", "--porcelain", "--untracked-files=no") ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown (not a git checkout)";
  }
}

export function summarize(
  result: BuildBenchResult,
  context: { machine: Machine; commit: string; command: string; loadAverage: Summary["loadAverage"] },
): Summary {
  const sizes = result.sizes.map(summarizeSize);
  return {
    date: result.startedAt.toISOString(),
    machine: context.machine,
    commit: context.commit,
    command: context.command,
    buildCommand: result.command,
    options: result.options,
    versions: { project: result.projectVersions, vegaCli: result.vegaCliVersions },
    minutes: (result.finishedAt.getTime() - result.startedAt.getTime()) / 60_000,
    loadAverage: context.loadAverage,
    sizes,
    targets: targets(sizes),
  };
}

export function currentLoad(): number {
  return loadavg()[0]!;
}

function summarizeSize(size: SizeResult): SizeSummary {
  const { runs } = size;
  const subject = (pick: (run: SizeResult["runs"][number]) => Figures, charts: number, outputs: number): Subject => {
    const cpuMs = median(runs.map((run) => pick(run).cpuMs));
    return {
      charts,
      outputs,
      wallMs: median(runs.map((run) => pick(run).wallMs)),
      cpuMs,
      cpuMsPerChart: charts ? cpuMs / charts : 0,
      cpuMsPerOutput: outputs ? cpuMs / outputs : 0,
      peakRssKb: median(runs.map((run) => pick(run).peakRssKb)),
      processes: median(runs.map((run) => pick(run).processes)),
    };
  };
  const effect = (pick: (run: SizeResult["runs"][number]) => BuildEffect): BuildEffect => ({
    rendered: median(runs.map((run) => pick(run).rendered)),
    rewritten: median(runs.map((run) => pick(run).rewritten)),
    changed: median(runs.map((run) => pick(run).changed)),
  });
  const { change } = runs[0]!.changed;
  const { outputs } = runs[0]!;
  const perChart = outputs / size.charts;
  // what the warm and one-dataset builds rendered, in charts and outputs (their CPU per output is per output rendered)
  const rendered = (pick: (run: SizeResult["runs"][number]) => BuildRun) => {
    const charts = median(runs.map((run) => pick(run).effect.rendered));
    return subject(pick, charts, charts * perChart);
  };
  return {
    charts: size.charts,
    cold: subject((run) => run.cold, size.charts, outputs),
    warm: rendered((run) => run.warm),
    changed: rendered((run) => run.changed),
    plain: subject((run) => run.plain, size.charts, runs[0]!.plain.outputs),
    vegaCli: subject((run) => run.vegaCli, runs[0]!.vegaCli.charts, runs[0]!.vegaCli.outputs),
    stages: {
      build: stages(runs.map((run) => ({ charts: run.cold.output.chartsMs, ...run.cold.output.stages }))),
      plain: stages(runs.map((run) => run.plain.output.stages)),
    },
    effects: {
      warm: effect((run) => run.warm.effect),
      changed: { ...effect((run) => run.changed.effect), renderedItsChart: runs.every((run) => run.changed.renderedItsChart) },
    },
    change: { dataset: change.dataset, slug: change.slug, from: change.from, to: change.to },
  };
}

/** Median of each stage over the runs that printed it. */
function stages(perRun: Array<Record<string, number>>): Record<string, number> {
  const names = [...new Set(perRun.flatMap((run) => Object.keys(run)))];
  return Object.fromEntries(names.map((name) => [name, median(perRun.flatMap((run) => (name in run ? [run[name]!] : [])))]));
}

/** The issue's targets, one row each, evaluated per story size. */
function targets(sizes: SizeSummary[]): TargetRow[] {
  const times = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)}×`;
  const row = (ratio: string, target: string, value: (size: SizeSummary) => number, shown: (value: number) => string, met: (value: number) => boolean): TargetRow => ({
    ratio,
    target,
    values: sizes.map((size) => {
      const v = value(size);
      return { charts: size.charts, value: v, shown: shown(v), met: met(v) };
    }),
  });
  const rows = [
    row("vega-cli CPU per output ÷ cold build's", "≥ 30×", (s) => s.vegaCli.cpuMsPerOutput / s.cold.cpuMsPerOutput, times, (v) => v >= 30),
    row("cold build CPU ÷ plain loop's (same outputs)", "≤ 1.2×", (s) => s.cold.cpuMsPerOutput / s.plain.cpuMsPerOutput, times, (v) => v <= 1.2),
    row("cold build wall ÷ plain loop's", "≈ 0.5× on 2 cores (met at ≤ 0.55×)", (s) => s.cold.wallMs / s.plain.wallMs, times, (v) => v <= 0.55),
    row("warm no-op build wall ÷ cold build's", "< 5 %", (s) => s.warm.wallMs / s.cold.wallMs, (v) => `${(v * 100).toFixed(1)} %`, (v) => v < 0.05),
    row("warm no-op build wall", "< 1 s (stated for 1000 charts)", (s) => s.warm.wallMs / 1000, (v) => `${v.toFixed(2)} s`, (v) => v < 1),
    row(
      "charts re-rendered after one dataset changed",
      "only its chart (1)",
      (s) => s.effects.changed.rendered,
      (v) => String(v),
      (v) => v === 1,
    ),
  ];
  // Memory as the story grows: the largest size against the smallest.
  const smallest = sizes.reduce((a, b) => (b.charts < a.charts ? b : a));
  const largest = sizes.reduce((a, b) => (b.charts > a.charts ? b : a));
  const rss: TargetRow = {
    ratio: `cold build peak RSS ÷ its peak at ${smallest.charts} charts`,
    target: "≤ 1.2× (1000 charts vs 200)",
    values: sizes.map((size) => {
      if (size === smallest || smallest === largest) return null;
      const value = size.cold.peakRssKb / smallest.cold.peakRssKb;
      return { charts: size.charts, value, shown: times(value), met: value <= 1.2 };
    }),
  };
  return [...rows, rss];
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const mb = (kb: number) => String(Math.round(kb / 1024));

/** The run as Markdown: a `### <date> UTC, <sizes> charts` section. */
export function formatReport(summary: Summary): string {
  const { machine: m, options } = summary;
  const out: string[] = [];
  out.push(`### ${summary.date.slice(0, 16).replace("T", " ")} UTC, ${summary.sizes.map((size) => size.charts).join(" and ")} charts`, "");
  out.push(
    `- machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.os}`,
    `- commit: \`${summary.commit}\``,
    `- command: \`${summary.command}\` (${options.runs} run${options.runs === 1 ? "" : "s"} per size, alternating; medians; ${summary.minutes.toFixed(1)} min)`,
    `- builds: \`${summary.buildCommand}\` (the \`charts\` script without pnpm's start-up); wall time from spawn to exit; ` +
      `CPU = user + system time of every measured Node.js process, all threads, and peak RSS = ru_maxrss of the build process, ` +
      `both from getrusage as each process reports it at exit (process.resourceUsage(), preloaded through NODE_OPTIONS)`,
    `- load average (1 min): ${summary.loadAverage.start.toFixed(2)} at the start, up to ${summary.loadAverage.max.toFixed(2)} during the run ` +
      `(sampled every 10 s), ${summary.loadAverage.end.toFixed(2)} at the end; on ${m.cores} cores, more than ${m.cores} inflates wall times`,
    `- project: vega ${summary.versions.project.vega}, vega-lite ${summary.versions.project["vega-lite"]}, sharp ${summary.versions.project.sharp}; ` +
      `vega-cli ${summary.versions.vegaCli["vega-cli"]} (vega ${summary.versions.vegaCli.vega}, vega-lite ${summary.versions.vegaCli["vega-lite"]}, canvas ${summary.versions.vegaCli.canvas})`,
    "",
  );

  out.push(
    "| charts | subject | charts rendered | outputs rendered | wall s | CPU s | CPU ms per output | peak RSS MB |",
    "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const size of summary.sizes) {
    const subjects: Array<[string, Subject]> = [
      ["project: cold build", size.cold],
      ["project: warm no-op build", size.warm],
      ["project: one dataset changed", size.changed],
      ["plain loop (vega-lite → vega → SVG → sharp)", size.plain],
      [`vega-cli (vl2svg, vl2png ×2 per output)${size.vegaCli.charts < size.charts ? ", sampled" : ""}`, size.vegaCli],
    ];
    for (const [name, s] of subjects) {
      const rss = s.processes > 1 && name.startsWith("vega-cli") ? `${mb(s.peakRssKb)} (largest call)` : mb(s.peakRssKb);
      const perOutput = s.outputs ? s.cpuMsPerOutput.toFixed(1) : "–";
      out.push(`| ${size.charts} | ${name} | ${s.charts} | ${s.outputs} | ${seconds(s.wallMs)} | ${seconds(s.cpuMs)} | ${perOutput} | ${rss} |`);
    }
  }
  out.push("");

  out.push("| ratio | target | " + summary.sizes.map((s) => `${s.charts} charts`).join(" | ") + " |");
  out.push("| --- | --- | " + summary.sizes.map(() => "---:").join(" | ") + " |");
  for (const row of summary.targets) {
    const cells = row.values.map((v) => (v ? `${v.shown} ${v.met ? "met" : "**NOT met**"}` : "–"));
    out.push(`| ${row.ratio} | ${row.target} | ${cells.join(" | ")} |`);
  }
  out.push("");

  for (const size of summary.sizes) {
    const build = Object.entries(size.stages.build);
    const chartsMs = size.stages.build.charts ?? 0;
    const named = build.filter(([name]) => name !== "charts");
    const rest = size.cold.wallMs - chartsMs;
    out.push(
      `- ${size.charts} charts, where the cold build's time goes (from its output): ` +
        (named.length
          ? `stages ${named.map(([name, ms]) => `${name} ${seconds(ms)} s`).join(", ")} (load, check and publish in the main thread; ` +
            `compile, render, rasterise and lint summed over the charts in the worker threads, rasterise being the time some PNG of a chart was being drawn, in sharp's threads beside the next render, ` +
            `so they add up to more than the wall time); the per-chart lines (each chart's time in its worker) add up to ${seconds(chartsMs)} s.`
          : `the per-chart lines add up to ${seconds(chartsMs)} s, the rest of its wall time (start-up, load, check, publish) is ${seconds(rest)} s; it prints no per-stage times.`) +
        ` Plain loop: ${Object.entries(size.stages.plain).map(([name, ms]) => `${name} ${seconds(ms)} s`).join(", ")}.`,
    );
    const { warm, changed } = size.effects;
    out.push(
      `- ${size.charts} charts, what the builds re-rendered: warm no-op ${warm.rendered} of ${size.charts} charts rendered, ` +
        `${warm.rewritten} with published files written anew, ${warm.changed} changed content; ` +
        `one dataset changed (${size.change.dataset}, drawn only by ${size.change.slug}: ${size.change.from} → ${size.change.to} in data.csv and its text) ` +
        `${changed.rendered} of ${size.charts} rendered${changed.renderedItsChart ? ` (${size.change.slug} among them)` : ` (**${size.change.slug} not among them**)`}, ` +
        `${changed.rewritten} with files written anew, ${changed.changed} changed content.`,
    );
  }
  out.push("");
  return out.join("\n");
}

const MARKER = "<!-- pnpm bench build adds its runs below, newest first -->";

/** Adds the run to `file` (BENCHMARKS.md) under its build section, newest first; other sections stay. */
export function writeBenchmarks(file: string, report: string): void {
  let text = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n";
  if (!text.includes(MARKER)) text = `${text.trimEnd()}\n\n## Build benchmark\n\n${MARKER}\n`;
  writeFileSync(file, text.replace(MARKER, `${MARKER}\n\n${report.trimEnd()}\n`));
}

export function median(values: number[]): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
