import { frameOf, type Theme } from "@charts/theme";
import type { Annotation, ChartDefinition } from "../types.ts";
import { baseEncoding, isObject, markSpec, markType, units, type Json } from "./plotShape.ts";

/**
 * On a frame with `horizontalBars` (a phone), vertical bars of unordered
 * categories (a nominal x) turn horizontal, where their labels have room:
 * x and y swap in every layer, with their seconds, offsets, sorts by channel
 * and the mark's width; a label above a bar goes beyond the end of it.
 * Ordered categories (ordinal, years) keep their reading direction. Returns
 * the definition unchanged, or a new one.
 */
export function barsAcross(definition: ChartDefinition, theme: Theme): ChartDefinition {
  if (!frameOf(theme).horizontalBars) return definition;
  const target = markSpec(definition.plot);
  if (!target || target !== definition.plot) return definition; // a facet keeps its layout
  const base = baseEncoding(target);
  const bars = units(target).some(({ unit, encoding }) => markType(unit) === "bar" && encoding.x === base.x);
  if (!bars || !isObject(base.x) || base.x.type !== "nominal" || !isObject(base.y) || base.y.type !== "quantitative") return definition;
  return {
    ...definition,
    plot: swapChannels(structuredClone(definition.plot)),
    ...(definition.annotations ? { annotations: definition.annotations.map(turnLabel) } : {}),
  };
}

const SWAP: Record<string, string> = { x: "y", y: "x", x2: "y2", y2: "x2", xOffset: "yOffset", yOffset: "xOffset", width: "height", height: "width" };

/** x and y (and their seconds, offsets, sorts by channel, a mark's width) swapped in every layer. */
function swapChannels(spec: Json): Json {
  if (isObject(spec.encoding)) {
    const encoding: Json = {};
    for (const [channel, def] of Object.entries(spec.encoding)) encoding[SWAP[channel] ?? channel] = swapSort(def);
    spec.encoding = encoding;
  }
  if (isObject(spec.mark)) {
    const mark: Json = {};
    for (const [key, value] of Object.entries(spec.mark)) mark[key === "width" || key === "height" ? SWAP[key]! : key] = value;
    if (mark.orient === "vertical") mark.orient = "horizontal";
    spec.mark = mark;
  }
  if (Array.isArray(spec.layer)) spec.layer = spec.layer.map((layer) => (isObject(layer) ? swapChannels(layer) : layer));
  return spec;
}

function swapSort(def: unknown): unknown {
  if (!isObject(def)) return def;
  const { sort } = def;
  if (typeof sort === "string" && /^-?[xy]$/.test(sort)) return { ...def, sort: sort.replace(/[xy]/, (c) => SWAP[c]!) };
  if (isObject(sort) && typeof sort.encoding === "string" && SWAP[sort.encoding]) return { ...def, sort: { ...sort, encoding: SWAP[sort.encoding] } };
  return def;
}

/** A label above a vertical bar (dy < 0) goes beyond the end of the horizontal one (dx > 0). */
function turnLabel(annotation: Annotation): Annotation {
  if (annotation.type !== "label") return annotation;
  const { dx, dy, ...rest } = annotation;
  const turned: Annotation = { ...rest };
  const dyUp = dy ?? (annotation.connector ? -28 : -8);
  if (dyUp !== 0) turned.dx = -dyUp;
  if (dx) turned.dy = dx;
  return turned;
}

