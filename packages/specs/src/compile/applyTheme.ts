import type { Dataset } from "@charts/datasets";
import { vegaLiteConfig, type Theme } from "@charts/theme";
import { isObject, units, markSpec, houseUnit, type Json } from "./plotShape.ts";

/** Channels whose field definitions print the value themselves. */
const TEXT_CHANNELS = new Set(["text", "tooltip"]);

/**
 * Step 6: the house theme. `config` comes from vegaLiteConfig(theme); every
 * axis, text and tooltip showing a number column gets the `house` format with
 * the column's unit and the chart's locale (years without separators, money
 * as $72m), unless the plot gives a format of its own. Changes `plot` in place.
 */
export function applyTheme(plot: Json, options: { dataset: Dataset; theme: Theme; locale: string }): { config: Json } {
  const { dataset, theme, locale } = options;
  const target = markSpec(plot);
  const specs = target ? [target, ...units(target).map(({ unit }) => unit)] : [];
  for (const spec of specs) {
    if (!isObject(spec.encoding)) continue;
    for (const [channel, def] of Object.entries(spec.encoding)) {
      const where = channel === "x" || channel === "y" ? "axis" : TEXT_CHANNELS.has(channel) ? "field" : undefined;
      if (!where) continue;
      if (Array.isArray(def)) def.forEach((d) => isObject(d) && formatField(d, "field"));
      else if (isObject(def)) formatField(def, where);
    }
  }

  function formatField(def: Json, where: "axis" | "field"): void {
    if (def.aggregate === "count") return;
    const unit = houseUnit(dataset, def.field);
    if (!unit) return;
    const format = { formatType: "house", format: { unit, locale } };
    if (where === "field") {
      if (def.format === undefined && def.formatType === undefined) Object.assign(def, format);
      return;
    }
    if (def.axis === null) return;
    const axis = isObject(def.axis) ? def.axis : {};
    if (axis.format !== undefined || axis.formatType !== undefined) return;
    // A continuous year axis must not tick at 2014.5.
    const step = unit === "year" && def.type === "quantitative" && axis.tickMinStep === undefined ? { tickMinStep: 1 } : {};
    def.axis = { ...axis, ...format, ...step };
  }

  return { config: vegaLiteConfig(theme) as Json };
}
