import type { Dataset } from "@charts/datasets";
import { assertGlyphs, fontFaces } from "@charts/fonts";
import type { ChartDefinition } from "./types.ts";

/**
 * Every character a chart will draw from its definition and its data must be
 * in the bundled font, in every face (the headline is bold, labels regular):
 * else the rasteriser draws a box or another font. Checked before rendering so
 * the error names where the character was written: the definition's JSON path
 * (`annotations[0].text`), or the data.csv, row and column of a cell of the
 * rows the chart draws (`datasets/x/data.csv, row 3, partner`), with the
 * character and its code point. Emoji, right-to-left scripts and symbols the
 * font lacks are refused here; markup and quotes are drawn as written (Vega
 * escapes them). Call `await loadFonts()` (or setupRenderer) first.
 *
 * @example checkGlyphs(definition, resolveData(definition, datasets, file).dataset, file)
 */
export function checkGlyphs(definition: ChartDefinition, dataset: Dataset, file: string): void {
  const texts: Array<[string, string | undefined]> = [
    ["headline", definition.headline],
    ["dek", definition.dek],
    ["notes", definition.notes],
    ["source", definition.source],
    ["byline", definition.byline],
    ...(definition.annotations ?? []).map((a, i): [string, string | undefined] => [`annotations[${i}].text`, "text" in a ? a.text : undefined]),
  ];
  for (const [field, text] of texts) if (typeof text === "string") drawable(text, { file, field });
  const strings = dataset.meta.columns.filter((column) => column.type === "string");
  for (const row of dataset.rows) {
    for (const column of strings) {
      const cell = row.values[column.name];
      if (typeof cell === "string") drawable(cell, { file: dataset.dataFile, row: row.row, field: column.name });
    }
  }
}

function drawable(text: string, where: { file: string; row?: number; field: string }): void {
  for (const face of fontFaces) assertGlyphs(text, { weight: face.weight, style: face.style }, where);
}
