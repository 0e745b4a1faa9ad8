import type { Dataset } from "@charts/datasets";
import { frameOf, type Theme } from "@charts/theme";
import { isDiscrete, isObject, markSpec, units, type Json } from "./plotShape.ts";

/** The Vega expression function render registers to wrap a label with exact metrics: wrapLabel(text, maxWidth, fontSize, fontWeight). */
export const WRAP_LABEL = "wrapLabel";

/**
 * Step 6b: axis labels for the theme's frame, after applyTheme gave them
 * their house formats. Changes `plot` in place; an axis with a `labelExpr`
 * of its own is left as it is.
 *
 * - An axis the plot gives `values` keeps them all (the frame's tick count
 *   would thin them out); labels that collide are still dropped by Vega.
 * - On a frame with `shortYears` (phones) a year axis writes its first label
 *   whole and the rest short: 2014, ’16, ’18 (NPR's mobile rule).
 * - Category labels (a string column on a band axis) wrap onto lines of at
 *   most `frame.labelWidth` px, measured with the house font by render's
 *   `wrapLabel`, rather than being cut with an ellipsis.
 */
export function fitAxes(plot: Json, options: { dataset: Dataset; theme: Theme }): void {
  const { dataset, theme } = options;
  const frame = frameOf(theme);
  const target = markSpec(plot);
  const specs = target ? [target, ...units(target).map(({ unit }) => unit)] : [];
  for (const spec of specs) {
    if (!isObject(spec.encoding)) continue;
    for (const channel of ["x", "y"] as const) {
      const def = spec.encoding[channel];
      if (!isObject(def) || def.axis === null || typeof def.field !== "string") continue;
      let axis = isObject(def.axis) ? def.axis : {};
      if (Array.isArray(axis.values) && axis.tickCount === undefined) def.axis = axis = { ...axis, tickCount: axis.values.length };
      if (axis.labelExpr !== undefined) continue;
      const format = isObject(axis.format) ? axis.format : undefined;
      if (frame.shortYears && axis.formatType === "house" && format?.unit === "year") {
        def.axis = { ...axis, labelExpr: "datum.index === 0 ? datum.label : '\u2019' + slice(datum.label, -2)" };
        continue;
      }
      const column = dataset.meta.columns.find((c) => c.name === def.field);
      if (isDiscrete(def) && column?.type === "string") {
        const { size, weight } = theme.text.axisLabel;
        def.axis = { ...axis, labelExpr: `${WRAP_LABEL}(datum.label, ${frame.labelWidth}, ${size}, ${weight})` };
      }
    }
  }
}
