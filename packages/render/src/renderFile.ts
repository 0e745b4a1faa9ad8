import { readFile, writeFile } from "node:fs/promises";
import { dirname, extname } from "node:path";
import { ChartsError, invalid } from "@charts/errors";
import { embedFonts } from "@charts/fonts";
import { assertSelfContained } from "./assertSelfContained.ts";
import { renderChart } from "./renderChart.ts";
import { renderSvg } from "./renderSvg.ts";
import { isVegaLite } from "./compileVegaLite.ts";
import { setupRenderer } from "./setupRenderer.ts";
import { svgToPng } from "./svgToPng.ts";

/**
 * `charts render SPEC -o OUT`: a Vega-Lite (.vl.json) or Vega (.vg.json)
 * file to an SVG (fonts embedded) or a PNG at `scale`. A Vega-Lite spec
 * that carries `usermeta.chart` is framed with header and footer; anything
 * else is rendered as the bare plot. Relative data URLs resolve against
 * `base`, default the spec's folder.
 */
export async function renderFile(specPath: string, outPath: string, options: { scale?: number; base?: string } = {}): Promise<void> {
  await setupRenderer();
  const out = extname(outPath).toLowerCase();
  if (out !== ".svg" && out !== ".png") throw invalid({ field: "-o" }, "an output path ending in .svg or .png", outPath);
  let spec: object;
  try {
    spec = JSON.parse(await readFile(specPath, "utf8")) as object;
  } catch (error) {
    throw new ChartsError(`cannot read the spec as JSON: ${(error as Error).message}`, { file: specPath }, { cause: error });
  }
  const base = options.base ?? dirname(specPath);
  let svg: string;
  try {
    if (isVegaLite(spec) && (spec as { usermeta?: { chart?: unknown } }).usermeta?.chart) {
      svg = (await renderChart(spec as never, { base })).svg;
    } else {
      svg = await embedFonts((await renderSvg(spec as never, { base })).svg);
      assertSelfContained(svg);
    }
  } catch (error) {
    if (error instanceof ChartsError && !error.where.file) throw new ChartsError(error.message, { ...error.where, file: specPath }, { cause: error });
    throw error;
  }
  await writeFile(outPath, out === ".svg" ? svg : await svgToPng(svg, options.scale ?? 1));
}
