import type { Dataset } from "@charts/datasets";
import { ChartsError, invalid, message } from "@charts/errors";
import type { ChartDefinition } from "../types.ts";

export interface ResolvedData {
  dataset: Dataset;
  /** Vega expression over `datum`, if the definition filters rows. */
  filter?: string;
}

/**
 * Step 1: finds the definition's dataset by name (an unknown name is an error
 * that lists the names there are) and keeps only the rows `where` selects, so
 * formats, labels, the source line and the manifest's provenance all see the
 * rows the chart draws and no others.
 */
export function resolveData(definition: ChartDefinition, datasets: Map<string, Dataset>, file: string): ResolvedData {
  return resolveReference(definition.data, datasets, file, "data");
}

/** The datasets a definition `cites`, each narrowed by its `where`. */
export function resolveCites(definition: ChartDefinition, datasets: Map<string, Dataset>, file: string): Dataset[] {
  return (definition.cites ?? []).map((ref, i) => resolveReference(ref, datasets, file, `cites[${i}]`).dataset);
}

type Reference = ChartDefinition["data"];

function resolveReference(ref: Reference, datasets: Map<string, Dataset>, file: string, path: string): ResolvedData {
  const { name, filter, field } =
    typeof ref === "string"
      ? { name: ref, filter: undefined, field: path }
      : { name: ref.dataset, filter: ref.filter, field: `${path}.dataset` };
  const dataset = datasets.get(name);
  if (!dataset) {
    throw new ChartsError(message.unknownDataset(name, [...datasets.keys()].sort()), { file, field });
  }
  const where = typeof ref === "string" ? undefined : ref.where;
  const selected = where ? selectRows(dataset, where, file, `${path}.where`) : dataset;
  return filter === undefined ? { dataset: selected } : { dataset: selected, filter };
}

function selectRows(dataset: Dataset, where: Record<string, string | number | Array<string | number>>, file: string, path: string): Dataset {
  const columns = dataset.meta.columns.map((c) => c.name);
  for (const field of Object.keys(where)) {
    if (!columns.includes(field)) throw invalid({ file, field: `${path}.${field}` }, message.expectedWhereColumn(dataset.name, columns), field);
  }
  const rows = dataset.rows.filter((row) =>
    Object.entries(where).every(([field, wanted]) => (Array.isArray(wanted) ? wanted : [wanted]).includes(row.values[field] as string | number)),
  );
  if (!rows.length) throw invalid({ file, field: path }, message.expectedSelectingWhere(dataset.name), where);
  return { ...dataset, rows };
}
