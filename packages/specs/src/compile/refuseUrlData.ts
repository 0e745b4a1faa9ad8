import { ChartsError, jsonPath, message } from "@charts/errors";
import { assertFontFamilies } from "@charts/fonts";
import { isObject, type Json } from "./plotShape.ts";

type Path = Array<string | number>;

/**
 * Step 2b: what a plot may not reach. Every number a published chart draws
 * comes from a dataset row with provenance, so data by URL anywhere in the
 * plot (a layer's `data.url`, a lookup's `from.data.url`, any nested spec) is
 * an error naming the file and the JSON path, e.g. `plot.layer[1].data.url`,
 * and telling the desk to name a dataset. Font families must be the bundled
 * one (`plot.encoding.x.axis.labelFont`). Render refuses both again, as a
 * second line: files only under the datasets folder, fonts only bundled.
 */
export function refuseUrlData(plot: Json, file: string): void {
  const visit = (node: unknown, path: Path): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...path, i]));
    if (!isObject(node)) return;
    for (const [key, child] of Object.entries(node)) {
      if (key === "data" && isObject(child) && "url" in child) {
        throw new ChartsError(message.urlData(child.url), { file, field: jsonPath([...path, key, "url"]) });
      }
      if (key !== "values") visit(child, [...path, key]);
    }
  };
  visit(plot, ["plot"]);
  assertFontFamilies(plot, { file }, ["plot"]);
}
