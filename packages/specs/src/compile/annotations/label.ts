import { ChartsError, message } from "@charts/errors";
import type { Annotation } from "../../types.ts";
import { position, secondary, type Json } from "../plotShape.ts";
import { datumOf } from "../timeAxis.ts";
import { textLines, type AnnotationContext, type AnnotationLayers } from "./context.ts";

type Label = Extract<Annotation, { type: "label" }>;

/**
 * A text label at the data point whose fields equal `at`, above it by
 * default; with `connector`, further off and joined to the point by a rule.
 * The point must exist in the dataset, or the label would silently vanish.
 * A date is given as written in data.csv ({"month": "2023-04"}).
 */
export function label(annotation: Label, context: AnnotationContext): AnnotationLayers {
  const { base, theme } = context;
  checkPointExists(annotation, context);
  const connector = annotation.connector ?? false;
  const dx = annotation.dx ?? 0;
  const dy = annotation.dy ?? (connector ? -28 : -8);
  const align = annotation.align ?? (dx > 0 ? "left" : dx < 0 ? "right" : "center");
  const entries = Object.entries(annotation.at);
  const predicates = entries.map(([field, value]) => ({ field, equal: datumOf(context.dataset, field, value) }));
  const filter = { filter: predicates.length === 1 ? predicates[0] : { and: predicates } };
  const x = position(base.x);
  const y = position(base.y);
  const text: Json = {
    transform: [filter],
    mark: {
      type: "text",
      align,
      baseline: dy <= 0 ? "bottom" : "top",
      dx,
      dy,
      color: theme.colors.annotation,
      fontSize: theme.text.annotation.size,
      fontWeight: theme.text.annotation.weight,
      lineHeight: Math.round(theme.text.annotation.size * theme.text.annotation.lineHeight),
    },
    encoding: { ...(x && { x }), ...(y && { y }), text: { value: textLines(annotation.text) } },
  };
  if (!connector) return { below: [], above: [text] };
  // The rule runs from just off the point to just short of the text.
  const gap = 3;
  const rule: Json = {
    transform: [filter],
    mark: {
      type: "rule",
      color: theme.colors.annotation,
      strokeWidth: 1,
      yOffset: dy <= 0 ? -gap : gap,
      x2Offset: dx,
      y2Offset: dy <= 0 ? dy + gap : dy - gap,
    },
    encoding: { ...(x && { x }), ...(y && { y }), x2: secondary(base.x), y2: secondary(base.y) },
  };
  return { below: [], above: [rule, text] };
}

function checkPointExists(annotation: Label, { dataset, file, path }: AnnotationContext): void {
  const columns = new Set(dataset.meta.columns.map((c) => c.name));
  const entries = Object.entries(annotation.at);
  // Fields the plot derives cannot be checked before Vega runs.
  if (!entries.every(([field]) => columns.has(field))) return;
  const found = dataset.rows.some((row) => entries.every(([field, value]) => row.values[field] === value));
  if (!found) {
    const wanted = entries.map(([f, v]) => `${f} = ${JSON.stringify(v)}`).join(" and ");
    throw new ChartsError(message.noRowAt(dataset.name, wanted), {
      file,
      field: `${path}.at`,
    });
  }
}
