// The house style as data. Render, specs and later the linter read the same
// values, so a colour or size is changed in one place.

export interface TextStyle {
  /** px */
  size: number;
  weight: 400 | 600 | 700;
  style?: "normal" | "italic";
  /** Line height as a multiple of size. */
  lineHeight: number;
  color: string;
}

/**
 * How a chart adapts to one band of widths (after the FT's chart frames and
 * NPR's mobile rules). Type keeps its size at every width; the plot reflows.
 */
export interface Frame {
  name: "narrow" | "medium" | "wide";
  /** The frame applies from this width up, px (the first frame from 0). */
  minWidth: number;
  /** Height of a plot without categories down its y axis, as a share of its width... */
  aspect: number;
  /** ...and at most this many px, so a wide chart does not fill the screen. */
  maxHeight: number;
  /** Height per category of a horizontal bar chart, px. */
  row: number;
  /** Least space between the ticks of a continuous axis, px (Vega-Lite's default is 40): fewer ticks where labels are crowded. */
  tickSpacing: { x: number; y: number };
  /** Years after the first axis label written short: 2014, ’16, ’18. */
  shortYears: boolean;
  /** Category labels wrap onto lines of at most this many px. */
  labelWidth: number;
  /** Vertical bars of unordered (nominal) categories are drawn horizontally, where their labels have room. */
  horizontalBars: boolean;
}

export interface Theme {
  name: "light" | "dark";
  /** Family name as fontconfig and CSS know it. */
  fontFamily: string;
  text: {
    headline: TextStyle;
    dek: TextStyle;
    notes: TextStyle;
    source: TextStyle;
    axisLabel: TextStyle;
    axisTitle: TextStyle;
    legend: TextStyle;
    annotation: TextStyle;
    valueLabel: TextStyle;
  };
  colors: {
    background: string;
    /** Categorical palette, safe for colour-blind readers, in order of use. */
    categorical: string[];
    /** The category a chart is about. */
    highlight: string;
    /** Context: everything that is not highlighted. */
    muted: string;
    grid: string;
    axis: string;
    /** Shaded ranges (e.g. a gap in the data). */
    range: string;
    annotation: string;
  };
  spacing: {
    /** Outer padding of the whole graphic, px. */
    padding: number;
    /** Gap between header and plot, and between plot and footer, px. */
    headerGap: number;
    footerGap: number;
    /** Gap between headline and dek, px. */
    dekGap: number;
  };
  /** Width in px of a published chart when the definition gives none. */
  defaultWidth: number;
  /** The frames of the house, narrowest first (see Frame). */
  frames: Frame[];
  /** The frame this theme draws in, set by themeAt(theme, width); without it, the frame of defaultWidth. */
  frame?: Frame;
  /**
   * The page this theme's colours were derived from (deriveDark sets the light
   * background): colours a definition writes for that page are adapted (themeColor).
   */
  derivedFrom?: string;
  /**
   * The desk's logo, drawn at the bottom right of the footer. Self-contained
   * SVG markup (no external references), shown at width x height px.
   */
  logo?: { svg: string; width: number; height: number };
}
