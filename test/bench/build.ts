// The build benchmark: for each story size, on a seeded synthetic story
// (story.ts), and `runs` times, alternating so that machine noise hits every
// subject alike:
//   1. the project's cold build (a fresh story, no previous release),
//   2. the same build again with nothing changed (warm no-op),
//   3. one dataset figure changed, with the sentence quoting it, then built,
//   4. the plain loop (plainLoop.ts) on the specs the cold build published,
//      every variant of every chart (six outputs per chart: SVG + 1x + 2x PNG each),
//   5. vega-cli on the outputs of a seeded sample of the charts.
// Each is a child process measured by measure.ts. Returns every run's figures;
// report.ts takes medians and prints them. Throws on a broken run (a build that
// fails, a missing output), never on speed.
import { readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBuildOutput, type BuildOutput } from "./buildOutput.ts";
import { measure, type Measurement } from "./measure.ts";
import { writePlainSpecs, type PlainChart } from "./plainSpecs.ts";
import { changeFigure, generateStory, random, type FigureChange } from "./story.ts";
import { ensureVegaCli, runVegaCli } from "./vegaCli.ts";

export const root = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface BuildBenchOptions {
  /** Story sizes, in charts (default 200 and 1000). */
  charts?: number[];
  seed?: number;
  /** Charts vega-cli renders per run (every variant of each), a seeded sample (default 10; all when a story has fewer). */
  vegaCliSample?: number;
  /** Runs per story size (default 2); the report gives medians. */
  runs?: number;
  /** Keep the stories and outputs (their folder is logged). */
  keep?: boolean;
  /** Progress, one line at a time (the CLI writes it to stderr). */
  log?: (line: string) => void;
}

/** What a run measured (measure.ts), without what it printed. */
export type Figures = Omit<Measurement, "stdout" | "stderr">;

/** What a build did to the published charts, seen from outside. */
export interface BuildEffect {
  /** Charts the build printed a rendered line for. */
  rendered: number;
  /** Charts with a published file written anew (an inode the previous release did not have). */
  rewritten: number;
  /** Charts whose content hash in the manifest changed. */
  changed: number;
}

export interface BuildRun extends Figures {
  output: BuildOutput;
  effect: BuildEffect;
}

export interface SizeRun {
  /** Outputs (chart variants: SVG + 1x + 2x PNG) the cold build published, and the plain loop rendered. */
  outputs: number;
  cold: BuildRun;
  warm: BuildRun;
  changed: BuildRun & { change: FigureChange; renderedItsChart: boolean };
  plain: Figures & { output: BuildOutput; outputs: number };
  vegaCli: Figures & { charts: number; outputs: number };
}

export interface SizeResult {
  charts: number;
  runs: SizeRun[];
}

export interface BuildBenchResult {
  options: Required<Omit<BuildBenchOptions, "log" | "keep">>;
  /** The command each build ran (the root `charts` script, without pnpm). */
  command: string;
  vegaCliVersions: Record<string, string>;
  projectVersions: Record<string, string>;
  sizes: SizeResult[];
  startedAt: Date;
  finishedAt: Date;
}

export async function benchBuild(options: BuildBenchOptions = {}): Promise<BuildBenchResult> {
  const sizes = options.charts ?? [200, 1000];
  const seed = options.seed ?? 1;
  const sample = options.vegaCliSample ?? 10;
  const runs = options.runs ?? 2;
  const log = options.log ?? (() => {});
  const startedAt = new Date();
  const vegaCliVersions = ensureVegaCli(log);
  const build = chartsCommand();
  const work = await mkdtemp(join(tmpdir(), "bench-build-"));
  if (options.keep) log(`keeping the stories and outputs in ${work}`);
  const results: SizeResult[] = [];
  try {
    for (const charts of sizes) {
      const size: SizeResult = { charts, runs: [] };
      results.push(size);
      const specs = join(work, `specs-${charts}`);
      let plainCharts: PlainChart[] = [];
      let vegaCliCharts: PlainChart[] = [];
      for (let run = 1; run <= runs; run++) {
        const label = (subject: string) => `${charts} charts, run ${run}/${runs}: ${subject}`;
        const dir = join(work, `story-${charts}-${run}`);
        const story = generateStory(dir, { charts, seed });
        const configFile = join(dir, "charts.config.json");
        const publishDir = join(dir, "dist/charts");
        const runBuild = async (subject: string) => {
          const before = snapshot(publishDir);
          const measured = await measure(build.command, [...build.args, "--config", configFile], {
            cwd: root,
            onLine: progress(label(subject), charts, log),
          });
          const output = parseBuildOutput(measured.stdout);
          if (output.failed.length) throw new Error(`${label(subject)}: charts failed: ${output.failed.join(", ")}`);
          const result: BuildRun = { ...figures(measured), output, effect: effect(before, snapshot(publishDir), output) };
          done(log, label(subject), result);
          return result;
        };

        const cold = await runBuild("cold build");
        if (cold.output.rendered.length !== charts) {
          throw new Error(`${label("cold build")}: printed ${cold.output.rendered.length} chart lines for ${charts} charts`);
        }
        if (run === 1) {
          plainCharts = writePlainSpecs(publishDir, specs);
          if (plainCharts.length !== charts) throw new Error(`the cold build published ${plainCharts.length} of ${charts} charts`);
          const sampled = new Set(pick(plainCharts.map((chart) => chart.slug), Math.min(sample, charts), seed));
          vegaCliCharts = plainCharts.filter((chart) => sampled.has(chart.slug));
        }
        const outputs = plainCharts.flatMap((chart) => chart.outputs);
        const warm = await runBuild("warm no-op build");
        const change = changeFigure(story, Math.floor(charts / 2));
        const changedRun = await runBuild(`one dataset changed (${change.dataset})`);
        const changed = { ...changedRun, change, renderedItsChart: changedRun.output.rendered.includes(change.slug) };

        const plainOut = join(work, `plain-${charts}-${run}`);
        const plainMeasured = await measure(
          process.execPath,
          ["--disable-warning=ExperimentalWarning", fileURLToPath(new URL("./plainLoop.ts", import.meta.url)), specs, plainOut],
          { cwd: root, onLine: progress(label("plain loop"), outputs.length, log, "outputs") },
        );
        const plain = { ...figures(plainMeasured), output: parseBuildOutput(plainMeasured.stdout), outputs: outputs.length };
        expectOutputs(plainOut, outputs, "the plain loop");
        done(log, label("plain loop"), plain);

        const vegaCliOut = join(work, `vega-cli-${charts}-${run}`);
        const vegaCliOutputs = vegaCliCharts.flatMap((chart) => chart.outputs);
        const vegaCliLabel = label(`vega-cli, ${vegaCliCharts.length} charts`);
        let last = performance.now();
        const vegaCliMeasured = await runVegaCli(specs, vegaCliOut, vegaCliOutputs, (count) => {
          if (performance.now() - last < 15_000) return;
          last = performance.now();
          log(`  ${vegaCliLabel}: ${count}/${vegaCliOutputs.length} outputs`);
        });
        expectOutputs(vegaCliOut, vegaCliOutputs, "vega-cli");
        const vegaCli = { ...figures(vegaCliMeasured), charts: vegaCliCharts.length, outputs: vegaCliOutputs.length };
        done(log, vegaCliLabel, vegaCli);

        size.runs.push({ outputs: outputs.length, cold, warm, changed, plain, vegaCli });
        if (!options.keep) for (const folder of [dir, plainOut, vegaCliOut]) rmSync(folder, { recursive: true, force: true });
      }
    }
  } finally {
    if (!options.keep) rmSync(work, { recursive: true, force: true });
  }
  return {
    options: { charts: sizes, seed, vegaCliSample: sample, runs },
    command: `node ${build.args.join(" ")} --config <story>/charts.config.json`,
    vegaCliVersions,
    projectVersions: projectVersions(),
    sizes: results,
    startedAt,
    finishedAt: new Date(),
  };
}

/** The root `charts` script's command, run directly (pnpm's own start-up is not the build's). */
export function chartsCommand(): { command: string; args: string[] } {
  const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [node, ...args] = scripts.charts!.split(" ");
  if (node !== "node") throw new Error(`the charts script does not start with node: ${scripts.charts}`);
  return { command: process.execPath, args };
}

function figures(measured: Measurement): Figures {
  const { stdout: _stdout, stderr: _stderr, ...figures } = measured;
  return figures;
}

/** Per chart: the inodes of its published files (by name) and its content hash. */
interface Published {
  files: Map<string, Map<string, number>>;
  hashes: Map<string, string>;
}

function snapshot(publishDir: string): Published {
  const files = new Map<string, Map<string, number>>();
  const hashes = new Map<string, string>();
  let manifest: { charts: Array<{ slug: string; hash: string }> };
  try {
    manifest = JSON.parse(readFileSync(join(publishDir, "manifest.json"), "utf8"));
  } catch {
    return { files, hashes }; // nothing published yet
  }
  for (const { slug, hash } of manifest.charts) {
    hashes.set(slug, hash);
    files.set(slug, new Map());
  }
  // A chart's files are named `<slug>.<...>` or `<slug>@2x.<...>`.
  for (const name of readdirSync(publishDir)) {
    const slug = /^([^.@]+)[.@]/.exec(name)?.[1];
    files.get(slug ?? "")?.set(name, statSync(join(publishDir, name)).ino);
  }
  return { files, hashes };
}

function effect(before: Published, after: Published, output: BuildOutput): BuildEffect {
  let rewritten = 0;
  let changed = 0;
  for (const [slug, files] of after.files) {
    const old = before.files.get(slug);
    if (!old || [...files].some(([name, inode]) => old.get(name) !== inode)) rewritten++;
    if (before.hashes.get(slug) !== after.hashes.get(slug)) changed++;
  }
  return { rendered: output.rendered.length, rewritten, changed };
}

/** Every output's SVG, 1x and 2x PNG is there and not empty. */
function expectOutputs(dir: string, outputs: string[], who: string): void {
  for (const output of outputs) {
    for (const name of [`${output}.svg`, `${output}.png`, `${output}@2x.png`]) {
      let size = 0;
      try {
        size = statSync(join(dir, name)).size;
      } catch {}
      if (!size) throw new Error(`${who} did not write ${name}`);
    }
  }
}

/** `count` slugs drawn without replacement by a seeded shuffle, in story order. */
function pick(slugs: string[], count: number, seed: number): string[] {
  const next = random(seed);
  const shuffled = [...slugs];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled.slice(0, count).sort();
}

/** A progress line every 15 s while a subject prints its chart (or output) lines. */
function progress(label: string, charts: number, log: (line: string) => void, unit = "charts"): (line: string) => void {
  const started = performance.now();
  let last = started;
  let count = 0;
  return (line) => {
    if (!line.startsWith("✓ ") || !/×/.test(line)) return;
    count++;
    const now = performance.now();
    if (now - last < 15_000) return;
    last = now;
    log(`  ${label}: ${count}/${charts} ${unit} after ${Math.round((now - started) / 1000)} s`);
  };
}

function done(log: (line: string) => void, label: string, figures: Figures): void {
  log(`${label}: ${(figures.wallMs / 1000).toFixed(1)} s wall, ${(figures.cpuMs / 1000).toFixed(1)} s CPU, ${Math.round(figures.peakRssKb / 1024)} MB peak RSS`);
}

/** The versions of vega, vega-lite and sharp the project renders with (packages/render's). */
function projectVersions(): Record<string, string> {
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(root, "packages/render/node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  return { vega: version("vega"), "vega-lite": version("vega-lite"), sharp: version("sharp") };
}
