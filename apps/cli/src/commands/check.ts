import { existsSync } from "node:fs";
import { ChartsError, message } from "@charts/errors";
import { checkDatasets, loadDatasets, loadSources, type Dataset, type SourceInfo, type VerifiedRow } from "@charts/datasets";
import { display, loadConfig, type Config } from "../config.ts";

export interface Verification {
  verified: VerifiedRow[];
  errors: ChartsError[];
  /** Errors per dataset name: the datasets with a row the texts no longer support. */
  failing: Map<string, ChartsError[]>;
  /** The sentence each verified row's figure stands in, by `dataset#row`. */
  sentences: Map<string, string>;
}

/** Key of a dataset row in Verification.sentences. */
export const rowKey = (dataset: string, row: number): string => `${dataset}#${row}`;

/** Checks every dataset row against its source text; returns what held and what did not. */
export async function verify(
  config: Config,
  datasets: Map<string, Dataset>,
  sources: Map<string, SourceInfo> | undefined,
): Promise<Verification> {
  const { verified, errors } = await checkDatasets(datasets, config.texts, { ...(sources ? { sources } : {}), limits: config.limits });
  return verification(verified, errors, datasets);
}

/** The dataset (of `datasets`) a figure-check error is about: errors name its data.csv or dataset.json, as loaded. */
export function datasetOfError(datasets: Iterable<Dataset>): (error: ChartsError) => string | undefined {
  const byFile = new Map<string | undefined, string>();
  for (const dataset of datasets) byFile.set(dataset.dataFile, dataset.name).set(dataset.metaFile, dataset.name);
  return (error) => byFile.get(error.where.file);
}

/** The figure check's result, with its errors by dataset (each names its dataset's file) and the sentence of each row found. */
export function verification(verified: VerifiedRow[], errors: ChartsError[], datasets: Map<string, Dataset>): Verification {
  const datasetOf = datasetOfError(datasets.values());
  const failing = new Map<string, ChartsError[]>();
  for (const error of errors) {
    const name = datasetOf(error) ?? "";
    failing.set(name, [...(failing.get(name) ?? []), error]);
  }
  const sentences = new Map(verified.map((v) => [rowKey(v.dataset, v.row), v.sentence]));
  return { verified, errors, failing, sentences };
}

/**
 * `charts check`: exits non-zero when a text no longer says what a dataset
 * claims, or a dataset or a sources.json entry does not load; each of those is
 * reported and the rest are checked.
 */
export async function check(options: { texts?: string; config?: string }): Promise<void> {
  const config = loadConfig({ file: options.config, texts: options.texts });
  if (!existsSync(config.texts)) throw new ChartsError(message.textsMissing(config.texts), { field: "texts" });
  const { root, limits } = config;
  const failedDatasets = new Map<string, ChartsError>();
  const datasets = await loadDatasets(config.datasets, { root, limits, onError: (error, name) => failedDatasets.set(name, error) });
  const failedSources = new Map<string, ChartsError>();
  const sources = await loadSources(config.sources, { root, limits, onError: (error, id) => failedSources.set(id, error) });
  const { verified, errors, failing } = await verify(config, datasets, sources);
  for (const name of [...datasets.keys(), ...failedDatasets.keys()].sort()) {
    const dataset = datasets.get(name);
    if (!dataset) {
      console.log(`✗ ${name}: does not load`);
      continue;
    }
    const rows = verified.filter((row) => row.dataset === dataset.name).length;
    const bad = failing.get(dataset.name)?.length ?? 0;
    console.log(`${bad ? "✗" : "✓"} ${dataset.name}: ${rows} of ${dataset.rows.length} figures found in their texts`);
  }
  for (const error of [...failedDatasets.values(), ...failedSources.values(), ...errors]) console.error(`error: ${error.message}`);
  const inputs = failedDatasets.size + failedSources.size;
  const notLoaded = inputs ? `; ${failedDatasets.size} dataset${failedDatasets.size === 1 ? "" : "s"} and ${failedSources.size} sources.json entr${failedSources.size === 1 ? "y" : "ies"} do not load` : "";
  console.log(
    (errors.length
      ? `${errors.length} figure${errors.length === 1 ? "" : "s"} ${errors.length === 1 ? "does" : "do"} not match the texts in ${display(config, config.texts)}`
      : `All ${verified.length} figures match the texts in ${display(config, config.texts)}`) + notLoaded,
  );
  if (errors.length || inputs) process.exitCode = 1;
}
