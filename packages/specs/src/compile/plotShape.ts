// Reading the shape of a plot: where its marks are and which fields its x and
// y encode. Annotations and the theme step both need this.
import { unitOf, type Dataset } from "@charts/datasets";

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The spec that holds the marks: the plot itself, or the inner spec of a facet. */
export function markSpec(plot: Json): Json | undefined {
  if (isObject(plot.facet) && isObject(plot.spec)) return plot.spec;
  if ("mark" in plot || Array.isArray(plot.layer)) return plot;
  return undefined;
}

/** The unit specs of a mark spec, each with its encoding merged over the layer's shared one. */
export function units(spec: Json, inherited: Json = {}): Array<{ unit: Json; encoding: Json }> {
  const encoding = { ...inherited, ...(isObject(spec.encoding) ? spec.encoding : {}) };
  if (Array.isArray(spec.layer)) return spec.layer.filter(isObject).flatMap((layer) => units(layer, encoding));
  return [{ unit: spec, encoding }];
}

/** Mark type of a unit spec (`"bar"` for `{mark: {type: "bar"}}`). */
export function markType(unit: Json): string | undefined {
  if (typeof unit.mark === "string") return unit.mark;
  if (isObject(unit.mark) && typeof unit.mark.type === "string") return unit.mark.type;
  return undefined;
}

/** The encoding that positions the data: the first unit with both x and y. */
export function baseEncoding(spec: Json): Json {
  const all = units(spec);
  return (all.find(({ encoding }) => isObject(encoding.x) && isObject(encoding.y)) ?? all[0])?.encoding ?? {};
}

/**
 * A position channel copied for an annotation layer: same field and scale,
 * no axis of its own. A category sort is kept: layers sharing a band scale
 * must agree on its order.
 */
export function position(def: unknown): Json | undefined {
  if (!isObject(def)) return undefined;
  const copy: Json = {};
  for (const key of ["field", "type", "timeUnit", "bin", "aggregate", "bandPosition", "datum", "value"]) {
    if (def[key] !== undefined) copy[key] = def[key];
  }
  if (isDiscrete(def) && def.sort !== undefined) copy.sort = def.sort;
  return copy;
}

/** The same channel as the end of a range (x2, y2): field and its transforms only. */
export function secondary(def: unknown): Json | undefined {
  if (!isObject(def)) return undefined;
  const copy: Json = {};
  for (const key of ["field", "timeUnit", "bin", "aggregate"]) if (def[key] !== undefined) copy[key] = def[key];
  return copy;
}

/** Whether a position channel uses a band or point scale (categories, not values). */
export function isDiscrete(def: unknown): boolean {
  return isObject(def) && (def.type === "nominal" || def.type === "ordinal");
}

/**
 * House-format unit of a field: `year` for year columns; for number columns
 * the unit every row drawn shares (a dataset mixing units row by row, like
 * russia-tourists, is formatted in one when the chart draws only its rows),
 * else the column's unit, else plain `number`.
 */
export function houseUnit(dataset: Dataset, field: unknown): string | undefined {
  const column = dataset.meta.columns.find((c) => c.name === field);
  if (!column) return undefined;
  if (column.type === "year") return "year";
  if (column.type !== "number") return undefined;
  const units = new Set(dataset.rows.map((row) => unitOf(dataset, column, row)));
  const [only] = units;
  return units.size === 1 && only !== undefined ? only : (column.unit ?? "number");
}
