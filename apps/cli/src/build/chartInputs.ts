// The incremental build's key: a chart's output is a function of what this
// hashes, so a chart whose hash is the one the published release records is
// not rendered again (its files are carried over), and a changed dataset
// re-renders exactly the charts that draw or cite it. It depends on this
// chart's inputs only, never on the other charts of the build, so a shard
// computes what a single build computes.
import { createHash } from "node:crypto";
import type { Dataset, SourceInfo } from "@charts/datasets";
import type { Limits } from "@charts/errors";
import type { LintSettings } from "@charts/lint";
import type { ChartDefinition } from "@charts/specs";
import { rowKey, type Verification } from "../commands/check.ts";
import { datasetNames } from "./loadInputs.ts";

/** What the whole build shares: the tool, and the settings that reach a chart's files. */
export interface BuildSettings {
  /** toolKey(): the tool's source, fonts, lockfile, platform, Node.js. */
  tool: string;
  /** The linter's settings: what fails a chart, and the warnings it prints. */
  lint: LintSettings;
  breakpoints: number[];
  seed: number;
  allowLinks: boolean;
  limits: Limits;
  baseUrl: string;
  /** The clock the build was given (--now, SOURCE_DATE_EPOCH), ISO: an input of the charts whose expressions call now(). */
  now?: string;
}

/**
 * The SHA-256 of everything a chart is made from: its definition (and the
 * path errors name it by), every dataset it draws or cites (columns, rows,
 * provenance), what the figure check found for those rows (each row's
 * sentence, or that the texts were not there), the sources.json entries of
 * the texts those rows cite, and the build's settings (tool, lint settings,
 * breakpoints, seed, links, limits, baseUrl; the clock for a chart whose
 * expressions call now()). The theme, the fonts and the renderers are part of
 * the tool.
 */
export function chartInputs(
  definition: ChartDefinition,
  file: string,
  context: { datasets: Map<string, Dataset>; sources: Map<string, SourceInfo>; verification: Verification | undefined; settings: BuildSettings },
): string {
  const { now, ...shared } = context.settings;
  const { datasets, sources, verification } = context;
  // a chart that asks for the time is drawn at the build's clock: another clock, another chart
  const settings = now !== undefined && /\bnow\s*\(/.test(JSON.stringify(definition)) ? { ...shared, now } : shared;
  const drawn = [...new Set(datasetNames(definition))].map((name) => datasets.get(name) ?? name);
  const cited = new Set<string>();
  for (const dataset of drawn) if (typeof dataset !== "string") for (const row of dataset.rows) cited.add(row.provenance.source);
  return createHash("sha256")
    .update(
      JSON.stringify({
        settings,
        file,
        definition,
        datasets: drawn.map((dataset) =>
          typeof dataset === "string"
            ? { missing: dataset }
            : {
                name: dataset.name,
                files: [dataset.metaFile, dataset.dataFile],
                meta: dataset.meta,
                rows: dataset.rows,
                check: verification ? dataset.rows.map((row) => verification.sentences.get(rowKey(dataset.name, row.row)) ?? null) : "unchecked",
              },
        ),
        sources: [...cited].sort().map((id) => [id, sources.get(id) ?? null]),
      }),
    )
    .digest("hex");
}
