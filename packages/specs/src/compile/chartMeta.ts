import type { Dataset, SourceInfo } from "@charts/datasets";
import { ChartsError } from "@charts/errors";
import type { ChartDefinition, ChartMeta } from "../types.ts";

/** "Source:" in each house locale (French sets a narrow no-break space before the colon). */
const SOURCE_LABEL: Record<string, string> = {
  "en-GB": "Source: ",
  "en-US": "Source: ",
  "fr-FR": "Source\u202f: ",
  "vi-VN": "Nguồn: ",
};

export const DEFAULT_LOCALE = "en-GB";

/**
 * Step 7: the publishing metadata render and publish need. The source line
 * names the publishers of the texts the dataset's rows cite, in order of
 * first use, unless the definition gives `source`:
 *   "Source: ISEAS-Yusof Ishak Institute; 20 Minutes"
 */
export function chartMeta(
  definition: ChartDefinition,
  dataset: Dataset,
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>,
  file: string,
): { meta: ChartMeta; texts: string[] } {
  const locale = definition.locale ?? DEFAULT_LOCALE;
  const texts = [...new Set(dataset.rows.map((row) => row.provenance.source))];
  const publishers = texts.map((id) => {
    const info = sources instanceof Map ? sources.get(id) : Object.hasOwn(sources, id) ? sources[id] : undefined;
    if (!info) {
      const row = dataset.rows.find((r) => r.provenance.source === id)!;
      throw new ChartsError(`expected a source listed in sources.json but received "${id}"`, {
        file: dataset.dataFile,
        row: row.row,
        field: "source",
      });
    }
    return info.publisher;
  });
  const source = definition.source ?? `${SOURCE_LABEL[locale] ?? SOURCE_LABEL[DEFAULT_LOCALE]}${[...new Set(publishers)].join("; ")}`;
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
