import { openRelease, type PublishResult, type ReleaseOptions } from "./openRelease.ts";
import { ReleaseClaims } from "./prepareChart.ts";
import { SLUG } from "./fileNames.ts";
import type { FailedChart, RenderedChart } from "./types.ts";

export interface PublishOptions extends ReleaseOptions {
  charts: RenderedChart[];
  /** Charts that did not build: their last good version stays published, marked stale. */
  failed?: FailedChart[];
}

/**
 * Publishes a build held in memory: prepares a new release directory beside
 * the current one (hashed and stable files, embed snippets, manifest last, all
 * flushed to disk), then points `outDir` at it in one atomic rename. A reader
 * sees the previous release or the new one, never a mix; a build killed at any
 * moment, or failing on a write (disk full, read-only folder), leaves the
 * previous release published and untouched, and the next build clears what it
 * left. The build streams its charts through openRelease instead; this is the
 * same release, charts added in order.
 *
 * - A rendered chart whose content hash equals the published one keeps its
 *   `lastChanged` and `changes`; a different hash appends a change (data, text
 *   or render) and keeps the previous version's hashed files.
 * - A failed chart keeps its last good version with `stale: {since, reason}`;
 *   one never published is listed under `failed`, with no files.
 * - A chart in neither list is no longer published.
 * - A published release that is gone or damaged is published past: what does
 *   not check out is published afresh, and `warnings` says so (previousRelease).
 *   A publish folder that publish did not make is refused, never replaced.
 *
 * @example await publish({ outDir: "dist/charts", charts, failed, toolVersion: "0.1.0", renderers })
 */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  const { charts, failed = [], ...release } = options;
  validate(charts, failed);
  const open = await openRelease(release);
  for (const chart of charts) await open.add(chart);
  for (const chart of failed) await open.fail(chart);
  return open.finish();
}

/** Refuses a build that could not be published as a consistent set of files, before anything is made. */
function validate(charts: RenderedChart[], failed: FailedChart[]): void {
  const claims = new ReleaseClaims();
  for (const [i, chart] of charts.entries()) claims.chart(chart, SLUG.test(chart.slug) ? chart.slug : `charts[${i}]`, chart.vegaLite);
  for (const [i, chart] of failed.entries()) claims.fail(chart.slug, `failed[${i}]`);
}
