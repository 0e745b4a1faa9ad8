import type { Dataset, Value } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";

/** The provenance field every inlined row carries, for styling implied or derived figures. */
export const STATUS_FIELD = "status";

/**
 * Step 4: the dataset's rows as Vega-Lite inline values: each row's values
 * plus `status` (stated, implied or derived), in data.csv order.
 */
export function inlineData(dataset: Dataset): { values: Array<Record<string, Value>> } {
  if (dataset.meta.columns.some((c) => c.name === STATUS_FIELD)) {
    throw new ChartsError(message.reservedColumn(STATUS_FIELD), {
      file: dataset.metaFile,
      field: "columns",
    });
  }
  return { values: dataset.rows.map((row) => ({ ...row.values, [STATUS_FIELD]: row.provenance.status })) };
}
