// The render workers of the build and of `charts lint` (renderWorker.ts), and
// the job of one chart as the main thread hands it to them.
import { useProjectFonts } from "@charts/fonts";
import type { Dataset, SourceInfo } from "@charts/datasets";
import type { LintSettings } from "@charts/lint";
import { rowKey, type Verification } from "../commands/check.ts";
import { LINKS_SETTING, type Config } from "../config.ts";
import type { ChartJob, ChartResult, LintResult } from "./chartJob.ts";
import { datasetNames } from "./loadInputs.ts";
import { Pool } from "./pool.ts";

/**
 * A pool of render workers, one per core (CHARTS_WORKERS), each holding two
 * charts (CHARTS_JOBS_PER_WORKER: the next chart's render starts while the
 * last one's PNGs finish) and rasterising with one libvips thread per image
 * (CHARTS_SHARP_THREADS). Each worker loads vega, vega-lite, fonts and
 * validators once, when its first job comes. fontconfig reads the
 * environment of the process, which only this thread can set (a worker's is
 * a copy): it is pointed at the bundled fonts here.
 */
export function renderPool<Result extends ChartResult | LintResult>(config: Config): Pool<ChartJob, Result> {
  useProjectFonts();
  return new Pool<ChartJob, Result>(new URL("./renderWorker.ts", import.meta.url), {
    // unset: the pool's own default, one worker per core
    size: Number(process.env.CHARTS_WORKERS) || undefined,
    perWorker: Math.max(1, Number(process.env.CHARTS_JOBS_PER_WORKER) || 2),
    workerData: { cacheDir: config.cache, threads: Math.max(1, Number(process.env.CHARTS_SHARP_THREADS) || 1) },
  });
}

/** The job of one chart: only what it draws and cites, and the sentences of those rows. */
export function jobOf(
  definition: ChartJob["definition"],
  file: string,
  context: { datasets: Map<string, Dataset>; sourceRecord: Record<string, SourceInfo>; verification: Verification | undefined; config: Config; seed: number; now: number; lint: LintSettings },
): ChartJob {
  const { datasets, sourceRecord, verification, config, seed, now, lint } = context;
  const used = [...new Set(datasetNames(definition))].flatMap((name) => datasets.get(name) ?? []);
  const sources: Record<string, SourceInfo> = {};
  let sentences: Map<string, string> | undefined;
  if (verification) sentences = new Map();
  for (const dataset of used) {
    for (const row of dataset.rows) {
      const id = row.provenance.source;
      if (sourceRecord[id]) sources[id] = sourceRecord[id];
      const sentence = verification?.sentences.get(rowKey(dataset.name, row.row));
      if (sentence !== undefined) sentences!.set(rowKey(dataset.name, row.row), sentence);
    }
  }
  return {
    file,
    definition,
    datasets: used,
    sources,
    sentences,
    breakpoints: config.breakpoints,
    limits: config.limits,
    render: { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed, now, cacheDir: config.cache },
    lint,
  };
}

