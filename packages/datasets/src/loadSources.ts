import { displayPath } from "@charts/errors";
import type { LoadOptions } from "./loadDataset.ts";
import { readJson } from "./readJson.ts";
import type { SourceInfo } from "./types.ts";
import { validateJson } from "./validateJson.ts";

/**
 * Loads `datasets/sources.json` (who published each source text), validated
 * against `sources.schema.json`, as a map from text id to its metadata.
 *
 * @example (await loadSources("datasets/sources.json")).get("004_e411960df6774cf9")?.publisher
 */
export async function loadSources(file: string, options: LoadOptions = {}): Promise<Map<string, SourceInfo>> {
  const shown = displayPath(file, options.root);
  const json = validateJson<Record<string, SourceInfo>>("sources.schema.json", await readJson(file, shown), shown);
  return new Map(Object.entries(json));
}
