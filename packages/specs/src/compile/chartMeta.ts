import type { Dataset, SourceInfo } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";
import { sourceLine } from "@charts/theme";
import type { ChartDefinition, ChartMeta } from "../types.ts";

export const DEFAULT_LOCALE = "en-GB";

/**
 * Step 9: the publishing metadata render and publish need. The source line
 * names the publishers of the texts cited by the rows drawn and the rows the
 * definition `cites`, in order of first use, unless the definition gives `source`:
 *   "Source: ISEAS-Yusof Ishak Institute; 20 Minutes"
 * The notes are the ones the chart writes itself (`generated`: gaps, derived
 * rows), then the definition's. `width` is the published width render frames
 * the plot in.
 */
export function chartMeta(
  definition: ChartDefinition & { alt: string },
  datasets: Dataset[],
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>,
  file: string,
  generated: { notes?: string[]; width?: number } = {},
): { meta: ChartMeta; texts: string[] } {
  const locale = definition.locale ?? DEFAULT_LOCALE;
  const rows = datasets.flatMap((dataset) => dataset.rows.map((row) => ({ dataset, row })));
  const texts = [...new Set(rows.map(({ row }) => row.provenance.source))];
  const publishers = texts.map((id) => {
    const info = sources instanceof Map ? sources.get(id) : Object.hasOwn(sources, id) ? sources[id] : undefined;
    if (!info) {
      const { dataset, row } = rows.find(({ row }) => row.provenance.source === id)!;
      throw new ChartsError(message.notInSources(id), {
        file: dataset.dataFile,
        row: row.row,
        field: "source",
      });
    }
    return info.publisher;
  });
  const names = [...new Set(publishers)];
  const source = definition.source !== undefined ? sourceLine(definition.source, locale) : sourceLine(names.join("; "), locale, names.length);
  if (!definition.source && !publishers.length) {
    throw new ChartsError(message.noSourceLine(), { file, field: "source" });
  }
  const notes = [...(generated.notes ?? []), ...(definition.notes !== undefined ? [definition.notes] : [])].join(" ");
  const meta: ChartMeta = {
    slug: definition.slug,
    headline: definition.headline,
    dek: definition.dek,
    ...(notes && { notes }),
    source,
    ...(definition.byline !== undefined && { byline: definition.byline }),
    alt: definition.alt,
    locale,
    ...(generated.width !== undefined && { width: generated.width }),
  };
  return { meta, texts };
}
