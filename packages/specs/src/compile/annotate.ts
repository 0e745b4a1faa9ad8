import type { Dataset } from "@charts/datasets";
import { ChartsError, invalid, message } from "@charts/errors";
import type { Theme } from "@charts/theme";
import type { Annotation } from "../types.ts";
import type { AnnotationContext, AnnotationLayers } from "./annotations/context.ts";
import { highlight } from "./annotations/highlight.ts";
import { label } from "./annotations/label.ts";
import { lineLabels } from "./annotations/lineLabels.ts";
import { range } from "./annotations/range.ts";
import { values } from "./annotations/values.ts";
import { baseEncoding, isDiscrete, isObject, markSpec, units, withLayers, type Json } from "./plotShape.ts";

const BUILDERS: { [T in Annotation["type"]]: (a: Extract<Annotation, { type: T }>, c: AnnotationContext) => AnnotationLayers } = {
  label,
  highlight,
  range,
  values,
  "line-labels": lineLabels,
};

/**
 * Step 5: annotations become Vega-Lite layers around the plot's marks: bands
 * below the data, labels above it; a highlight recolours the marks. Each layer
 * is named after its annotation (annotationLayer). Returns
 * a new plot; the definition's plot is not changed. A unit plot becomes a
 * layer, its transforms moving up so labels see the same (transformed) rows.
 * The annotations at `omit` are not drawn (value labels that do not fit at
 * this width); the others keep their indexes in their layers' names.
 */
export function annotate(
  definitionPlot: Json,
  annotations: Annotation[],
  options: { file: string; dataset: Dataset; theme: Theme; locale: string; omit?: readonly number[] },
): Json {
  const { omit = [], ...shared } = options;
  const plot = structuredClone(definitionPlot);
  if (!annotations.length) return plot;
  const target = markSpec(plot);
  if (!target) {
    const kind = ["repeat", "concat", "hconcat", "vconcat"].find((key) => key in plot) ?? Object.keys(plot).join(", ");
    throw new ChartsError(message.annotationCannotApply(annotations[0]!.type, kind), { file: options.file, field: "annotations[0]" });
  }
  const targetPath = target === plot ? "plot" : "plot.spec";
  unionableSorts(target);
  const below: Json[] = [];
  const above: Json[] = [];
  annotations.forEach((annotation, i) => {
    if (omit.includes(i)) return;
    const context: AnnotationContext = { ...shared, target, targetPath, base: baseEncoding(target), path: `annotations[${i}]` };
    const build = BUILDERS[annotation.type] as (a: Annotation, c: AnnotationContext) => AnnotationLayers;
    if (!build) throw invalid({ file: options.file, field: `${context.path}.type` }, message.expectedAnnotationType(), annotation.type);
    const layers = build(annotation, context);
    const named = (layer: Json, j: number) => ({ name: annotationLayer(i, j), ...shareScales(layer, context.base) });
    below.push(...layers.below.map((layer, j) => named(layer, j)));
    above.push(...layers.above.map((layer, j) => named(layer, layers.below.length + j)));
  });
  const layered = below.length || above.length ? withLayers(target, below, above) : target;
  if (target === plot) return layered;
  return { ...plot, spec: layered };
}

/**
 * The name of layer `j` of annotation `i`: Vega names its marks
 * `annotation_<i>_<j>_marks`, so render can tell which annotation drew what
 * (ANNOTATION_MARK) and find those that do not fit.
 */
export function annotationLayer(i: number, j: number): string {
  return `annotation-${i}-${j}`;
}

/** The Vega mark name of an annotation layer; group 1 is the annotation's index. */
export const ANNOTATION_MARK = /^annotation_(\d+)_(\d+)_marks$/;

/**
 * An annotation layer positions itself on the plot's x and y scales and must
 * not widen them: without the plot's scale settings its own domain (a band
 * from 2015 to 2021, with a bar's zero baseline) would be unioned with an
 * explicit domain such as [2013, 2023] and squeeze the data to one side.
 */
function shareScales(layer: Json, base: Json): Json {
  const encoding = isObject(layer.encoding) ? layer.encoding : undefined;
  if (!encoding) return layer;
  const shared: Json = { ...encoding };
  for (const channel of ["x", "y"] as const) {
    const own = encoding[channel];
    const plot = base[channel];
    if (!isObject(own) || !isObject(plot) || !isObject(plot.scale) || own.scale !== undefined) continue;
    if (own.value !== undefined) continue;
    shared[channel] = { ...own, scale: plot.scale };
  }
  return { ...layer, encoding: shared };
}

/**
 * Annotation layers share the plot's category scale, and Vega-Lite can only
 * union sorted domains sorted by count, min or max. A sort by the other
 * channel ("-x", which Vega-Lite sums) becomes a sort by its maximum: the same
 * order when there is one row per category, the usual case on a news chart.
 */
function unionableSorts(target: Json): void {
  for (const { unit } of [{ unit: target }, ...units(target)]) {
    const encoding = isObject(unit.encoding) ? unit.encoding : undefined;
    if (!encoding) continue;
    for (const channel of ["x", "y"] as const) {
      const def = encoding[channel];
      if (!isObject(def) || !isDiscrete(def)) continue;
      const by = typeof def.sort === "string" ? def.sort : isObject(def.sort) && typeof def.sort.encoding === "string" ? def.sort.encoding : undefined;
      const match = by ? /^(-?)(x|y)$/.exec(by) : null;
      if (!match) continue;
      const descending = match[1] === "-" || (isObject(def.sort) && def.sort.order === "descending");
      const other = encoding[match[2]!];
      if (!isObject(other) || typeof other.field !== "string") continue;
      encoding[channel] = { ...def, sort: { field: other.field, op: "max", order: descending ? "descending" : "ascending" } };
    }
  }
}
