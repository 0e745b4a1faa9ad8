// A shard's part of a build, on disk: what it rendered, prepared for publishing
// (prepareChart: files under their hashed names, and each chart's output), and
// what failed. `charts merge` publishes several into one release, exactly the
// release a single build of all the charts would have made.
//
//   <dir>/staging.json          written last: a folder without it is an unfinished shard
//   <dir>/<slug>.<hash>.<ext>   every file of every chart, by its hashed name
import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ChartsError, displayPath, invalid, message } from "@charts/errors";
import { replaceDurable, writeDurable } from "./durable.ts";
import { FILE_NAME } from "./fileNames.ts";
import { prepareChart, ReleaseClaims } from "./prepareChart.ts";
import { currentFiles } from "./release.ts";
import type { ChartOutput, FailedChart, RenderedChart, RendererVersions } from "./types.ts";

export const STAGING = "staging.json";

/** staging.json: a shard's charts and failures, and what a merge checks the shards agree on. */
export interface Staging {
  version: 1;
  /** Which part of the charts this is, `I/N`. */
  shard: string;
  toolVersion: string;
  renderers?: RendererVersions;
  baseUrl: string;
  charts: ChartOutput[];
  failed: FailedChart[];
  /** Errors of inputs no chart uses (a dataset that does not load...), for the merge to report. */
  errors: string[];
}

export interface StagingOptions {
  shard: string;
  toolVersion: string;
  renderers?: RendererVersions;
  baseUrl?: string;
}

/** A staging folder being written: charts as they come, then finish(). */
export interface OpenStaging {
  add(chart: RenderedChart, inputs?: string): Promise<ChartOutput>;
  fail(chart: FailedChart): Promise<void>;
  finish(errors?: string[]): Promise<Staging>;
}

/**
 * Opens `dir` for a shard's charts. A folder that is missing or empty is
 * used; one holding an earlier staging is cleared; anything else is refused,
 * since it may hold someone's files.
 */
export async function openStaging(dir: string, options: StagingOptions): Promise<OpenStaging> {
  const folder = resolve(dir);
  await mkdir(folder, { recursive: true });
  const names = await readdir(folder);
  if (names.length && !names.includes(STAGING)) throw new ChartsError(message.notAStagingFolder(names.length), { file: displayPath(folder) });
  for (const name of names) await rm(join(folder, name), { recursive: true, force: true });
  const baseUrl = options.baseUrl ?? "/charts/";
  const claims = new ReleaseClaims();
  const charts: ChartOutput[] = [];
  const failed: FailedChart[] = [];
  const written = new Set<string>();
  return {
    async add(chart, inputs) {
      claims.chart(chart, chart.slug, chart.vegaLite);
      const { output, files } = prepareChart(chart, baseUrl, inputs);
      for (const { file, content } of files) {
        if (written.has(file.name)) continue;
        written.add(file.name);
        await writeDurable(join(folder, file.name), content, false);
      }
      charts.push(output);
      return output;
    },
    async fail(chart) {
      claims.fail(chart.slug, chart.slug);
      failed.push(chart);
    },
    async finish(errors = []) {
      const staging: Staging = {
        version: 1,
        shard: options.shard,
        toolVersion: options.toolVersion,
        ...(options.renderers ? { renderers: options.renderers } : {}),
        baseUrl,
        charts: charts.sort((a, b) => a.slug.localeCompare(b.slug)),
        failed: failed.sort((a, b) => a.slug.localeCompare(b.slug)),
        errors,
      };
      // renamed into place whole, like the chart files unflushed: a shard's folder is a CI artifact, not a release
      await replaceDurable(join(folder, STAGING), `${JSON.stringify(staging)}\n`, false);
      return staging;
    },
  };
}

/** Reads a finished staging folder; refuses an unfinished one and any file name that could leave it. */
export async function readStaging(dir: string): Promise<Staging> {
  const file = join(resolve(dir), STAGING);
  let staging: Staging;
  try {
    staging = JSON.parse(await readFile(file, "utf8")) as Staging;
  } catch (error) {
    throw new ChartsError(message.stagingUnreadable((error as Error).message), { file: displayPath(file) }, { cause: error });
  }
  if (staging?.version !== 1 || !Array.isArray(staging.charts) || !Array.isArray(staging.failed)) {
    throw invalid({ file: displayPath(file) }, "a staging.json of version 1 with charts and failed", staging?.version);
  }
  for (const chart of staging.charts) {
    // a stable name is linked into the release as the hashed one is written: both must stay inside it
    for (const { name, stable } of currentFiles(chart)) {
      for (const each of stable === undefined ? [name] : [name, stable]) {
        if (!FILE_NAME.test(each)) throw invalid({ file: displayPath(file), field: chart.slug }, "a plain file name", each);
      }
    }
  }
  return staging;
}
