import { invalid, message } from "@charts/errors";
import type { Annotation } from "../../types.ts";
import { isObject, markType, units } from "../plotShape.ts";
import type { AnnotationContext, AnnotationLayers } from "./context.ts";

type Highlight = Extract<Annotation, { type: "highlight" }>;

/**
 * Draws the marks whose `field` is one of `values` in the highlight colour and
 * the rest muted, by setting the colour encoding of the plot. A plot that
 * colours its marks itself cannot be highlighted as well.
 */
export function highlight(annotation: Highlight, context: AnnotationContext): AnnotationLayers {
  const { target, targetPath, theme, file, path } = context;
  const color = {
    condition: { test: { field: annotation.field, oneOf: annotation.values }, value: theme.colors.highlight },
    value: theme.colors.muted,
  };
  const encoding = isObject(target.encoding) ? target.encoding : {};
  const coloured = units(target).find(({ encoding }) => encoding.color !== undefined);
  if (coloured) {
    throw invalid({ file, field: `${targetPath}.encoding.color` }, message.expectedNoColor(path), coloured.encoding.color);
  }
  const lines = units(target).some(({ unit }) => ["line", "area", "trail"].includes(markType(unit) ?? ""));
  target.encoding = {
    ...encoding,
    color,
    // A line is one mark per series; without detail the series would merge into one line.
    ...(lines && encoding.detail === undefined ? { detail: { field: annotation.field, type: "nominal" } } : {}),
  };
  return { below: [], above: [] };
}
