import type { Dataset } from "@charts/datasets";
import { ChartsError } from "@charts/errors";
import type { ChartDefinition } from "../types.ts";

export interface ResolvedData {
  dataset: Dataset;
  /** Vega expression over `datum`, if the definition filters rows. */
  filter?: string;
}

/**
 * Step 1: finds the definition's dataset by name. An unknown name is an
 * error that lists the names there are.
 */
export function resolveData(definition: ChartDefinition, datasets: Map<string, Dataset>, file: string): ResolvedData {
  const { name, filter, field } =
    typeof definition.data === "string"
      ? { name: definition.data, filter: undefined, field: "data" }
      : { name: definition.data.dataset, filter: definition.data.filter, field: "data.dataset" };
  const dataset = datasets.get(name);
  if (!dataset) {
    const known = [...datasets.keys()].sort();
    throw new ChartsError(
      `expected one of the datasets ${known.length ? known.join(", ") : "(none loaded)"} but received "${name}"`,
      { file, field },
    );
  }
  return filter === undefined ? { dataset } : { dataset, filter };
}
