import type { Spec, View } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { ChartsError, message } from "@charts/errors";
import { assertFontFamilies, houseFamily, isBundledFamily } from "@charts/fonts";
import { checkLogScales } from "./checkLogScales.ts";
import { checkPixels } from "./checkPixels.ts";
import { compileVegaLite, isVegaLite } from "./compileVegaLite.ts";
import { axisFormats, describeAxes } from "./describeAxes.ts";
import { guardedLoader, locateString } from "./guardedLoader.ts";
import { locateExpression } from "./locateExpression.ts";
import { setViewLocale } from "./houseFormat.ts";
import { vegaModules } from "./loadVega.ts";
import { safeExpressions } from "./safeExpressions.ts";
import { DEFAULT_SEED, seededRandom } from "./seededRandom.ts";
import { setExpressionClock } from "./expressionClock.ts";
import { readScene, type SceneItem } from "./readScene.ts";
import type { RenderedSvg, RenderOptions } from "./types.ts";

/**
 * Vega-Lite or Vega spec -> SVG, headless, with exact text metrics: the
 * width and height of the SVG in px, the box of every drawn text item
 * (axis labels and titles, legends, text marks) and the scene (readScene),
 * in SVG coordinates. Axis descriptions are written in the labels' house
 * format (describeAxes).
 * Call setupRenderer() first.
 *
 * What a spec may reach is fixed here, for every caller:
 * - files: only under `options.base`, through guardedLoader (data, lookups,
 *   URLs built by signals, images embedded as data URIs); no network;
 * - links: http(s) only, or none with `links: false`;
 * - expressions: Vega's interpreter, never generated code (safeExpressions);
 * - fonts: the bundled family only, checked before rendering and in the SVG;
 * - randomness: seeded afresh for each render (`seed`, default DEFAULT_SEED);
 * - time: `now()` in expressions is `options.now` when given (expressionClock.ts);
 *   clip and gradient ids start afresh too, so an SVG is the same whatever
 *   the process rendered before it;
 * - size: at most `limits.plotPixels` at `scale`, checked on the spec's width
 *   and height before Vega and on the laid-out view before the SVG;
 * - log scales: over values all above (or all below) zero, never an empty plot.
 * Errors are ChartsErrors; a Vega parser message names the JSON path of the
 * expression it is about where one can be found (`transform[0].calculate`).
 * Renders run one at a time, so no two share the random source or the clock.
 *
 * @example const { svg, boxes } = await renderSvg(vlSpec, { base: "datasets/trade" })
 */
export function renderSvg(spec: TopLevelSpec | Spec, options: RenderOptions = {}): Promise<RenderedSvg> {
  const run = queue.then(() => renderNow(spec, options));
  queue = run.catch(() => undefined);
  return run;
}

let queue: Promise<unknown> = Promise.resolve();

async function renderNow(spec: TopLevelSpec | Spec, options: RenderOptions): Promise<RenderedSvg> {
  const { vega } = vegaModules();
  assertFontFamilies(spec);
  const { width, height } = spec as { width?: unknown; height?: unknown };
  if (typeof width === "number" && typeof height === "number") checkPixels(width, height, options, { field: "width" });
  const compileWarnings: string[] = [];
  const vgSpec = isVegaLite(spec) ? located(() => compileVegaLite(spec as TopLevelSpec, compileWarnings), spec) : (spec as Spec);
  const loader = guardedLoader({
    base: options.base ?? process.cwd(),
    links: options.links,
    linksSetting: options.linksSetting,
    locate: (url) => locateString(spec, url),
  });
  (vega as unknown as { setRandom: (random: () => number) => void }).setRandom(seededRandom(options.seed ?? DEFAULT_SEED));
  setExpressionClock(options.now);
  // clip and gradient ids count up across a process's renders: each SVG starts at clip1, whatever was drawn before
  (vega as unknown as { resetSVGDefIds: () => void }).resetSVGDefIds();
  const view = located(() => {
    try {
      return new vega.View(vega.parse(vgSpec, undefined, { ast: true }), { renderer: "none", loader, expr: safeExpressions });
    } catch (error) {
      if (error instanceof ChartsError) throw error;
      throw new ChartsError(message.vegaParse((error as Error).message), {}, { cause: error });
    }
  }, spec);
  setViewLocale(view, options.locale);
  const log = collectingLogger();
  log.warnings.push(...compileWarnings);
  view.logger(log);
  let raw: string;
  let read: ReturnType<typeof readScene>;
  try {
    await view.runAsync();
    log.throwFirst();
    const bounds = (view.scenegraph() as unknown as { root: SceneItem }).root.bounds;
    const pad = view.padding() as { left?: number; right?: number; top?: number; bottom?: number };
    if (bounds) checkPixels(bounds.x2 - bounds.x1 + (pad.left ?? 0) + (pad.right ?? 0), bounds.y2 - bounds.y1 + (pad.top ?? 0) + (pad.bottom ?? 0), options);
    checkLogScales(view, vgSpec);
    describeAxes((view.scenegraph() as unknown as { root: SceneItem }).root, axisFormats(vgSpec), options.locale);
    raw = await view.toSVG();
    if (loader.refused.length) throw loader.refused[0];
    log.throwFirst();
    // the SVG's root group sits at padding + origin, as in vega-view's offset()
    const [ox, oy] = view.origin();
    const padding = view.padding() as { left?: number; top?: number };
    // a text the font cannot draw is placed where the spec writes it (a title, a data value), when it does verbatim
    read = readScene(view, (padding.left ?? 0) + ox, (padding.top ?? 0) + oy, (text) => locateString(spec, text));
  } catch (error) {
    if (error instanceof ChartsError) throw error;
    throw new ChartsError(message.vegaRender((error as Error).message ?? String(error)), {}, { cause: error });
  } finally {
    view.finalize();
  }
  const size = /^<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(raw);
  if (!size) throw new ChartsError(message.svgWithoutSize(raw.slice(0, 80)));
  return { svg: quoteFontFamilies(raw), width: Number(size[1]), height: Number(size[2]), boxes: read.boxes, scene: read.scene, warnings: log.warnings };
}

/**
 * A Vega logger that keeps messages instead of printing them. Vega only warns
 * when data fails to load and then draws an empty chart; here that is an error.
 */
function collectingLogger() {
  const errors: unknown[] = [];
  const warnings: string[] = [];
  const text = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
  let level = 0;
  return {
    warnings,
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return this;
    },
    error(...args: unknown[]) {
      errors.push(args.find((arg) => arg instanceof Error) ?? new Error(text(args)));
      return this;
    },
    warn(...args: unknown[]) {
      if (args[0] === "Loading failed" || args[0] === "Data ingestion failed") {
        const cause = args.find((arg) => arg instanceof Error);
        errors.push(
          cause instanceof ChartsError ? cause : new ChartsError(message.vegaData(String(args[0]), `${String(args[1])}: ${cause?.message ?? text(args.slice(2))}`)),
        );
      } else {
        warnings.push(text(args));
      }
      return this;
    },
    info() {
      return this;
    },
    debug() {
      return this;
    },
    throwFirst() {
      if (errors.length) throw errors[0];
    },
  };
}

/**
 * A Vega or Vega-Lite error from `run`, with the JSON path of the expression
 * it is about when Vega's message alone does not say (see locateExpression).
 */
function located<T>(run: () => T, spec: object): T {
  try {
    return run();
  } catch (error) {
    const reason = error instanceof ChartsError ? (error.cause as Error | undefined)?.message : undefined;
    const field = reason === undefined || (error as ChartsError).where.field ? undefined : locateExpression(spec, reason);
    if (!field) throw error;
    throw new ChartsError((error as ChartsError).detail, { ...(error as ChartsError).where, field }, { cause: (error as ChartsError).cause });
  }
}

/**
 * CSS only accepts an unquoted family made of identifiers, and "3" is not
 * one: browsers drop `font-family="Source Sans 3"`. Every font-family
 * attribute Vega wrote must name the bundled family or sans-serif (a family
 * built at run time by a signal is caught here, after the check before
 * rendering); each is rewritten as the quoted house family, the one value that
 * can reach the attribute.
 */
export function quoteFontFamilies(svg: string): string {
  return svg.replace(/font-family="([^"]*)"/g, (_, escaped: string) => {
    const list = decodeXml(escaped);
    if (!isBundledFamily(list)) throw new ChartsError(message.fontFamily(list, houseFamily));
    return `font-family="'${houseFamily}'"`;
  });
}

/** The text of an attribute value as Vega's markup escaped it (&amp; &lt; &gt; &quot; and numeric references). */
function decodeXml(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) =>
    name[0] === "#" ? String.fromCodePoint(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (named[name.toLowerCase()] ?? whole),
  );
}
