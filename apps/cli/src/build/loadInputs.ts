// Step 1 of the build: every input loaded on its own. What fails is kept, by
// name, with its error, so a bad input fails only the charts that use it.
import { ChartsError } from "@charts/errors";
import { loadDatasets, loadSources, type Dataset, type SourceInfo } from "@charts/datasets";
import { loadChartDefinitions, resolveCites, resolveData, slugOf, type ChartDefinition } from "@charts/specs";
import type { Config } from "../config.ts";

/** A chart to build: its definition, or the error that kept it from loading (named by its file). */
export type ChartInput = { file: string; slug: string; definition: ChartDefinition } | { file: string; slug: string; error: ChartsError };

/**
 * Datasets, sources and chart definitions, each loaded on its own.
 * `usable` gives a chart's definition and its file as shown, or throws the
 * error that keeps it from building: its own, or its root cause (a failed
 * input it depends on: a dataset it draws or cites, sources.json itself, or
 * the entry of a text its rows cite).
 */
export async function loadInputs(config: Config) {
  const { root, limits } = config;
  const failedDatasets = new Map<string, ChartsError>();
  const datasets = await loadDatasets(config.datasets, { root, limits, onError: (error, name) => failedDatasets.set(name, error) });
  const failedSources = new Map<string, ChartsError>();
  let sources = new Map<string, SourceInfo>();
  let sourcesError: ChartsError | undefined;
  try {
    sources = await loadSources(config.sources, { root, limits, onError: (error, id) => failedSources.set(id, error) });
  } catch (error) {
    if (!(error instanceof ChartsError)) throw error;
    sourcesError = error;
  }
  const charts: ChartInput[] = [];
  const definitions = await loadChartDefinitions(config.charts, {
    root,
    limits,
    onError: (error, file) => charts.push({ file, slug: slugOf(file), error }),
  });
  for (const { file, definition } of definitions) charts.push({ file, slug: definition.slug, definition });
  charts.sort((a, b) => (a.file < b.file ? -1 : 1));

  const rootCause = (definition: ChartDefinition, file: string): ChartsError | undefined => {
    for (const name of datasetNames(definition)) if (failedDatasets.has(name)) return failedDatasets.get(name);
    if (sourcesError) return sourcesError;
    if (!failedSources.size) return undefined;
    let drawn: Dataset[];
    try {
      drawn = [resolveData(definition, datasets, file).dataset, ...resolveCites(definition, datasets, file)];
    } catch {
      return undefined; // compileChart names the problem
    }
    for (const dataset of drawn) {
      for (const row of dataset.rows) if (failedSources.has(row.provenance.source)) return failedSources.get(row.provenance.source);
    }
    return undefined;
  };
  const usable = (chart: ChartInput, display: (path: string) => string): { definition: ChartDefinition; file: string } => {
    if ("error" in chart) throw chart.error;
    const file = display(chart.file);
    const cause = rootCause(chart.definition, file);
    if (cause) throw cause;
    return { definition: chart.definition, file };
  };
  /** The datasets the charts that loaded draw or cite. */
  const usedDatasets = () => new Set(definitions.flatMap(({ definition }) => datasetNames(definition)));
  return { datasets, sources, sourcesError, charts, failedDatasets, failedSources, usable, usedDatasets };
}

/** The datasets a definition draws (`data`) and cites, by name. */
export function datasetNames(definition: ChartDefinition): string[] {
  return [definition.data, ...(definition.cites ?? [])].map((ref) => (typeof ref === "string" ? ref : ref.dataset));
}
