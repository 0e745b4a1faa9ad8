import { timeStep, type Dataset } from "@charts/datasets";
import { vegaLiteConfig, type Theme } from "@charts/theme";
import { isObject, units, houseUnit, repeatedFields, viewsOf, type Json } from "./plotShape.ts";
import { timeColumn } from "./timeAxis.ts";
import { datePattern, timeLocale } from "./timeFormats.ts";

/** Channels whose field definitions print the value themselves. */
const TEXT_CHANNELS = new Set(["text", "tooltip"]);

/**
 * Step 8: the house theme. `config` comes from vegaLiteConfig(theme); every
 * axis, text and tooltip showing a number column gets the `house` format with
 * the column's unit and the chart's locale (years without separators, money
 * as $72m), unless the plot gives a format of its own; a date in a text or
 * tooltip is written in the house date format of its step. A chart that
 * draws dates carries the locale's month and day names (from Intl) as
 * `config.locale.time`, so Vega writes "sept. 2023" in fr-FR. Every view of
 * a composite plot is themed, a repeated field in the unit its fields share.
 * Changes `plot` in place.
 */
export function applyTheme(plot: Json, options: { dataset: Dataset; theme: Theme; locale: string }): { config: Json } {
  const { dataset, theme, locale } = options;
  let dates = false;
  let repeat: unknown;
  for (const view of viewsOf(plot)) {
    repeat = view.repeat;
    for (const spec of [view.spec, ...units(view.spec).map(({ unit }) => unit)]) {
      if (!isObject(spec.encoding)) continue;
      for (const [channel, def] of Object.entries(spec.encoding)) {
        if (timeColumn(dataset, def)?.type === "date") dates = true;
        const where = channel === "x" || channel === "y" ? "axis" : TEXT_CHANNELS.has(channel) ? "field" : undefined;
        if (!where) continue;
        if (Array.isArray(def)) def.forEach((d) => isObject(d) && formatField(d, "field"));
        else if (isObject(def)) formatField(def, where);
      }
    }
  }

  function formatField(def: Json, where: "axis" | "field"): void {
    if (def.aggregate === "count") return;
    const column = timeColumn(dataset, def);
    if (column?.type === "date") {
      if (where === "field" && def.format === undefined) Object.assign(def, { type: "temporal", format: datePattern(timeStep(dataset, column).unit, locale), formatType: "utc" });
      return;
    }
    // A repeated field is formatted when every field it stands for shares a unit.
    const repeated = [...new Set(repeatedFields(def.field, repeat).map((field) => houseUnit(dataset, field)))];
    const unit = repeated.length ? (repeated.length === 1 ? repeated[0] : undefined) : houseUnit(dataset, def.field);
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

  const config = vegaLiteConfig(theme) as Json;
  return { config: dates ? { ...config, locale: { time: timeLocale(locale) } } : config };
}
