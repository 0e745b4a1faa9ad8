import { existsSync } from "node:fs";
import { ChartsError } from "@charts/errors";
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
  sources: Map<string, SourceInfo>,
): Promise<Verification> {
  const { verified, errors } = await checkDatasets(datasets, config.texts, { sources });
  // errors name the dataset's file (as loaded, relative to the project root)
  const byFile = new Map<string | undefined, string>();
  for (const dataset of datasets.values()) byFile.set(dataset.dataFile, dataset.name).set(dataset.metaFile, dataset.name);
  const failing = new Map<string, ChartsError[]>();
  for (const error of errors) {
    const name = byFile.get(error.where.file) ?? "";
    failing.set(name, [...(failing.get(name) ?? []), error]);
  }
  const sentences = new Map(verified.map((v) => [rowKey(v.dataset, v.row), v.sentence]));
  return { verified, errors, failing, sentences };
}

/** `charts check`: exits non-zero when a text no longer says what a dataset claims. */
export async function check(options: { texts?: string; config?: string }): Promise<void> {
  const config = loadConfig({ file: options.config, texts: options.texts });
  if (!existsSync(config.texts)) {
    throw new ChartsError(
      `the source texts are not at ${config.texts}: pass --texts DIR or set CHARTS_TEXTS`,
      { field: "texts" },
    );
  }
  const datasets = await loadDatasets(config.datasets, { root: config.root });
  const sources = await loadSources(config.sources, { root: config.root });
  const { verified, errors, failing } = await verify(config, datasets, sources);
  for (const dataset of datasets.values()) {
    const rows = verified.filter((row) => row.dataset === dataset.name).length;
    const bad = failing.get(dataset.name)?.length ?? 0;
    console.log(`${bad ? "✗" : "✓"} ${dataset.name}: ${rows} of ${dataset.rows.length} figures found in their texts`);
  }
  for (const error of errors) console.error(`error: ${error.message}`);
  console.log(
    errors.length
      ? `${errors.length} figure${errors.length === 1 ? "" : "s"} no longer match${errors.length === 1 ? "es" : ""} the texts in ${display(config, config.texts)}`
      : `All ${verified.length} figures match the texts in ${display(config, config.texts)}`,
  );
  if (errors.length) process.exitCode = 1;
}
