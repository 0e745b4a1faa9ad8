// Contracts of the render stage.
//
// What a render leaves besides the SVG, for checks after it (the text
// overlap tests, the annotation fit of the build, @charts/lint): every
// text with its box and how it is set, and the scene: every drawn item of the
// plot with its bounds and colours, the axes with their domains, the plot
// area and the page colour. All coordinates are px of the SVG the object
// belongs to, y down; a framed chart's are those of the whole chart.
import type { Limits } from "@charts/errors";

/** Where a piece of text ended up, and how it is set. */
export interface TextBox {
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /**
   * What the text is: Vega's mark role (`axis-label`, `axis-title`,
   * `legend-label`, `legend-title`, `title`, `mark` for text marks) or, for
   * the frame, `headline`, `dek`, `below` (annotations moved below the plot),
   * `notes`, `source`, `byline`.
   */
  role: string;
  /** Font size, px. */
  fontSize?: number;
  /** Font weight as drawn: 400, 600, 700 (or Vega's "bold"). */
  fontWeight?: number | string;
  /** Colour the text is drawn in, as written in the SVG (`#595959`). */
  fill?: string;
  /** Opacity times fill opacity, 0..1. */
  opacity?: number;
  /** The Vega mark that drew it (`layer_2_marks`, `annotation_0_1_marks`); absent for the frame's text. */
  mark?: string;
  /** Rotation in degrees, when the text is drawn at an angle (the box is then the rotated text's bounds). */
  angle?: number;
  /** The whole text, when Vega cut it to its `limit` with an ellipsis (`text` is what was drawn). */
  full?: string;
  /** The width in px Vega cut `full` to. */
  limit?: number;
}

/** One drawn item of the plot: a bar, a band, a line, a point, a rule, a gridline. */
export interface SceneMark {
  /** Vega's mark type: `rect`, `line`, `area`, `symbol`, `rule`, `path`, `arc`, `image`, `trail`, `shape`. */
  type: string;
  /** The Vega mark it belongs to (`layer_1_marks`, `annotation_0_0_marks`; guides have generated names). */
  mark: string;
  /** Vega's role: `mark` for data and annotations, `axis-grid`, `axis-domain`, `axis-tick`, `legend-symbol`... */
  role: string;
  /** Bounds, px (for a line or an area, of the whole mark). */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Fill and stroke as written in the SVG (`#0072B2`), when the item has them. */
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  /** Opacity times fill opacity (for a fill) or stroke opacity (for a stroke only), 0..1. */
  opacity: number;
  /** Opacity times stroke opacity, 0..1, when the item has a stroke. */
  strokeOpacity?: number;
  /** A line or trail: the points it is drawn through, px, in order (`x1`..`y2` bound them). */
  points?: Array<[number, number]>;
  /** The row the item draws, its own fields only (data marks). */
  datum?: Record<string, unknown>;
}

/** One axis as drawn. */
export interface SceneAxis {
  orient: "top" | "bottom" | "left" | "right";
  /** Vega's scale name and type (`linear`, `band`, `point`, `time`...). */
  scale: string;
  scaleType: string;
  /** The scale's domain: [min, max] for a continuous scale, the categories for a band. */
  domain: unknown[];
  /**
   * Where the ends of the scale's range are drawn along the axis, px in the
   * chart's coordinates (x for a bottom or top axis, y for a left or right
   * one): a continuous scale draws domain[0] at range[0] and the last value
   * of its domain at range[1].
   */
  range: [number, number];
  /** The labels drawn, in order. */
  labels: string[];
  /** The axis's accessible description, as written into the SVG (aria-label). */
  description: string;
  /** Bounds of the axis with its labels, px. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What a plot is made of, for checks on the drawn chart. */
export interface Scene {
  /** The page colour. */
  background: string;
  /** The data rectangle (inside the axes), px. */
  plot: { x1: number; y1: number; x2: number; y2: number };
  /** Every item drawn in the plot but text (see TextBox), guides included, in drawing order. */
  marks: SceneMark[];
  axes: SceneAxis[];
  /** The scales of the top-level view (`x`, `y`, `color`...), with their type and domain. */
  scales: SceneScale[];
}

/** A scale of the view: how a channel maps data (a `color` scale of type `ordinal` draws categories). */
export interface SceneScale {
  name: string;
  type: string;
  domain: unknown[];
}

/** An SVG with its size in CSS px, where its text is and what it draws. */
export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
  boxes: TextBox[];
  scene: Scene;
  /** Vega's warnings during the render (e.g. an infinite extent), for the build log. */
  warnings?: string[];
}

export interface RenderOptions {
  /**
   * The only folder data and images may be read from; relative URLs resolve
   * against it. Default: the working directory. The build passes the
   * datasets folder, `charts render` its `--base` (default the spec's folder).
   */
  base?: string;
  /** Locale for house number formats that name none, e.g. "en-GB". Default "en-US". */
  locale?: string;
  /** http(s) links on marks (`href`): kept when true (the default), refused when false. */
  links?: boolean;
  /** The setting that switched links off, named in the error (e.g. "allowLinks in charts.config.json"). */
  linksSetting?: string;
  /** Seed of Vega's random numbers (random(), sample, bootstrapped CIs). Default DEFAULT_SEED. */
  seed?: number;
  /** What `now()` returns in expressions, epoch ms: a render pinned to a clock draws the same bytes. Default: the time of the render. */
  now?: number;
  /** The largest scale a PNG of this render will be drawn at: its pixels are checked against limits.plotPixels. Default 1. */
  scale?: number;
  /** limits.plotPixels (default DEFAULT_LIMITS of @charts/errors). */
  limits?: Partial<Limits>;
  /**
   * A folder where work that depends only on its inputs is kept across runs
   * (font subsets: embedFonts). Without one it is kept for this process only.
   */
  cacheDir?: string;
}
