import { invalid, message } from "@charts/errors";
import type { Annotation } from "../../types.ts";
import { isDiscrete, isObject, type Json } from "../plotShape.ts";
import { datumOf } from "../timeAxis.ts";
import { textLines, type AnnotationContext, type AnnotationLayers } from "./context.ts";

type Range = Extract<Annotation, { type: "range" }>;

/**
 * A shaded band from `from` to `to` on the axis that encodes `field`, under
 * the data, with an optional label at its top left. Used to show that the
 * sources give no figures for a span rather than draw a line through it.
 *
 * On a band scale the band covers the categories from..to inclusive, so the
 * scale must list its categories (`scale.domain`): otherwise Vega-Lite would
 * add `from` and `to` as categories of their own and drop the years between.
 */
export function range(annotation: Range, context: AnnotationContext): AnnotationLayers {
  const { base, theme, file, path, targetPath } = context;
  const channel = (["x", "y"] as const).find((c) => isObject(base[c]) && base[c].field === annotation.field);
  if (!channel) {
    const fields = (["x", "y"] as const).map((c) => (isObject(base[c]) ? base[c].field : undefined)).filter(Boolean);
    throw invalid({ file, field: `${path}.field` }, message.expectedAxisField(fields), annotation.field);
  }
  const def = base[channel] as Json;
  const band = isDiscrete(def);
  if (band) {
    const domain = isObject(def.scale) ? def.scale.domain : undefined;
    if (!Array.isArray(domain)) {
      throw invalid({ file, field: `${targetPath}.encoding.${channel}.scale.domain` }, message.expectedListedCategories(channel), domain);
    }
    for (const key of ["from", "to"] as const) {
      if (!domain.includes(annotation[key])) {
        throw invalid({ file, field: `${path}.${key}` }, message.expectedCategory(channel), annotation[key]);
      }
    }
  }
  const end = channel === "x" ? "x2" : "y2";
  // A date is placed as a date: from and to are written as in data.csv.
  const [from, to] = [datumOf(context.dataset, annotation.field, annotation.from), datumOf(context.dataset, annotation.field, annotation.to)];
  const start = { datum: from, ...(def.type ? { type: def.type } : {}), ...(band ? { bandPosition: 0 } : {}) };
  // Its own one-row data: inheriting the plot's would draw one band per row.
  const one = { values: [{}] };
  const below: Json[] = [
    {
      data: one,
      mark: { type: "rect", color: theme.colors.range },
      encoding: { [channel]: start, [end]: { datum: to, ...(band ? { bandPosition: 1 } : {}) } },
    },
  ];
  if (annotation.text === undefined) return { below, above: [] };
  const style = theme.text.annotation;
  // On a continuous x scale the label stands in the middle of the band, clear
  // of labels placed at the data points on either side; on a band scale (where
  // there is no midpoint datum) it stands at the band's top left.
  const middle = channel === "x" && !band && typeof annotation.from === "number" && typeof annotation.to === "number";
  const position: Json = middle
    ? { x: { datum: (annotation.from as number + (annotation.to as number)) / 2, ...(def.type ? { type: def.type } : {}) }, y: { value: { expr: "height / 2" } } }
    : { [channel]: start, [channel === "x" ? "y" : "x"]: { value: 6 } };
  const text: Json = {
    data: one,
    mark: {
      type: "text",
      align: middle ? "center" : "left",
      baseline: middle ? "middle" : "top",
      dx: channel === "x" && !middle ? 6 : 0,
      dy: channel === "y" ? 6 : 0,
      color: theme.colors.annotation,
      fontSize: style.size,
      fontWeight: style.weight,
      fontStyle: "italic",
      lineHeight: Math.round(style.size * style.lineHeight),
    },
    encoding: { ...position, text: { value: textLines(annotation.text) } },
  };
  return { below, above: [text] };
}
