import type { Annotation, ChartDefinition } from "../types.ts";
import { isObject, markSpec, units } from "./plotShape.ts";

/**
 * A mark's px sizes (a bar's `width`) were written for `designWidth` (the
 * theme's default width, 640 px) and scale with the chart's width, so bars
 * keep their share of the plot: a 30 px bar at 640 px is 15 px at 320. So do
 * the across offsets of labels (`dx`), which place a label beside a bar.
 * `at` overrides are merged after this, so sizes they give are taken as
 * written. Returns a new definition.
 *
 * @example scaleToWidth(definition, 320, 640).plot.mark // { type: "bar", width: 15 }
 */
export function scaleToWidth(definition: ChartDefinition, width: number, designWidth: number): ChartDefinition {
  if (width === designWidth) return definition;
  const plot = structuredClone(definition.plot);
  const target = markSpec(plot);
  // a unit spec is its own only unit: each spec once
  for (const unit of new Set(target ? [target, ...units(target).map(({ unit: u }) => u)] : [])) {
    if (isObject(unit.mark) && typeof unit.mark.width === "number") {
      unit.mark.width = Math.max(1, Math.round((unit.mark.width * width) / designWidth));
    }
  }
  const scale = (dx: number) => Math.round((dx * width) / designWidth);
  const annotations = definition.annotations?.map((a): Annotation => (a.type === "label" && a.dx ? { ...a, dx: scale(a.dx) } : a));
  return { ...definition, plot, ...(annotations ? { annotations } : {}) };
}
