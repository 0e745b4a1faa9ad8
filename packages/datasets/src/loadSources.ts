import { displayPath } from "@charts/errors";
import type { LoadOptions } from "./loadDataset.ts";
import { readJson } from "./readJson.ts";
import type { SourceInfo } from "./types.ts";
import { firstProblem, validateJson } from "./validateJson.ts";

/**
 * Loads `datasets/sources.json` (who published each source text), validated
 * against `sources.schema.json`, as a map from text id to its metadata.
 *
 * With `options.onError`, each entry stands on its own: an entry that breaks
 * the schema is reported there (with its text id) and left out, so it fails
 * only the charts whose rows cite that text. A file that cannot be read or is
 * not a JSON object throws either way.
 *
 * @example (await loadSources("datasets/sources.json")).get("004_e411960df6774cf9")?.publisher
 */
export async function loadSources(file: string, options: LoadOptions = {}): Promise<Map<string, SourceInfo>> {
  const shown = displayPath(file, options.root);
  const json = await readJson(file, shown, options.limits);
  if (!options.onError || json === null || typeof json !== "object" || Array.isArray(json)) {
    return new Map(Object.entries(validateJson<Record<string, SourceInfo>>("sources.schema.json", json, shown)));
  }
  const entries = { ...(json as Record<string, unknown>) };
  for (let problem = firstProblem("sources.schema.json", entries, shown); problem; problem = firstProblem("sources.schema.json", entries, shown)) {
    const [id] = problem.segments;
    if (id === undefined) throw problem.error;
    options.onError(problem.error, String(id));
    delete entries[id];
  }
  return new Map(Object.entries(entries as Record<string, SourceInfo>));
}
