import { mkdirSync, readdirSync, statSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { ChartsError, invalid, message } from "@charts/errors";
import { renderFile } from "@charts/render";
import { findConfig, loadConfig, parseNow, parseSeed } from "../config.ts";

/** The project's charts.config.json (--config, or found from here up), or none outside a project. */
function projectConfig(file: string | undefined) {
  const found = file ?? findConfig(process.cwd());
  return found ? loadConfig({ file: found }) : undefined;
}

const SPEC = /\.(?:vl|vg)\.json$|\.json$/;

export interface RenderOptions {
  out: string;
  scale?: string;
  format?: string;
  base?: string;
  seed?: string;
  /** What now() returns in expressions (ISO), else SOURCE_DATE_EPOCH, else the time of each render. */
  now?: string;
  links?: boolean;
  config?: string;
}

/**
 * `charts render SPEC -o OUT`: any Vega-Lite or Vega spec to SVG or PNG, outside the story workflow.
 * Files are read from `--base` only (default the spec's folder); `--no-links` refuses links; `--seed` seeds random();
 * `--now` (or SOURCE_DATE_EPOCH) pins now().
 *
 * Batch: `charts render A.vl.json B.vl.json ... -o DIR` (or a folder of specs) renders each into DIR as
 * `<name>.svg` (or `.png` with `--format png`) in one process, so a script pays the start-up (vega,
 * vega-lite, fonts, sharp) once; one line per spec, a failing spec does not stop the others.
 */
export async function render(specs: string[], options: RenderOptions): Promise<void> {
  const folders = new Set(specs.filter((spec) => statSync(spec, { throwIfNoEntry: false })?.isDirectory()));
  const inputs = specs.flatMap((spec) => (folders.has(spec) ? specsIn(spec) : [spec]));
  const batch = inputs.length > 1 || folders.size > 0;
  const outExt = extname(options.out).toLowerCase();
  if (batch && (outExt === ".svg" || outExt === ".png")) throw invalid({ field: "-o" }, message.expectedOutputFolder(), options.out);
  if (!batch && options.format !== undefined) throw new ChartsError(message.optionDoesNotApply("the output's extension (.svg or .png) chooses the format of one spec"), { field: "--format" });
  const format = batch ? (options.format ?? "svg") : outExt.slice(1);
  if (batch && format !== "svg" && format !== "png") throw invalid({ field: "--format" }, message.expectedFormat(), options.format);
  if (options.scale !== undefined && format === "svg") {
    throw new ChartsError(message.optionDoesNotApply("an SVG has no pixels; give an output ending in .png"), { field: "--scale" });
  }
  const scale = Number(options.scale ?? "1");
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw invalid({ field: "--scale" }, message.expectedRenderScale(), options.scale);
  }
  const seed = parseSeed(options.seed);
  const now = parseNow(options.now)?.getTime();
  // limits from the project's charts.config.json when there is one, else the defaults; its cache folder for font subsets
  const config = projectConfig(options.config);
  const render = { scale, seed, ...(now === undefined ? {} : { now }), links: options.links !== false, ...(config ? { limits: config.limits, cacheDir: config.cache } : {}), ...(options.base ? { base: resolve(options.base) } : {}) };
  if (!batch) {
    await renderFile(resolve(inputs[0]!), resolve(options.out), render);
    console.log(`✓ ${inputs[0]} -> ${options.out}`);
    return;
  }
  const dir = resolve(options.out);
  mkdirSync(dir, { recursive: true });
  let failed = 0;
  const taken = new Set<string>();
  for (const spec of inputs) {
    const name = `${basename(spec).replace(SPEC, "")}.${format}`;
    const out = join(dir, name);
    try {
      if (taken.has(name)) throw invalid({ file: spec }, "a spec whose output name no other spec of the batch has", name);
      taken.add(name);
      await renderFile(resolve(spec), out, render);
      console.log(`✓ ${spec} -> ${join(options.out, name)}`);
    } catch (error) {
      failed++;
      // a ChartsError names the spec already
      console.error(`✗ ${error instanceof ChartsError ? error.message : `${spec}: ${String((error as Error)?.stack ?? error)}`}`);
    }
  }
  console.log(`${inputs.length - failed} of ${inputs.length} specs rendered, ${failed} failed -> ${options.out}`);
  if (failed) process.exitCode = 1;
}

/** The Vega-Lite and Vega specs of a folder (`*.vl.json`, `*.vg.json`), in name order. */
function specsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.(?:vl|vg)\.json$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}
