// The build, once there is something to do (commands/build.ts asks first):
//
//   1. load       datasets, sources and chart definitions, each on its own: what does not load is kept with its error
//   2. check      every dataset figure against its source text (kept per dataset in the cache folder:
//                 only datasets whose rows or texts changed are checked again); skipped, loudly, without the texts
//   3. compile    definition + datasets + house theme -> validated Vega-Lite, at every breakpoint, light and dark
//   4. render     Vega-Lite -> Vega -> SVG, fonts embedded
//   5. rasterise  SVG -> PNG at 1x and 2x
//      lint       every variant against the house rules (@charts/lint): a lint error fails the chart like
//                 any error; warnings are printed and counted in the summary
//   6. publish    every chart as it is built, streamed into a new release (or a shard's staging folder),
//                 then the manifest and one atomic swap; failed charts keep their last good version
//
// Steps 3-5 and lint run in a pool of worker threads, one per core (renderWorker.ts:
// vega, vega-lite, fonts and theme loaded once per worker), one chart per job.
// A chart whose inputs hash (chartInputs) is the one the published release
// records is not rendered: its files are carried over. Memory stays flat in
// the number of charts: each chart's files go to disk as it arrives.
//
// A bad input fails only the charts that use it: a dataset the charts that draw or cite it, a sources.json
// entry the charts whose rows cite its text, a definition its own chart. One line per chart (✓, or ✗ with
// the root cause), errors of inputs no chart uses, then a summary naming every failure and the time per
// stage; exits non-zero when anything failed. Renders read files only under the datasets folder, keep
// http(s) links unless charts.config.json says `"allowLinks": false`, draw random numbers from `--seed`,
// and stay within `limits`.
import { existsSync, realpathSync } from "node:fs";
import { ChartsError, message } from "@charts/errors";
import type { Dataset, SourceInfo } from "@charts/datasets";
import { listedFiles, MANIFEST, openRelease, openStaging, readManifest, SCHEMA, type PublishedChart, type Release, type RenderedChart } from "@charts/publish";
import { rendererVersions } from "@charts/render";
import cli from "../../package.json" with { type: "json" };
import type { Verification } from "../commands/check.ts";
import { display, type Config, type Shard } from "../config.ts";
import { DEFAULT_VARIANT } from "./buildChart.ts";
import { chartInputs, type BuildSettings } from "./chartInputs.ts";
import { fromWire, type ChartJob, type ChartResult } from "./chartJob.ts";
import { datasetNames, loadInputs } from "./loadInputs.ts";
import { jobOf, renderPool } from "./renderPool.ts";
import { formatStages, progress, type Stage } from "./progress.ts";
import { toolKey } from "./toolKey.ts";
import { lintSettings } from "./lintSettings.ts";
import { inLanes } from "./inLanes.ts";
import { forgetBuild, lastRelease, recordBuild } from "./upToDate.ts";
import { verifyCached } from "./verifyCached.ts";

export interface BuildChartsOptions {
  seed: number;
  now: Date | undefined;
  shard: Shard | undefined;
  /** The inputs' fingerprint (upToDate), recorded after a clean build; none for a shard. */
  fingerprint: string | undefined;
  force: boolean;
  allowUnchecked: boolean;
  /** performance.now() when the command started. */
  started: number;
}

/** Where charts go as they are built: a release (publish) or a shard's staging folder. */
interface Sink {
  published: ReadonlyMap<string, PublishedChart>;
  add(chart: RenderedChart, inputs: string): Promise<unknown>;
  reuse(slug: string, inputs: string): Promise<unknown>;
  fail(chart: { slug: string; error: string }): Promise<void>;
}

export async function buildCharts(config: Config, options: BuildChartsOptions): Promise<void> {
  const { seed, shard } = options;
  const { limits } = config;
  const report = progress();
  const stages: Partial<Record<Stage, number>> = {};
  const lap = (() => {
    let last = performance.now();
    return (stage: Stage) => {
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + now - last;
      last = now;
    };
  })();

  // the workers start with the first chart to render: a build that reuses every chart starts none
  const pool = renderPool<ChartResult>(config);
  const workers = pool.size;
  let sink: (Sink & { finish(): Promise<unknown>; abort?(): Promise<void> }) | undefined;
  try {
    // 1. load
    const inputs = await loadInputs(config);
    const { datasets, sources } = inputs;
    lap("load");

    // 2. check
    const tool = toolKey();
    const verification = await checkIfPossible(config, datasets, inputs.sourcesError ? undefined : sources, tool, report);
    lap("check");

    const lint = lintSettings(config);
    const settings: BuildSettings = {
      tool,
      lint,
      breakpoints: config.breakpoints,
      seed,
      allowLinks: config.allowLinks,
      limits,
      baseUrl: config.baseUrl ?? "/charts/",
      ...(options.now ? { now: options.now.toISOString() } : {}),
    };
    // now() in chart expressions: the build's clock when it was given one (then part of the inputs of the charts
    // that call it), else the time the build started
    const now = options.now?.getTime() ?? Date.now();
    const renderers = await rendererVersions();
    const charts = inputs.charts.filter((_, i) => !shard || i % shard.count === shard.index - 1);
    if (shard) {
      const staging = await openStaging(config.out, { shard: `${shard.index}/${shard.count}`, toolVersion: cli.version, renderers, ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}) });
      // a shard renders every chart of its part: it has no release of its own to reuse from
      sink = { published: new Map(), add: staging.add, reuse: async () => {}, fail: staging.fail, finish: () => staging.finish(unusedErrors().map((u) => u.error.message)) };
    } else {
      const release: Release = await openRelease({
        outDir: config.out,
        // the files the last clean build left unchanged are not read again to check them; --force reads them all
        ...(options.force ? {} : { trusted: lastRelease(config) }),
        toolVersion: cli.version,
        renderers,
        ...(options.now ? { now: options.now } : {}),
        ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      });
      sink = release;
    }
    // opening the release checks every file of the published one against its manifest: publishing's time too
    lap("publish");

    // 3-5. compile, render and rasterise each chart in the pool; one failure does not stop the others
    const sourceRecord = Object.fromEntries(sources);
    const failed: string[] = [];
    const built: string[] = [];
    const reused: string[] = [];
    const workerStages: Partial<Record<Stage, number>> = {};
    let lintWarnings = 0;
    let publishing = Promise.resolve();
    /** Sink calls one at a time, in the order they come. */
    const publish = (work: () => Promise<unknown>) => (publishing = publishing.then(async () => {
      const started = performance.now();
      await work();
      workerStages.publish = (workerStages.publish ?? 0) + performance.now() - started;
    }));
    const fail = (slug: string, error: unknown) => {
      const text = error instanceof ChartsError ? error.message : String((error as Error)?.stack ?? error);
      failed.push(slug);
      report.failed(`✗ ${slug.padEnd(32)} ${text}`);
      return publish(() => sink!.fail({ slug, error: text }));
    };

    const jobs: Array<{ slug: string; inputs: string; job: ChartJob }> = [];
    for (const chart of charts) {
      try {
        const { definition, file } = inputs.usable(chart, (path) => display(config, path));
        assertVerified(datasetNames(definition), verification);
        const key = chartInputs(definition, file, { datasets, sources, verification, settings });
        if (!options.force && sink.published.get(chart.slug)?.inputs === key) {
          reused.push(chart.slug);
          void publish(() => sink!.reuse(chart.slug, key));
          continue;
        }
        jobs.push({ slug: chart.slug, inputs: key, job: jobOf(definition, file, { datasets, sourceRecord, verification, config, seed, now, lint }) });
      } catch (error) {
        void fail(chart.slug, error);
      }
    }
    await publishing;
    if (reused.length) report.line(`= ${reused.length} chart${reused.length === 1 ? "" : "s"} unchanged (inputs as published): carried over, not rendered`);

    report.start(jobs.length);
    const one = async ({ slug, inputs: key, job }: (typeof jobs)[number]): Promise<void> => {
      const result = await pool.run(job).catch((error: Error) => ({ error: { stack: String(error.stack ?? error) } }) as ChartResult);
      if ("error" in result) return fail(slug, fromWire(result.error));
      const { chart } = result;
      for (const [stage, ms] of Object.entries(result.stages)) workerStages[stage as Stage] = (workerStages[stage as Stage] ?? 0) + ms;
      built.push(slug);
      const main = chart.variants.find((variant) => variant.name === DEFAULT_VARIANT)!;
      const widths = [...new Set(chart.variants.map((variant) => variant.width))].join(", ");
      report.done(
        `✓ ${chart.slug.padEnd(32)} ${main.width}×${main.height}  ${chart.variants.length} variants (${widths} px, light and dark)  ${Math.round(result.ms)} ms`,
      );
      for (const warning of result.warnings) report.line(warning, true);
      lintWarnings += result.warnings.length;
      return publish(() => sink!.add(chart, key));
    };
    // Memory flat in the number of charts: a few more charts in flight than the workers hold, each taking the
    // next job only once its chart is on disk, so built charts never pile up behind a slower publish.
    await inLanes(jobs, pool.capacity + workers, one);
    await publishing;
    report.stop();
    await pool.close();

    // inputs that failed and that no chart uses: a dataset (that does not load, or whose figures do not match), a sources.json entry
    const unused = unusedErrors();
    for (const { error } of unused) report.line(`error: ${error.message}`, true);
    function unusedErrors() {
      const used = inputs.usedDatasets();
      const cited = new Set([...used].flatMap((name) => datasets.get(name)?.rows.map((row) => row.provenance.source) ?? []));
      return [
        ...[...inputs.failedDatasets].filter(([name]) => !used.has(name)).map(([name, error]) => ({ what: `dataset ${name}`, error })),
        ...[...(verification?.failing ?? [])].filter(([name]) => !used.has(name)).map(([name, errors]) => ({ what: `dataset ${name}`, error: errors[0]! })),
        ...[...inputs.failedSources].filter(([id]) => !cited.has(id)).map(([id, error]) => ({ what: `sources.json entry ${id}`, error })),
      ];
    }

    // 6. publish: the manifest and the swap (each chart's files were written as it came)
    const publishStart = performance.now();
    const exitCode = failed.length || unused.length ? 1 : !verification && !options.allowUnchecked ? 3 : 0;
    const previous = "previous" in sink ? (sink as Release).previous : undefined;
    // every chart reused, as published, none gone, none stale or failed: the release would differ only in its date
    const unchanged =
      !shard && !options.force && !built.length && !failed.length && !!previous && reused.length === previous.charts.length && !previous.failed.length && previous.charts.every((chart) => !chart.stale);
    let published: { dir: string; manifest: Awaited<ReturnType<typeof readManifest>> } | undefined;
    if (unchanged) {
      // so it is not replaced: nothing is published, and its dates stay those of the last publish
      await (sink as Release).abort();
      report.line(`= ${message.noChartChanged(reused.length)}`);
      if (options.fingerprint) {
        const dir = realpathSync(config.out);
        published = { dir, manifest: await readManifest(dir) };
      }
    } else {
      const result = (await sink.finish()) as Awaited<ReturnType<Release["finish"]>> | undefined;
      for (const warning of result?.warnings ?? []) report.line(`! ${warning}`, true);
      if (result) published = { dir: result.releaseDir, manifest: result.manifest };
    }
    // a clean build is remembered, so the next one with the same inputs has nothing to do; any other is forgotten
    if (options.fingerprint && published && exitCode !== 1) {
      const names = [...listedFiles(published.manifest).keys(), MANIFEST, SCHEMA];
      recordBuild(config, { fingerprint: options.fingerprint, charts: published.manifest.charts.length, exitCode }, published.dir, names);
    } else if (options.fingerprint) forgetBuild(config);
    stages.publish = (stages.publish ?? 0) + (workerStages.publish ?? 0) + performance.now() - publishStart;
    stages.compile = workerStages.compile ?? 0;
    stages.render = workerStages.render ?? 0;
    stages.rasterise = workerStages.rasterise ?? 0;
    stages.lint = workerStages.lint ?? 0;

    const seconds = ((performance.now() - options.started) / 1000).toFixed(1);
    const names = failed.length ? ` (${[...failed].sort().join(", ")})` : "";
    const also = unused.length ? `; ${[...new Set(unused.map((u) => u.what))].join(", ")} also failed, used by no chart` : "";
    const counted = built.length + reused.length;
    const where = shard ? `shard ${shard.index}/${shard.count} -> ${display(config, config.out)}` : display(config, config.out);
    const linted = lintWarnings ? `; ${lintWarnings} lint warning${lintWarnings === 1 ? "" : "s"}` : "";
    const summary = `${counted} chart${counted === 1 ? "" : "s"} built, ${failed.length} failed${names}${also} in ${seconds} s -> ${where}${linted}`;
    report.line(
      `${built.length} rendered (${workers} worker thread${workers === 1 ? "" : "s"}), ${reused.length} reused; stages: ${formatStages(stages)} (compile, render, rasterise and lint summed over the workers' charts)`,
    );
    // The summary is the last line. A build that could not check its figures must not look like a normal one.
    report.line(verification ? summary : `${summary}. ${message.uncheckedBuild(display(config, config.texts))}`);
    process.exitCode = exitCode;
  } catch (error) {
    report.stop();
    await sink?.abort?.();
    throw error;
  } finally {
    await pool.close();
  }
}

async function checkIfPossible(
  config: Config,
  datasets: Map<string, Dataset>,
  sources: Map<string, SourceInfo> | undefined,
  tool: string,
  report: ReturnType<typeof progress>,
): Promise<Verification | undefined> {
  if (!existsSync(config.texts)) {
    report.line(`! ${message.buildingUnchecked(config.texts)}`, true);
    return undefined;
  }
  const verification = await verifyCached(config, datasets, sources, tool);
  const bad = verification.errors.length;
  // the errors themselves are printed as the root cause on the line of each chart drawing their dataset, or at the end
  report.line(
    `${bad ? "✗" : "✓"} ${verification.verified.length + bad} figures checked against ${display(config, config.texts)}` + (bad ? `, ${bad} failed the check` : ""),
  );
  return verification;
}

/** A chart drawing on a dataset whose figures the texts do not support must not be published: the first such figure is the cause. */
function assertVerified(names: string[], verification: Verification | undefined): void {
  for (const name of names) {
    const errors = verification?.failing.get(name);
    if (!errors?.length) continue;
    if (errors.length === 1) throw errors[0];
    const [first] = errors;
    throw new ChartsError(first!.detail + message.moreCheckErrors(errors.length - 1, name), first!.where, { cause: first });
  }
}
