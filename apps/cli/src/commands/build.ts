import { message } from "@charts/errors";
import { buildFingerprint, upToDate } from "../build/upToDate.ts";
import { display, loadConfig, parseNow, parseSeed, parseShard } from "../config.ts";

export interface BuildOptions {
  texts?: string;
  config?: string;
  out?: string;
  seed?: string;
  allowUnchecked?: boolean;
  /** Render every chart, whatever was published; publish even when nothing changed. */
  force?: boolean;
  /** `I/N`: render this part of the charts into a staging folder (`--out`) for `charts merge`. */
  shard?: string;
  /** The manifest's clock (ISO), else SOURCE_DATE_EPOCH, else now. */
  now?: string;
}

/**
 * `charts` / `charts build`, the desk's main job (build/buildCharts.ts has the
 * steps). Its first question is whether there is anything to do: when every
 * input, the config and the tool are byte for byte those of the last clean
 * build and its release is in place, it says so and stops, having loaded no
 * renderer, validator or checker (upToDate). `--force` skips the question and
 * renders every chart; `--shard I/N` renders one part into a staging folder.
 */
export async function build(options: BuildOptions): Promise<void> {
  const started = performance.now();
  const config = loadConfig({ file: options.config, texts: options.texts, out: options.out });
  const seed = parseSeed(options.seed);
  const now = parseNow(options.now);
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);

  const fingerprint = shard ? undefined : buildFingerprint(config, { seed, now: now?.toISOString() ?? null, allowUnchecked: options.allowUnchecked === true });
  if (fingerprint && !options.force) {
    const last = upToDate(config, fingerprint);
    if (last) {
      console.log(`= ${message.nothingChanged(last.charts, display(config, config.out))} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      process.exitCode = last.exitCode;
      return;
    }
  }
  // Something to do: only now the stages load.
  const { buildCharts } = await import("../build/buildCharts.ts");
  await buildCharts(config, { seed, now, shard, fingerprint, force: options.force === true, allowUnchecked: options.allowUnchecked === true, started });
}
