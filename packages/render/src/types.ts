// Contracts of the render stage.
import type { Limits } from "@charts/errors";

/** Where a piece of text ended up, in px of the SVG it belongs to. */
export interface TextBox {
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /**
   * What the text is: Vega's mark role (`axis-label`, `axis-title`,
   * `legend-label`, `legend-title`, `title`, `mark` for text marks) or, for
   * the frame, `headline`, `dek`, `notes`, `source`, `byline`.
   */
  role: string;
}

/** An SVG with its size in CSS px and where its text is. */
export interface RenderedSvg {
  svg: string;
  width: number;
  height: number;
  boxes: TextBox[];
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
  /** The largest scale a PNG of this render will be drawn at: its pixels are checked against limits.plotPixels. Default 1. */
  scale?: number;
  /** limits.plotPixels (default DEFAULT_LIMITS of @charts/errors). */
  limits?: Partial<Limits>;
}
