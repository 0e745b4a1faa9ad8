import { extname, resolve } from "node:path";
import { ChartsError, invalid, message } from "@charts/errors";
import { renderFile } from "@charts/render";
import { findConfig, loadConfig, parseSeed } from "../config.ts";

/** The limits of the project's charts.config.json (--config, or found from here up); the defaults outside a project. */
function projectLimits(file: string | undefined) {
  const found = file ?? findConfig(process.cwd());
  return found ? loadConfig({ file: found }).limits : undefined;
}

/**
 * `charts render SPEC -o OUT`: any Vega-Lite or Vega spec to SVG or PNG, outside the story workflow.
 * Files are read from `--base` only (default the spec's folder); `--no-links` refuses links; `--seed` seeds random().
 */
export async function render(spec: string, options: { out: string; scale?: string; base?: string; seed?: string; links?: boolean; config?: string }): Promise<void> {
  if (options.scale !== undefined && extname(options.out).toLowerCase() === ".svg") {
    throw new ChartsError(message.optionDoesNotApply("an SVG has no pixels; give an output ending in .png"), { field: "--scale" });
  }
  const scale = Number(options.scale ?? "1");
  if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
    throw invalid({ field: "--scale" }, message.expectedRenderScale(), options.scale);
  }
  const out = resolve(options.out);
  const seed = parseSeed(options.seed);
  // limits from the project's charts.config.json when there is one, else the defaults
  const limits = projectLimits(options.config);
  await renderFile(resolve(spec), out, { scale, seed, limits, links: options.links !== false, ...(options.base ? { base: resolve(options.base) } : {}) });
  console.log(`✓ ${spec} -> ${options.out}`);
}
