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
  /**
   * The desk's logo, drawn at the bottom right of the footer. Self-contained
   * SVG markup (no external references), shown at width x height px.
   */
  logo?: { svg: string; width: number; height: number };
}
