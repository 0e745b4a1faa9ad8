// Contracts of the publish stage: what the build hands over, and what the CMS reads.

/**
 * One rendering of a chart: a width and a theme. The build names the default
 * (the light variant whose stable names the CMS uses: `<slug>.svg`) `default`,
 * its dark twin `dark`, and the others by width: `320`, `320-dark`, `1000`...
 */
export interface RenderedVariant {
  name: string;
  theme: "light" | "dark";
  /** Size of the SVG and of the 1x PNG, in CSS px. */
  width: number;
  height: number;
  svg: string;
  png: Uint8Array;
  png2x: Uint8Array;
  /**
   * The compiled Vega-Lite this variant was rendered from, as JSON text
   * (published as its `.vl.json`). The default variant's is the chart's `vegaLite`.
   */
  vegaLite?: string;
}

/** One column of a chart's data table: `key` heads the CSV, `label` the HTML table. */
export interface TableColumn {
  key: string;
  label: string;
  /** Right-aligned in HTML. */
  numeric?: boolean;
}

/**
 * The rows a chart draws, with units and provenance (the same shape as
 * @charts/specs' DataTable, which the build hands over): the CSV writes each
 * cell's `value`, the HTML table its `text` (house format).
 */
export interface DataTable {
  /** What is measured (the dek): the HTML table's caption. */
  caption: string;
  /** The source line. */
  source: string;
  /** The chart's locale: the table's `lang`. */
  locale: string;
  columns: TableColumn[];
  rows: Array<Array<{ value: string | number | null; text: string }>>;
}

/** Provenance of one figure a chart draws on, for the manifest. */
export interface FigureProvenance {
  dataset: string;
  row: number;
  source: string;
  figure: string;
  status: "stated" | "implied" | "derived";
  note?: string;
  formula?: string;
  /** The sentence of the source text, when the texts were available to the build. */
  sentence?: string;
}

/** What a reader reads of a chart besides the picture: the same in the build's output and in the manifest. */
export interface ChartText {
  slug: string;
  headline: string;
  dek: string;
  alt: string;
  source: string;
  notes?: string;
  byline?: string;
  /** The chart's locale (`en-GB`, `fr-FR`...): the language of its words. */
  locale?: string;
}

/** A chart the build rendered, ready to publish. */
export interface RenderedChart extends ChartText {
  /** Compiled Vega-Lite spec of the default variant, as JSON text (`<slug>.vl.json`). */
  vegaLite: string;
  /** The rows drawn, published as `<slug>.csv` and `<slug>.table.html`. */
  table?: DataTable;
  variants: RenderedVariant[];
  datasets: string[];
  texts: string[];
  provenance: FigureProvenance[];
}

/** A chart the build could not make; its last good version stays published. */
export interface FailedChart {
  slug: string;
  error: string;
}

// ---------------------------------------------------------------------------
// The publish folder, as the CMS reads it (manifest.json, schema in
// manifest.schema.json beside this package).

/** Why a chart's content changed: its data (Vega-Lite, provenance), its words, or only its rendering. */
export type ChangeReason = "data" | "text" | "render";

/** One published file. Releases never change a file: a new content gets a new hashed name. */
export interface PublishedFile {
  /** Immutable, content-hashed name, e.g. `arms.3f2a9c0d1b7e.svg`. */
  name: string;
  /** Stable name that always holds the latest good version, e.g. `arms.svg`; absent on a previous version's files. */
  stable?: string;
  /** Media type, without parameters: `image/svg+xml`, `image/png`, `application/json`, `text/html`, `text/csv`. */
  type: string;
  bytes: number;
  /** Hex SHA-256 of the file's bytes; the file name carries its first 12 digits. */
  sha256: string;
}

/** One size and theme of a published chart. */
export interface PublishedVariant {
  name: string;
  theme: "light" | "dark";
  width: number;
  height: number;
  svg: PublishedFile;
  /** PNG fallback at 1x (width x height px) and 2x. */
  png: PublishedFile;
  png2x: PublishedFile;
  /** The Vega-Lite this variant was rendered from (the default variant's is the chart's `vegaLite`). */
  vegaLite?: PublishedFile;
}

/** A chart's data table as published: the rows drawn with units and provenance. */
export interface PublishedTable {
  /** `<slug>.csv`: one row per row drawn; the dataset's columns, `unit`, `source`, `figure`, `status`, `note`. */
  csv: PublishedFile;
  /** `<slug>.table.html`: a <table> fragment with caption (what is measured, source) and the same columns. */
  html: PublishedFile;
}

/** A correction: the chart's content changed after it was published. */
export interface ChartChange {
  date: string;
  reasons: ChangeReason[];
  /** Content hash of the new version. */
  to: string;
  /** The version it replaced; its hashed files stay published. */
  from: { hash: string; lastChanged: string; toolVersion: string; files: PublishedFile[] };
}

/** A chart whose last build failed: what is published is its last good version. */
export interface ChartStale {
  /** When the chart first failed (it keeps that date while it goes on failing). */
  since: string;
  reason: string;
}

/** One chart in the manifest. */
export interface PublishedChart extends ChartText {
  /** Content hash of this version (12 hex digits), from `hashes`. */
  hash: string;
  /** Hashes of the parts a correction is told apart by. */
  hashes: Record<ChangeReason, string>;
  /** When the content last changed; a rebuild with identical output keeps it. */
  lastChanged: string;
  /** Version of the tool that wrote this version's files. */
  toolVersion: string;
  variants: PublishedVariant[];
  vegaLite: PublishedFile;
  /** The HTML snippet a CMS pastes (`<slug>.html`). */
  embed: PublishedFile;
  /** The data table (absent from charts published before tables were). */
  table?: PublishedTable;
  datasets: string[];
  texts: string[];
  provenance: FigureProvenance[];
  stale?: ChartStale;
  /** Corrections, oldest first. */
  changes: ChartChange[];
  /**
   * The build's hash of everything the chart was made from (definition, rows and their provenance,
   * the figure check, sources, theme, fonts, breakpoints, seed, settings, the tool's and renderers'
   * versions): a later build with the same hash reuses these files instead of rendering again.
   * Absent from charts published by a caller that gave none.
   */
  inputs?: string;
}

/**
 * A chart's files and manifest entry as its build made them, before the
 * history a release adds (lastChanged, toolVersion, changes, stale): the same
 * on any machine for the same inputs, so shards built apart merge into the
 * release a single build would have made.
 */
export type ChartOutput = Omit<PublishedChart, "lastChanged" | "toolVersion" | "changes" | "stale">;

/** A chart that failed and has never been published: no files. */
export interface FailedEntry {
  slug: string;
  error: string;
  since: string;
}

/**
 * Versions of the software that drew a release's files, by name, as the build
 * read them from the installed packages. The CLI records what
 * `rendererVersions()` of @charts/render reports: `vega`, `vega-lite`,
 * `sharp`, `libvips`, `librsvg`, `harfbuzzjs`, `harfbuzz`, `subset-font`, `font`.
 */
export type RendererVersions = Record<string, string>;

export interface Manifest {
  /** Relative address of the JSON Schema, published beside the manifest. */
  $schema: "manifest.schema.json";
  /** Version of this manifest's shape; a breaking change increments it. */
  version: 1;
  /** Version of the tool that made this release. */
  toolVersion: string;
  /**
   * The renderers of the build that made this release: every file of a chart
   * not marked `stale` was drawn by them (a stale chart keeps the files of an
   * earlier build). Absent when the caller of `publish` did not say.
   */
  renderers?: RendererVersions;
  publishedAt: string;
  /** Address the embed snippets use for files, e.g. `/charts/` or `https://charts.example.org/charts/`. */
  baseUrl: string;
  charts: PublishedChart[];
  failed: FailedEntry[];
}
