// A rendered chart -> its files and its manifest entry, in two steps:
//
//   prepareChart   the files (hashed and stable names, embed snippet, data table) and what the
//                  entry says of them: depends on the chart and the baseUrl only, so a shard on
//                  another machine prepares exactly what a single build would (ChartOutput)
//   withHistory    the entry as this release publishes it: the corrections trail, lastChanged and
//                  toolVersion, from the published entry before it
import { ChartsError, invalid, message } from "@charts/errors";
import { embedSnippet } from "./embedSnippet.ts";
import { hashedName, KINDS, SLUG, stableName, type FileKind } from "./fileNames.ts";
import { sha256, shortHash } from "./hash.ts";
import { currentFiles } from "./release.ts";
import { tableCsv } from "./tableCsv.ts";
import { tableHtml } from "./tableHtml.ts";
import type { ChangeReason, ChartOutput, PublishedChart, PublishedFile, RenderedChart } from "./types.ts";

/** A new file of a rendered chart and its bytes. */
export interface Placement {
  file: PublishedFile;
  content: Buffer;
}

/**
 * The files of a rendered chart and the part of its manifest entry that does
 * not depend on what was published before. `inputs` is the build's hash of
 * what the chart was made from (recorded so a later build can reuse it).
 */
export function prepareChart(chart: RenderedChart, baseUrl: string, inputs?: string): { output: ChartOutput; files: Placement[] } {
  const files: Placement[] = [];
  const file = (kind: FileKind, content: Buffer, variant?: string): PublishedFile => {
    const digest = sha256(content);
    const published: PublishedFile = {
      name: hashedName(chart.slug, kind, digest.slice(0, 12), variant),
      stable: stableName(chart.slug, kind, variant),
      type: KINDS[kind].type,
      bytes: content.length,
      sha256: digest,
    };
    files.push({ file: published, content });
    return published;
  };

  const vegaLite = file("vegaLite", Buffer.from(chart.vegaLite, "utf8"));
  const variants = chart.variants.map((variant) => ({
    name: variant.name,
    theme: variant.theme,
    width: variant.width,
    height: variant.height,
    svg: file("svg", Buffer.from(variant.svg, "utf8"), variant.name),
    png: file("png", asBuffer(variant.png), variant.name),
    png2x: file("png2x", asBuffer(variant.png2x), variant.name),
    // the default variant's Vega-Lite is the chart's own `<slug>.vl.json`
    ...(variant.name === "default"
      ? { vegaLite }
      : variant.vegaLite === undefined
        ? {}
        : { vegaLite: file("vegaLite", Buffer.from(variant.vegaLite, "utf8"), variant.name) }),
  }));
  const table = chart.table
    ? { csv: file("csv", Buffer.from(tableCsv(chart.table), "utf8")), html: file("table", Buffer.from(tableHtml(chart.table, chart.slug), "utf8")) }
    : undefined;

  // The parts a correction is told apart by; each hash covers what a reader would see change.
  const hashes: Record<ChangeReason, string> = {
    data: shortHash(JSON.stringify([chart.vegaLite, chart.provenance, ...(table ? [table.csv.sha256, table.html.sha256] : [])])),
    text: shortHash(
      JSON.stringify([chart.headline, chart.dek, chart.alt, chart.source, chart.notes ?? null, chart.byline ?? null, chart.datasets, chart.texts, chart.locale ?? null]),
    ),
    render: shortHash(
      JSON.stringify(
        // the default variant's Vega-Lite is the chart's, which the data hash covers
        variants.map((v) => [v.name, v.theme, v.width, v.height, v.svg.sha256, v.png.sha256, v.png2x.sha256, ...(v.vegaLite && v.name !== "default" ? [v.vegaLite.sha256] : [])]),
      ),
    ),
  };
  const hash = shortHash(JSON.stringify([hashes.data, hashes.text, hashes.render]));
  const text = textOf(chart);
  const embed = file("embed", Buffer.from(embedSnippet({ ...text, hash, variants, ...(table ? { table } : {}) }, baseUrl), "utf8"));
  const output: ChartOutput = {
    ...text,
    hash,
    hashes,
    variants,
    vegaLite,
    embed,
    ...(table ? { table } : {}),
    datasets: chart.datasets,
    texts: chart.texts,
    provenance: chart.provenance,
    ...(inputs ? { inputs } : {}),
  };
  return { output, files };
}

/** A published entry's output: what a build that reuses the chart publishes again, with this build's `inputs`. */
export function outputOf(entry: PublishedChart, inputs?: string): ChartOutput {
  const { lastChanged: _lastChanged, toolVersion: _toolVersion, changes: _changes, stale: _stale, inputs: _inputs, ...output } = entry;
  return { ...output, ...(inputs ? { inputs } : {}) };
}

/**
 * The manifest entry of a chart's output in a new release, after `old`, the
 * entry it replaces: the same content hash keeps `lastChanged` (and, with the
 * same snippet, the tool version that first wrote the files); another appends
 * a change naming what differs (data, text, render) and the previous version's
 * files, which stay published. Keys in the order the manifest has always had.
 */
export function withHistory(output: ChartOutput, old: PublishedChart | undefined, now: string, toolVersion: string): PublishedChart {
  const same = old?.hash === output.hash;
  const changes = old ? [...old.changes] : [];
  if (old && !same) {
    const reasons = (["data", "text", "render"] as const).filter((part) => old.hashes[part] !== output.hashes[part]);
    const files = currentFiles(old).map(({ stable: _stable, ...rest }) => rest);
    changes.push({
      date: now,
      reasons,
      to: output.hash,
      from: { hash: old.hash, lastChanged: old.lastChanged, toolVersion: old.toolVersion, files },
    });
  }
  // The tool that wrote these files: unchanged output keeps the version that first wrote it.
  const unchanged = same && old.embed.sha256 === output.embed.sha256;
  return {
    ...textOf(output),
    hash: output.hash,
    hashes: output.hashes,
    lastChanged: same ? old.lastChanged : now,
    toolVersion: unchanged ? old.toolVersion : toolVersion,
    ...(output.inputs ? { inputs: output.inputs } : {}),
    variants: output.variants,
    vegaLite: output.vegaLite,
    embed: output.embed,
    ...(output.table ? { table: output.table } : {}),
    datasets: output.datasets,
    texts: output.texts,
    provenance: output.provenance,
    changes,
  };
}

/** PNG bytes as a Buffer without copying them (a worker thread hands them over as a Uint8Array). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function textOf(chart: RenderedChart | ChartOutput) {
  return {
    slug: chart.slug,
    headline: chart.headline,
    dek: chart.dek,
    alt: chart.alt,
    source: chart.source,
    ...(chart.notes === undefined ? {} : { notes: chart.notes }),
    ...(chart.byline === undefined ? {} : { byline: chart.byline }),
    ...(chart.locale === undefined ? {} : { locale: chart.locale }),
  };
}

/**
 * What the charts of one release have claimed so far: slugs, and stable file
 * names by owner. Checks each chart as it comes, so a streamed build is
 * refused on the chart that makes it inconsistent.
 */
export class ReleaseClaims {
  private readonly slugs = new Set<string>();
  private readonly failed = new Set<string>();
  private readonly names = new Map<string, string>();

  /** Refuses a chart that could not be published beside the others; `label` names it in errors (its slug, or `charts[3]`). */
  chart(chart: Pick<RenderedChart, "slug" | "alt"> & { variants: Array<{ name: string; width: number; height: number; svg?: unknown; vegaLite?: unknown }> }, label: string, vegaLite?: string): void {
    const where = (field: string) => ({ field: `${label}.${field}` });
    if (!SLUG.test(chart.slug)) throw invalid(where("slug"), "a slug of lower-case words joined by hyphens", chart.slug);
    if (this.slugs.has(chart.slug)) throw invalid(where("slug"), "a slug used by one chart only", chart.slug);
    if (this.failed.has(chart.slug)) throw invalid(where("slug"), "a chart either rendered or failed, not both", chart.slug);
    if (!chart.alt?.trim()) throw invalid(where("alt"), "alt text", chart.alt);
    if (!chart.variants.length) throw invalid(where("variants"), "at least one variant", chart.variants);
    const variantNames = new Set<string>();
    const claimed: string[] = [];
    for (const variant of chart.variants) {
      const at = where(`variants.${variant.name}`);
      const atField = (name: string) => ({ field: `${at.field}.${name}` });
      if (!SLUG.test(variant.name)) throw invalid(at, "a variant name of lower-case words joined by hyphens", variant.name);
      if (variantNames.has(variant.name)) throw invalid(at, "a variant name used once per chart", variant.name);
      variantNames.add(variant.name);
      for (const size of ["width", "height"] as const) {
        if (!(variant[size] > 0)) throw invalid(atField(size), "a positive number", variant[size]);
      }
      if (typeof variant.svg === "string" && !variant.svg.includes("<svg")) throw invalid(atField("svg"), "SVG text", variant.svg);
      if (variant.name === "default" && vegaLite !== undefined && typeof variant.vegaLite === "string" && variant.vegaLite !== vegaLite) {
        throw invalid(atField("vegaLite"), "the chart's vegaLite (the default variant's Vega-Lite is published as <slug>.vl.json)", variant.vegaLite);
      }
      // Two charts must never write one file: `a` with variant `b-dark` and `a-b` with `dark`.
      for (const kind of ["svg", "png", "png2x"] as const) {
        const name = stableName(chart.slug, kind, variant.name);
        const owner = this.names.get(name);
        if (owner !== undefined && owner !== chart.slug) throw new ChartsError(message.sharedFileName(name, owner), at);
        claimed.push(name);
      }
    }
    this.slugs.add(chart.slug);
    for (const name of claimed) this.names.set(name, chart.slug);
  }

  /** Refuses a failed chart that was also rendered. */
  fail(slug: string, label: string): void {
    if (this.slugs.has(slug)) throw invalid({ field: `${label}.slug` }, "a chart either rendered or failed, not both", slug);
    this.failed.add(slug);
  }
}
