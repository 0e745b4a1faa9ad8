// Contracts of the publish stage: what the build hands over, and what the CMS reads.

/** One rendering of a chart. Today every chart has one, `default`; widths and dark mode add more. */
export interface RenderedVariant {
  /** `default`, or e.g. `narrow`, `dark`, `narrow-dark`. */
  name: string;
  theme: "light" | "dark";
  /** Size of the SVG and of the 1x PNG, in CSS px. */
  width: number;
  height: number;
  svg: string;
  png: Buffer;
  png2x: Buffer;
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

/** A chart the build rendered, ready to publish. */
export interface RenderedChart {
  slug: string;
  headline: string;
  dek: string;
  alt: string;
  source: string;
  notes?: string;
  byline?: string;
  /** Compiled Vega-Lite spec, as JSON text. */
  vegaLite: string;
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
