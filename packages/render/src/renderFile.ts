import { writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { readJson } from "@charts/datasets";
import { ChartsError, invalid, message } from "@charts/errors";
import { embedFonts } from "@charts/fonts";
import { assertSafeSvg } from "./assertSafeSvg.ts";
import { renderChart } from "./renderChart.ts";
import { renderSvg } from "./renderSvg.ts";
import { isVegaLite } from "./compileVegaLite.ts";
import { setupRenderer } from "./setupRenderer.ts";
import { svgToPng } from "./svgToPng.ts";
import type { RenderOptions } from "./types.ts";

export interface RenderFileOptions extends Pick<RenderOptions, "base" | "links" | "seed" | "now" | "limits" | "cacheDir"> {
  /** PNG scale, default 1. */
  scale?: number;
}

/**
 * `charts render SPEC -o OUT`: a Vega-Lite (.vl.json) or Vega (.vg.json)
 * file to an SVG (fonts embedded) or a PNG at `scale`. A Vega-Lite spec
 * that carries `usermeta.chart` is framed with header and footer; anything
 * else is rendered as the bare plot. Data and images are read from `base`
 * only (default the spec's folder), links kept unless `links` is false,
 * random numbers drawn from `seed`, now() at `now` (see renderSvg). The spec is read through
 * readJson (at most `limits.definitionBytes`, no duplicate keys, no nesting
 * deeper than `limits.jsonDepth`) and the output's pixels at `scale` are
 * checked against `limits.plotPixels` before Vega and before sharp.
 */
export async function renderFile(specPath: string, outPath: string, options: RenderFileOptions = {}): Promise<void> {
  await setupRenderer();
  const out = extname(outPath).toLowerCase();
  if (out !== ".svg" && out !== ".png") throw invalid({ field: "-o" }, message.expectedOutputPath(), outPath);
  const spec = await readJson(specPath, specPath, options.limits);
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) throw invalid({ file: specPath }, message.expectedSpec(), spec);
  const scale = out === ".png" ? (options.scale ?? 1) : 1;
  const access = { ...options, scale, base: options.base ?? dirname(specPath), linksSetting: "--no-links" };
  let svg: string;
  try {
    if (isVegaLite(spec) && (spec as { usermeta?: { chart?: unknown } }).usermeta?.chart) {
      svg = (await renderChart(spec as never, access)).svg;
    } else {
      svg = await embedFonts((await renderSvg(spec as never, access)).svg, { cacheDir: options.cacheDir });
      assertSafeSvg(svg, { links: options.links });
    }
  } catch (error) {
    throw placed(specPath, error);
  }
  await writeFile(outPath, out === ".svg" ? svg : await placedIn(specPath, svgToPng(svg, scale, { limits: options.limits })));
}

/** An error of the render, placed in the spec file: the same message, with the file it is about. */
function placed(file: string, error: unknown): unknown {
  return error instanceof ChartsError && !error.where.file ? error.at({ ...error.where, file }) : error;
}

async function placedIn<T>(file: string, work: Promise<T>): Promise<T> {
  return work.catch((error: unknown) => {
    throw placed(file, error);
  });
}
