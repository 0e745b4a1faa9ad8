// A render worker of the build (see pool.ts): vega, vega-lite, the fonts,
// the theme and the validators are loaded once, when the worker starts, then
// each job is one chart built with buildChart, all of it: compile, render,
// rasterise, then linted (lintBuilt); or, for `charts lint`, drawn without
// PNGs (drawForLint) and linted, every finding sent back. Font subsets and
// compiled validators come from the cache folder.
import { parentPort, workerData } from "node:worker_threads";
import { setupRenderer, tuneRasteriser } from "@charts/render";
import { useValidatorCache } from "@charts/specs";
import { lintChart } from "@charts/lint";
import { buildChart, drawForLint, type BuildContext } from "./buildChart.ts";
import { lintBuilt } from "./lintBuilt.ts";
import { forPublish, toWire, type ChartJob, type ChartResult, type ChartStages, type LintResult } from "./chartJob.ts";

const { cacheDir, threads } = workerData as { cacheDir: string; threads: number };
useValidatorCache(cacheDir);
tuneRasteriser({ threads });
const ready = setupRenderer();
/** Jobs in hand, and what to do once there are none (a close that came while they ran). */
let working = 0;
let idle: (() => void) | undefined;

parentPort!.on("message", async ({ id, job, close }: { id: number; job: ChartJob; close?: true }) => {
  if (close) {
    // asked to stop: once set up (never in the middle of loading vega, sharp or harfbuzz) and with no job left
    await ready.catch(() => {});
    if (working) await new Promise<void>((resolve) => (idle = resolve));
    process.exit(0);
  }
  working++;
  let result: ChartResult | LintResult;
  try {
    await ready;
    const started = performance.now();
    const stages: ChartStages = { compile: 0, render: 0, rasterise: 0, lint: 0 };
    const datasets = new Map(job.datasets.map((dataset) => [dataset.name, dataset]));
    const context: BuildContext = {
      file: job.file,
      datasets,
      sources: job.sources,
      breakpoints: job.breakpoints,
      sentences: job.sentences,
      limits: job.limits,
      render: job.render,
      time: (stage, ms) => (stages[stage] += ms),
    };
    const step = { definition: job.definition, file: job.file, datasets, sources: job.sources, settings: job.lint };
    if (job.mode === "lint") {
      result = { findings: lintChart(await drawForLint(job.definition, context), step) };
    } else {
      const chart = await buildChart(job.definition, context);
      // a lint error throws: the chart fails like any other, its last good version stays published
      const linting = performance.now();
      const warnings = lintBuilt(chart, step);
      stages.lint = performance.now() - linting;
      result = { chart: forPublish(chart), warnings, stages, ms: performance.now() - started };
    }
  } catch (error) {
    result = { error: toWire(error) };
  }
  parentPort!.postMessage({ id, result });
  if (--working === 0) idle?.();
});
