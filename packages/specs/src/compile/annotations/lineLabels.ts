import { ChartsError, message } from "@charts/errors";
import type { Annotation } from "../../types.ts";
import { isObject, position, units, type Json } from "../plotShape.ts";
import type { AnnotationContext, AnnotationLayers } from "./context.ts";

type LineLabels = Extract<Annotation, { type: "line-labels" }>;

/** Field the window transform numbers each series' points in, last first. */
const END = "__lineEnd";

/**
 * The name of each series beside its last point, in the series colour, in
 * place of a legend (which it removes): readers need not look back and forth.
 */
export function lineLabels(annotation: LineLabels, context: AnnotationContext): AnnotationLayers {
  const { base, target, theme, file, path } = context;
  const x = position(base.x);
  const y = position(base.y);
  if (!x?.field || !y) {
    throw new ChartsError(message.noLineToLabel(), { file, field: path });
  }
  let color: Json | undefined;
  for (const { unit } of [{ unit: target }, ...units(target)]) {
    const encoding = isObject(unit.encoding) ? unit.encoding : undefined;
    const def = encoding?.color;
    if (encoding && isObject(def) && def.field === annotation.field) {
      encoding.color = { ...def, legend: null };
      color ??= { field: annotation.field, ...(def.type ? { type: def.type } : {}) };
    }
  }
  const style = theme.text.annotation;
  return {
    below: [],
    above: [
      {
        transform: [
          {
            window: [{ op: "row_number", as: END }],
            groupby: [annotation.field],
            sort: [{ field: x.field, order: "descending" }],
          },
          { filter: `datum.${END} === 1` },
        ],
        mark: {
          type: "text",
          align: "left",
          baseline: "middle",
          dx: 6,
          fontSize: style.size,
          fontWeight: 600,
          ...(color ? {} : { color: theme.colors.annotation }),
        },
        encoding: { x, y, text: { field: annotation.field }, ...(color ? { color } : {}) },
      },
    ],
  };
}
