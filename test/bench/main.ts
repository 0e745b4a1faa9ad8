// `pnpm bench <build|serve> [options]`: the project's benchmarks (figures, not
// timed tests). `build` measures the chart build against a plain
// vega-lite/vega/sharp loop and vega-cli on a synthetic story (build.ts) and
// adds the figures to BENCHMARKS.md; `serve` loads the chart service against
// nginx under rebuilds (serve.ts). A usage error exits 2 without a stack
// trace; a broken run exits 1; speed never fails.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { benchBuild, root } from "./build.ts";
import { commit, currentLoad, formatReport, machine, summarize, writeBenchmarks } from "./report.ts";
import { benchServe } from "./serve.ts";

const USAGE = `Usage: pnpm bench <command> [options]
  build   time the chart build against a plain vega-lite/vega/sharp loop and vega-cli
  png     time and size the PNG encoder's settings on real chart variants (the choice of PNG_OPTIONS)
  serve   load the chart service and nginx side by side during rebuilds
Each takes --help. Prints figures (not a timed test).
`;

const BUILD_USAGE = `Usage: pnpm bench build [--charts 200,1000] [--seed N] [--vega-cli-sample N] [--runs N] [--write FILE] [--json FILE] [--keep]
  --charts           story sizes, comma-separated (default 200,1000)
  --seed             seed of the synthetic story (default 1)
  --vega-cli-sample  charts vega-cli renders per run, every variant of each, a seeded sample (default 10; all when fewer)
  --runs             runs per size, alternating the subjects; the report gives medians (default 2)
  --write            the Markdown file the run is added to (default BENCHMARKS.md)
  --json             also write the summary as JSON to this file
  --keep             keep the stories and outputs (in a temporary folder it names)
Measures the project's cold, warm no-op and one-dataset-changed builds, a plain single-process
vega-lite -> vega -> SVG -> sharp loop, and vega-cli (installed on demand into test/bench/vega-cli/),
per output: a chart variant's SVG, 1x and 2x PNG (every chart has six variants, all rendered by each).
Prints figures and ratios against the targets; exits 1 only if a run broke, never on speed.
`;

const PNG_USAGE = `Usage: pnpm bench png [--charts N] [--seed N] [--tolerance PERCENT]
  --charts      charts of the synthetic story whose variants are encoded (default 10: 60 variants)
  --seed        seed of the story (default 1)
  --tolerance   the bytes over level 9's (RGBA) the rule accepts, in % (default 10)
Encodes every variant's SVG at 1x and 2x with sharp at zlib levels 9 to 4, as RGBA and as RGB (the
build's opaque charts), with and without adaptive filtering, and prints CPU and bytes per image, and
the level the rule picks for each against PNG_OPTIONS.
`;

const SERVE_USAGE = `Usage: pnpm bench serve [--seconds N] [--connections N] [--charts N] [--pause MS]
  --seconds      length of each load scenario (default 10)
  --connections  concurrent connections (default 50)
  --charts       charts in the synthetic publish folder (default 20)
  --pause        pause between rebuilds, ms (default 200)
Prints figures (not a timed test); exits 1 if any response under load was broken.
`;

class UsageError extends Error {}

function parse(args: string[], options: ParseArgsConfig["options"], usage: string): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({ args, options: { ...options, help: { type: "boolean", short: "h" } } });
    if (values.help) {
      process.stdout.write(usage);
      process.exit(0);
    }
    return values as Record<string, string | boolean | undefined>;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** A whole number from `min` up, or undefined when the option was not given. */
function whole(values: Record<string, string | boolean | undefined>, name: string, min: number, usage: string): number | undefined {
  const text = values[name];
  if (typeof text !== "string") return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} expects a whole number from ${min} but received ${JSON.stringify(text)}\n\n${usage}`);
  return Number(text);
}

async function build(args: string[]): Promise<void> {
  const values = parse(
    args,
    {
      charts: { type: "string" },
      seed: { type: "string" },
      "vega-cli-sample": { type: "string" },
      runs: { type: "string" },
      write: { type: "string" },
      json: { type: "string" },
      keep: { type: "boolean" },
    },
    BUILD_USAGE,
  );
  let charts: number[] | undefined;
  if (typeof values.charts === "string") {
    charts = values.charts.split(",").map((part) => {
      if (!/^\d+$/.test(part.trim()) || Number(part) < 1) {
        throw new UsageError(`--charts expects story sizes like 200,1000 but received ${JSON.stringify(values.charts)}\n\n${BUILD_USAGE}`);
      }
      return Number(part);
    });
  }
  const options = {
    charts,
    seed: whole(values, "seed", 0, BUILD_USAGE),
    vegaCliSample: whole(values, "vega-cli-sample", 1, BUILD_USAGE),
    runs: whole(values, "runs", 1, BUILD_USAGE),
    keep: values.keep === true,
  };
  const command = ["pnpm bench build", ...args].join(" ");
  // The commit measured is the one checked out when the run starts.
  const context = { machine: machine(), commit: commit(root), command };
  // Other work on the machine moves wall times: the load average is sampled through the run.
  const loads = [currentLoad()];
  const sampler = setInterval(() => loads.push(currentLoad()), 10_000).unref();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`${command}: ${(charts ?? [200, 1000]).join(" and ")} charts, ${options.runs ?? 2} runs each`);
  const result = await benchBuild({ ...options, log });
  clearInterval(sampler);
  loads.push(currentLoad());
  const loadAverage = { start: loads[0]!, max: Math.max(...loads), end: loads.at(-1)! };
  const summary = summarize(result, { ...context, loadAverage });
  const report = formatReport(summary);
  process.stdout.write(`\n${report}`);
  const file = resolve(typeof values.write === "string" ? values.write : join(root, "BENCHMARKS.md"));
  writeBenchmarks(file, report);
  log(`added to ${file}`);
  if (typeof values.json === "string") writeFileSync(values.json, `${JSON.stringify(summary, null, 2)}\n`);
}

async function png(args: string[]): Promise<void> {
  const values = parse(args, { charts: { type: "string" }, seed: { type: "string" }, tolerance: { type: "string" } }, PNG_USAGE);
  const { benchPng, formatPng } = await import("./png.ts");
  const tolerance = whole(values, "tolerance", 0, PNG_USAGE);
  const result = await benchPng({
    charts: whole(values, "charts", 1, PNG_USAGE),
    seed: whole(values, "seed", 0, PNG_USAGE),
    ...(tolerance === undefined ? {} : { tolerance: tolerance / 100 }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(formatPng(result));
}

async function serve(args: string[]): Promise<void> {
  const values = parse(
    args,
    {
      seconds: { type: "string" },
      connections: { type: "string" },
      charts: { type: "string" },
      pause: { type: "string" },
    },
    SERVE_USAGE,
  );
  const results = await benchServe({
    seconds: whole(values, "seconds", 1, SERVE_USAGE),
    connections: whole(values, "connections", 1, SERVE_USAGE),
    charts: whole(values, "charts", 1, SERVE_USAGE),
    pauseMs: whole(values, "pause", 0, SERVE_USAGE),
  });
  const broken = results.reduce((sum, result) => sum + result.broken + result.errors, 0);
  if (broken) {
    console.error(`${broken} broken or failed responses`);
    process.exitCode = 1;
  }
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === "build") await build(rest);
  else if (command === "serve") await serve(rest);
  else if (command === "png") await png(rest);
  else if (command === undefined || command.startsWith("-")) {
    parse(process.argv.slice(2), {}, USAGE); // --help prints the usage; any other option is refused
    throw new UsageError(`a command is needed: build, png or serve\n\n${USAGE}`);
  } else throw new UsageError(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`error: ${error.message}`);
    process.exitCode = 2;
  } else {
    // A broken run: what broke, once, without a stack trace.
    process.stderr.write(`error: ${(error as Error).message ?? error}\n`);
    process.exitCode = 1;
  }
}
