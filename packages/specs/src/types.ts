// Contracts of the chart-spec stage. A chart definition is one JSON file under
// `charts/` (see chart.schema.json): Vega-Lite for the plot, plus the
// publishing metadata a newsroom needs around it.
import type { TopLevelSpec } from "vega-lite";
import type { Dataset, Row, SourceInfo } from "@charts/datasets";
import type { Limits } from "@charts/errors";
import type { Theme } from "@charts/theme";
import type { DataTable } from "./compile/dataTable.ts";

/** Text placed on the chart, declared in the definition rather than drawn by hand. */
export type Annotation =
  /** A text label at a data point, with an optional connector line from label to point. */
  | { type: "label"; at: Record<string, string | number>; text: string; dx?: number; dy?: number; connector?: boolean; align?: "left" | "center" | "right" }
  /** Draw one category in the highlight colour and the rest muted. */
  | { type: "highlight"; field: string; values: Array<string | number> }
  /** A shaded band across a range of the x field (or y), with an optional label ("\n" breaks lines).
   *  On a band scale (ordinal or nominal) it covers the categories from..to inclusive; on a
   *  continuous scale it spans the values. */
  | { type: "range"; field: string; from: string | number; to: string | number; text?: string }
  /** Value labels on bars (end of bar) or points, formatted in house style.
   *  `field` defaults to the plot's quantitative x or y field; `precision` fixes the decimals. */
  | { type: "values"; field?: string; precision?: number }
  /** Series names at the end of each line instead of a legend. */
  | { type: "line-labels"; field: string };

export interface ChartDefinition {
  /** URL-safe id; names the output files. */
  slug: string;
  /** The finding, in a sentence. */
  headline: string;
  /** What is plotted, with units. */
  dek: string;
  notes?: string;
  /** Overrides the source line built from the datasets' source texts. */
  source?: string;
  byline?: string;
  /**
   * Alternative text: what the chart shows, for readers who cannot see it.
   * Drafted from the rows drawn when absent (draftAlt). Every number in it
   * must be a value of a row the chart draws (checkAltNumbers).
   */
  alt?: string;
  /** Name of the dataset under `datasets/`; `filter` is a Vega expression over `datum`. */
  data: string | { dataset: string; where?: Record<string, string | number | Array<string | number>>; filter?: string };
  /**
   * Datasets whose figures the headline, dek, notes or annotations quote
   * without plotting them. Their rows join the chart's provenance and their
   * texts its source line.
   */
  cites?: Array<string | { dataset: string; where?: Record<string, string | number | Array<string | number>> }>;
  /** Draws the chart at this one width (px, the plot with its axes, without header and footer) instead of the breakpoints. */
  width?: number;
  /** Plot height in px, without header and footer, at every width. */
  height?: number;
  /** The widths the chart is drawn at, instead of the breakpoints of charts.config.json. */
  breakpoints?: number[];
  /**
   * Overrides per breakpoint, merged into the definition at that width
   * (mergeOverride): `{"320": {"height": 400, "plot": {...}, "annotations": [...]}}`.
   */
  at?: Record<string, Override>;
  /** A house locale of @charts/numbers: `en-GB` (default), `en-US`, `fr-FR`, `vi-VN`, `de-DE` or `es-ES`: number formats and the source line. */
  locale?: string;
  /** The plot: a Vega-Lite unit, layer, facet, repeat or concat spec without data, title or config. */
  plot: Record<string, unknown>;
  annotations?: Annotation[];
  /**
   * Periods missing along a year or date axis are shaded, labelled and
   * noted by default. `label` replaces the band's label (null: none);
   * `reason` replaces the generated note; `mark: false` draws no band and
   * notes only the reason (required then). Lines break at a gap either way.
   */
  gaps?: { mark?: boolean; label?: string | null; reason?: string };
  /**
   * What the linter (@charts/lint) makes of this chart: `waive` names rules the
   * chart is exempt from, each with the reason the findings show,
   * `{"bar-baseline": "index chart starting at 100"}`.
   */
  lint?: { waive?: Record<string, string> };
}

/** What a definition may change at one breakpoint. */
export interface Override {
  height?: number;
  plot?: Record<string, unknown>;
  annotations?: Annotation[];
}

/** An annotation drawn below the plot, where it did not fit in it: its marker in the plot, its text below. */
export interface NoteBelow {
  marker: string;
  text: string;
}

/** Publishing metadata carried to render (header, footer) and publish (manifest). */
export interface ChartMeta {
  slug: string;
  headline: string;
  dek: string;
  notes?: string;
  source: string;
  byline?: string;
  alt: string;
  locale: string;
  /** Width in px of the published chart: render draws the header and footer this wide around the plot. */
  width?: number;
  /** Annotations moved below the plot at this width, in marker order (render draws them above the notes). */
  below?: NoteBelow[];
  /** Annotations left out at this width (value labels that do not fit), indexes into the definition's: the axis and the data table carry their figures. */
  omitted?: number[];
}

export interface CompiledChart {
  /** Path of the chart definition as shown to users. */
  file: string;
  meta: ChartMeta;
  /** Validated Vega-Lite, data inlined, house theme applied; `usermeta.chart` holds `meta`. */
  spec: TopLevelSpec;
  /** Names of the datasets drawn on. */
  datasets: string[];
  /** The dataset rows the chart draws (after `where`) and cites, with their provenance. */
  rows: Array<Row & { dataset: string }>;
  /** Ids of the source texts those datasets cite. */
  texts: string[];
  /** The rows drawn with their units and provenance, for the published CSV and HTML table. */
  table: DataTable;
}

/** What compileChart needs besides the definition. */
export interface CompileOptions {
  /** The width the chart is drawn at (a breakpoint): `at` overrides and the theme's frame for it apply. Default: the definition's `width`, else the theme's. */
  width?: number;
  /** Indexes of the annotations to draw below the plot at this width (render finds those that do not fit). */
  below?: number[];
  /**
   * Small multiples: px the panels drew wider than the chart (render measures it: their axes' labels were
   * wider than the compiler's estimate); the panels are made this much narrower in all.
   */
  overflow?: number;
  /** The desk's breakpoints (charts.config.json), for a definition that names none: the keys `at` may use. */
  breakpoints?: readonly number[];
  /** Path of the definition as shown to users; names it in errors. */
  file: string;
  /** Every dataset of the project, by name. */
  datasets: Map<string, Dataset>;
  /** datasets/sources.json: the source texts, by id (as loadSources returns it, or a plain object). */
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>;
  theme: Theme;
  /** The nesting allowed (limits.jsonDepth; default DEFAULT_LIMITS of @charts/errors). */
  limits?: Partial<Limits>;
}

/** A definition read from disk, with the path it came from. */
export interface LoadedChart {
  file: string;
  definition: ChartDefinition;
}
