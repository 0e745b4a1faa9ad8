import { ChartsError, message } from "@charts/errors";
import type { Annotation } from "../../types.ts";
import { isObject, position, houseUnit, type Json } from "../plotShape.ts";
import type { AnnotationContext, AnnotationLayers } from "./context.ts";

type Values = Extract<Annotation, { type: "values" }>;

/**
 * The value of each bar or point written at its end in house format: above
 * a vertical bar, right of a horizontal one. The value is the quantitative
 * y (or else x) field unless `field` names another.
 */
export function values(annotation: Values, context: AnnotationContext): AnnotationLayers {
  const { base, theme, dataset, locale, file, path } = context;
  const channel = (["y", "x"] as const).find((c) => isObject(base[c]) && base[c].type === "quantitative");
  if (!channel) {
    throw new ChartsError(message.noValueToLabel(), { file, field: path });
  }
  const def = base[channel] as Json;
  const field = annotation.field ?? def.field;
  const format = {
    unit: houseUnit(dataset, field) ?? "number",
    locale,
    ...(annotation.precision === undefined ? {} : { precision: annotation.precision }),
  };
  const x = position(base.x);
  const y = position(base.y);
  const style = theme.text.valueLabel;
  const vertical = channel === "y";
  return {
    below: [],
    above: [
      {
        mark: {
          type: "text",
          ...(vertical ? { align: "center", baseline: "bottom", dy: -4 } : { align: "left", baseline: "middle", dx: 4 }),
          color: style.color,
          fontSize: style.size,
          fontWeight: style.weight,
        },
        encoding: {
          ...(x && { x }),
          ...(y && { y }),
          text: {
            field,
            type: "quantitative",
            ...(field === def.field && def.aggregate ? { aggregate: def.aggregate } : {}),
            formatType: "house",
            format,
          },
        },
      },
    ],
  };
}
