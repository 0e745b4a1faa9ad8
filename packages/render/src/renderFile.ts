import { readFile, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { ChartsError, invalid } from "@charts/errors";
import { embedFonts } from "@charts/fonts";
import { assertSafeSvg } from "./assertSafeSvg.ts";
import { renderChart } from "./renderChart.ts";
import { renderSvg } from "./renderSvg.ts";
import { isVegaLite } from "./compileVegaLite.ts";
import { setupRenderer } from "./setupRenderer.ts";
import { svgToPng } from "./svgToPng.ts";
import type { RenderOptions } from "./types.ts";

export interface RenderFileOptions extends Pick<RenderOptions, "base" | "links" | "seed"> {
  /** PNG scale, default 1. */
  scale?: number;
}

/**
 * `charts render SPEC -o OUT`: a Vega-Lite (.vl.json) or Vega (.vg.json)
 * file to an SVG (fonts embedded) or a PNG at `scale`. A Vega-Lite spec
 * that carries `usermeta.chart` is framed with header and footer; anything
 * else is rendered as the bare plot. Data and images are read from `base`
 * only (default the spec's folder), links kept unless `links` is false,
 * random numbers drawn from `seed` (see renderSvg).
 */
export async function renderFile(specPath: string, outPath: string, options: RenderFileOptions = {}): Promise<void> {
  await setupRenderer();
  const out = extname(outPath).toLowerCase();
  if (out !== ".svg" && out !== ".png") throw invalid({ field: "-o" }, "an output path ending in .svg or .png", outPath);
  let spec: object;
  try {
    spec = JSON.parse(await readFile(specPath, "utf8")) as object;
  } catch (error) {
    throw new ChartsError(`cannot read the spec as JSON: ${(error as Error).message}`, { file: specPath }, { cause: error });
  }
  const { scale, ...render } = options;
  const access = { ...render, base: options.base ?? dirname(specPath), linksSetting: "--no-links" };
  let svg: string;
  try {
    if (isVegaLite(spec) && (spec as { usermeta?: { chart?: unknown } }).usermeta?.chart) {
      svg = (await renderChart(spec as never, access)).svg;
    } else {
      svg = await embedFonts((await renderSvg(spec as never, access)).svg);
      assertSafeSvg(svg, { links: options.links });
    }
  } catch (error) {
    if (error instanceof ChartsError && !error.where.file) {
      // the same error, placed in the spec file: its message without the place it already names
      const place = new ChartsError("", error.where).message;
      throw new ChartsError(error.message.slice(place.length), { ...error.where, file: specPath }, { cause: error });
    }
    throw error;
  }
  await writeFile(outPath, out === ".svg" ? svg : await svgToPng(svg, scale ?? 1));
}
