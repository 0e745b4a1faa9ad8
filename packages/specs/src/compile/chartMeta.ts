import type { Dataset, SourceInfo } from "@charts/datasets";
import { ChartsError } from "@charts/errors";
import { sourceLine } from "@charts/theme";
import type { ChartDefinition, ChartMeta } from "../types.ts";

export const DEFAULT_LOCALE = "en-GB";

/**
 * Step 7: the publishing metadata render and publish need. The source line
 * names the publishers of the texts cited by the rows drawn and the rows the
 * definition `cites`, in order of first use, unless the definition gives `source`:
 *   "Source: ISEAS-Yusof Ishak Institute; 20 Minutes"
 */
export function chartMeta(
  definition: ChartDefinition & { alt: string },
  datasets: Dataset[],
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>,
  file: string,
): { meta: ChartMeta; texts: string[] } {
  const locale = definition.locale ?? DEFAULT_LOCALE;
  const rows = datasets.flatMap((dataset) => dataset.rows.map((row) => ({ dataset, row })));
  const texts = [...new Set(rows.map(({ row }) => row.provenance.source))];
  const publishers = texts.map((id) => {
    const info = sources instanceof Map ? sources.get(id) : Object.hasOwn(sources, id) ? sources[id] : undefined;
    if (!info) {
      const { dataset, row } = rows.find(({ row }) => row.provenance.source === id)!;
      throw new ChartsError(`expected a source listed in sources.json but received "${id}"`, {
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
    throw new ChartsError("expected rows that cite a source text, or a source line in the definition, but the dataset has no rows", { file, field: "source" });
  }
  const meta: ChartMeta = {
    slug: definition.slug,
    headline: definition.headline,
    dek: definition.dek,
    ...(definition.notes !== undefined && { notes: definition.notes }),
    source,
    ...(definition.byline !== undefined && { byline: definition.byline }),
    alt: definition.alt,
    locale,
  };
  return { meta, texts };
}
