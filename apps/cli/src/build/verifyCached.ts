// The figure check with a memory: each dataset's result is kept in the cache
// folder under the hash of what it depends on (the dataset's rows, the bytes
// of the texts its rows cite, their sources.json entries, the limits, the
// tool), so a build re-checks only the datasets whose rows or texts changed.
// The result is the one `charts check` computes, dataset by dataset.
import { createHash } from "node:crypto";
import { readFile, mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ChartsError, type Where } from "@charts/errors";
import { checkDatasets, type Dataset, type SourceInfo, type VerifiedRow } from "@charts/datasets";
import type { Config } from "../config.ts";
import { datasetOfError, verification, type Verification } from "../commands/check.ts";

/** One dataset's check as kept on disk. */
interface Kept {
  verified: VerifiedRow[];
  errors: Array<{ detail: string; where: Where }>;
}

const FILE = "figure-check.json";

/**
 * checkDatasets over the datasets whose key is not in the cache folder; the
 * others' results read back. Writes the results of this build's datasets
 * (and only those: the file never grows past the project). Returns the
 * Verification of all.
 */
export async function verifyCached(
  config: Config,
  datasets: Map<string, Dataset>,
  sources: Map<string, SourceInfo> | undefined,
  tool: string,
): Promise<Verification> {
  const file = join(config.cache, FILE);
  const kept = await readFile(file, "utf8").then((text) => JSON.parse(text) as Record<string, Kept>, () => ({}) as Record<string, Kept>);
  const texts = new Map<string, Promise<string>>();
  const textHash = (id: string) => {
    let hash = texts.get(id);
    if (!hash) {
      hash = readFile(join(config.texts, `${id}.txt`)).then(
        (bytes) => createHash("sha256").update(bytes).digest("hex"),
        (error: NodeJS.ErrnoException) => `unreadable: ${error.code}`,
      );
      texts.set(id, hash);
    }
    return hash;
  };
  const keys = new Map<string, string>();
  for (const dataset of datasets.values()) {
    const cited = [...new Set(dataset.rows.map((row) => row.provenance.source))].sort();
    const hashes = await Promise.all(cited.map(textHash));
    const key = createHash("sha256")
      .update(
        JSON.stringify([
          tool,
          config.limits,
          dataset.name,
          dataset.metaFile,
          dataset.dataFile,
          dataset.meta,
          dataset.rows,
          cited.map((id, i) => [id, hashes[i], sources ? (sources.get(id) ?? null) : "no sources.json"]),
        ]),
      )
      .digest("hex");
    keys.set(dataset.name, key);
  }

  const results = new Map<string, Kept>();
  /** Errors of the check that name no dataset's file: reported, and nothing of their run kept. */
  const stray: ChartsError[] = [];
  const fresh = [...datasets.values()].filter((dataset) => {
    const hit = kept[keys.get(dataset.name)!];
    if (hit) results.set(dataset.name, hit);
    return !hit;
  });
  if (fresh.length) {
    const { verified, errors } = await checkDatasets(fresh, config.texts, { ...(sources ? { sources } : {}), limits: config.limits });
    const datasetOf = datasetOfError(fresh);
    for (const dataset of fresh) results.set(dataset.name, { verified: [], errors: [] });
    for (const row of verified) results.get(row.dataset)!.verified.push(row);
    for (const error of errors) {
      const result = results.get(datasetOf(error) ?? "");
      if (result) result.errors.push({ detail: error.detail, where: error.where });
      else stray.push(error);
    }
  }

  const next: Record<string, Kept> = {};
  for (const [name, result] of results) if (!stray.length || !fresh.some((dataset) => dataset.name === name)) next[keys.get(name)!] = result;
  await mkdir(config.cache, { recursive: true });
  const aside = `${file}.${process.pid}.tmp`;
  await writeFile(aside, JSON.stringify(next));
  await rename(aside, file);

  const all = [...datasets.keys()].map((name) => results.get(name)!);
  return verification(
    all.flatMap((result) => result.verified),
    [...all.flatMap((result) => result.errors.map((error) => new ChartsError(error.detail, error.where))), ...stray],
    datasets,
  );
}
