import { existsSync } from "node:fs";
import { ChartsError } from "@charts/errors";
import { checkDatasets, loadDatasets, loadSources, type Dataset, type SourceInfo, type VerifiedRow } from "@charts/datasets";
import { display, loadConfig, type Config } from "../config.ts";

export interface Verification {
  verified: VerifiedRow[];
  errors: ChartsError[];
  /** Errors per dataset name: the datasets with a row the texts no longer support. */
  failing: Map<string, ChartsError[]>;
}

/** Checks every dataset row against its source text; returns what held and what did not. */
export async function verify(
  config: Config,
  datasets: Map<string, Dataset>,
  sources: Map<string, SourceInfo>,
): Promise<Verification> {
  const { verified, errors } = await checkDatasets(datasets, config.texts, { sources });
  const failing = new Map<string, ChartsError[]>();
  for (const error of errors) {
    const name = datasetOf(config, datasets, error) ?? "";
    failing.set(name, [...(failing.get(name) ?? []), error]);
  }
  return { verified, errors, failing };
}

function datasetOf(config: Config, datasets: Map<string, Dataset>, error: ChartsError): string | undefined {
  const file = error.where.file;
  for (const dataset of datasets.values()) {
    if (file === dataset.dataFile || file === dataset.metaFile || file === display(config, dataset.dataFile)) {
      return dataset.name;
    }
  }
  return undefined;
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
