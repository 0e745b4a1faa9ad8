import type { ChartDefinition } from "../types.ts";
import { isObject, markSpec, units } from "./plotShape.ts";

/**
 * A mark's px sizes (a bar's `width`) were written for `designWidth` (the
 * theme's default width, 640 px) and scale with the chart's width, so bars
 * keep their share of the plot: a 30 px bar at 640 px is 15 px at 320.
 * `at` overrides are merged after this, so sizes they give are taken as
 * written. Returns a new definition.
 *
 * @example scaleToWidth(definition, 320, 640).plot.mark // { type: "bar", width: 15 }
 */
export function scaleToWidth(definition: ChartDefinition, width: number, designWidth: number): ChartDefinition {
  if (width === designWidth) return definition;
  const plot = structuredClone(definition.plot);
  const target = markSpec(plot);
  for (const { unit } of target ? [{ unit: target }, ...units(target)] : []) {
    if (isObject(unit.mark) && typeof unit.mark.width === "number") {
      unit.mark.width = Math.max(1, Math.round((unit.mark.width * width) / designWidth));
    }
  }
  return { ...definition, plot };
}
