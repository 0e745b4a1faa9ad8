import { ChartsError, message } from "@charts/errors";
import { openRelease, readStaging, type ChartOutput, type Staging } from "@charts/publish";
import { display, loadConfig, parseNow } from "../config.ts";

/**
 * `charts merge DIR...`: publishes the staging folders of a build split into
 * shards (`charts --shard I/N --out DIR` on each machine) as one release,
 * byte for byte the release a single build of every chart would publish with
 * the same clock (`--now`, or SOURCE_DATE_EPOCH) and the same published
 * release before it: the same files, the same manifest, corrections and
 * stale charts included. The shards must be the N parts of one build, by one
 * tool with one config; each file is checked against its hash on the way in.
 */
export async function merge(dirs: string[], options: { config?: string; out?: string; now?: string }): Promise<void> {
  const started = performance.now();
  const config = loadConfig({ file: options.config, out: options.out });
  const now = parseNow(options.now);
  const shards = await Promise.all(dirs.map(async (dir) => ({ dir, staging: await readStaging(dir) })));
  const first = shards[0]!.staging;
  for (const { staging } of shards) {
    for (const [what, value] of [
      ["tool version", (s: Staging) => s.toolVersion],
      ["renderers", (s: Staging) => JSON.stringify(s.renderers ?? {})],
      ["baseUrl", (s: Staging) => s.baseUrl],
    ] as const) {
      if (value(staging) !== value(first)) throw new ChartsError(message.shardsDisagree(what, value(first), value(staging)));
    }
  }
  const count = Number(first.shard.split("/")[1]);
  const parts = shards.map(({ staging }) => staging.shard).sort();
  const expected = Array.from({ length: count }, (_, i) => `${i + 1}/${count}`).sort();
  if (parts.join() !== expected.join()) throw new ChartsError(message.shardsIncomplete(parts, count));

  const release = await openRelease({
    outDir: config.out,
    toolVersion: first.toolVersion,
    ...(first.renderers ? { renderers: first.renderers } : {}),
    ...(now ? { now } : {}),
    baseUrl: first.baseUrl,
  });
  const charts: Array<{ output: ChartOutput; dir: string }> = shards.flatMap(({ dir, staging }) => staging.charts.map((output) => ({ output, dir })));
  for (const { output, dir } of charts.sort((a, b) => a.output.slug.localeCompare(b.output.slug))) await release.addOutput(output, dir);
  const failed = shards.flatMap(({ staging }) => staging.failed).sort((a, b) => a.slug.localeCompare(b.slug));
  for (const chart of failed) {
    console.error(`✗ ${chart.slug.padEnd(32)} ${chart.error}`);
    await release.fail(chart);
  }
  const result = await release.finish();
  for (const warning of result.warnings) console.warn(`! ${warning}`);
  const errors = [...new Set(shards.flatMap(({ staging }) => staging.errors))];
  for (const error of errors) console.error(`error: ${error}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const names = failed.length ? ` (${failed.map((chart) => chart.slug).join(", ")})` : "";
  console.log(`${charts.length} charts from ${shards.length} shards merged, ${failed.length} failed${names} in ${seconds} s -> ${display(config, config.out)}`);
  if (failed.length || errors.length) process.exitCode = 1;
}
