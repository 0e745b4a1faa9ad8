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

/** Keys under which a composite plot holds its views. */
const CONCAT = ["concat", "hconcat", "vconcat"] as const;
/** Encoding channels that split a unit into panels (a facet written inside the encoding). */
export const FACET_CHANNELS = ["row", "column", "facet"] as const;

/** Whether a plot is small multiples or a composition: facet, repeat, concat (not a unit or layer). */
export function isComposite(plot: Json): boolean {
  return isObject(plot.facet) || plot.repeat !== undefined || CONCAT.some((key) => Array.isArray(plot[key])) || facetFields(plot).length > 0;
}

/** One set of x and y scales: a unit or layer spec, where it is, and the fields that split it into panels. */
export interface View {
  spec: Json;
  /** JSON path in the definition: `plot`, `plot.spec`, `plot.hconcat[1]`. */
  path: string;
  /** Fields of the facets around it, or of its own row, column and facet channels: each panel is drawn apart. */
  panels: string[];
  /** The `repeat` of a repeat plot around it: the fields a `{"repeat": ...}` field stands for. */
  repeat?: unknown;
}

/**
 * Every view of a plot: the plot itself when it is a unit or layer, the inner
 * spec of a facet or repeat, each member of a concat (recursively).
 */
export function viewsOf(plot: Json, path = "plot", panels: string[] = [], repeat?: unknown): View[] {
  if (isObject(plot.spec) && (isObject(plot.facet) || plot.repeat !== undefined)) {
    return viewsOf(plot.spec, `${path}.spec`, [...panels, ...facetFields(plot)], plot.repeat ?? repeat);
  }
  for (const key of CONCAT) {
    const members = plot[key];
    if (Array.isArray(members)) return members.flatMap((member, i) => (isObject(member) ? viewsOf(member, `${path}.${key}[${i}]`, panels, repeat) : []));
  }
  if ("mark" in plot || Array.isArray(plot.layer)) return [{ spec: plot, path, panels: [...panels, ...facetFields(plot)], ...(repeat !== undefined ? { repeat } : {}) }];
  return [];
}

/** The fields a `{"repeat": "repeat" | "row" | "column" | "layer"}` field stands for in a repeat plot. */
export function repeatedFields(field: unknown, repeat: unknown): string[] {
  if (!isObject(field) || typeof field.repeat !== "string") return [];
  const fields = Array.isArray(repeat) ? repeat : isObject(repeat) ? repeat[field.repeat] : undefined;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === "string") : [];
}

/**
 * A plot with each view replaced by `fn(view)`; facets, repeats and concats
 * keep their shape around the new views.
 */
export function mapViews(plot: Json, fn: (view: View) => Json, path = "plot", panels: string[] = []): Json {
  if (isObject(plot.spec) && (isObject(plot.facet) || plot.repeat !== undefined)) {
    return { ...plot, spec: mapViews(plot.spec, fn, `${path}.spec`, [...panels, ...facetFields(plot)]) };
  }
  for (const key of CONCAT) {
    const members = plot[key];
    if (Array.isArray(members)) return { ...plot, [key]: members.map((m, i) => (isObject(m) ? mapViews(m, fn, `${path}.${key}[${i}]`, panels) : m)) };
  }
  if ("mark" in plot || Array.isArray(plot.layer)) return fn({ spec: plot, path, panels: [...panels, ...facetFields(plot)] });
  return plot;
}

/**
 * A unit whose encoding has row, column or facet channels, as the facet
 * operator it stands for (`{facet, spec}`), so every later step sees small
 * multiples one way. Concat members are normalised too.
 */
export function normalizeFacets(plot: Json): Json {
  for (const key of CONCAT) {
    const members = plot[key];
    if (Array.isArray(members)) return { ...plot, [key]: members.map((m) => (isObject(m) ? normalizeFacets(m) : m)) };
  }
  const encoding = isObject(plot.encoding) ? plot.encoding : undefined;
  if (!encoding || !("mark" in plot) || !FACET_CHANNELS.some((channel) => isObject(encoding[channel]))) return plot;
  const { row, column, facet, ...rest } = encoding;
  const { transform, encoding: _, ...unit } = plot;
  let columns: unknown;
  let operator: Json;
  if (isObject(facet)) {
    const { columns: wrap, ...def } = facet;
    columns = wrap;
    operator = def;
  } else {
    operator = { ...(isObject(row) ? { row } : {}), ...(isObject(column) ? { column } : {}) };
  }
  return { ...(transform ? { transform } : {}), facet: operator, ...(columns !== undefined ? { columns } : {}), spec: { ...unit, encoding: rest } };
}

/** Fields a facet operator or the row, column and facet channels of an encoding split rows by. */
function facetFields(spec: Json): string[] {
  const defs: unknown[] = [];
  if (isObject(spec.facet)) defs.push(spec.facet, spec.facet.row, spec.facet.column);
  if (isObject(spec.encoding)) defs.push(...FACET_CHANNELS.map((channel) => (spec.encoding as Json)[channel]));
  return defs.flatMap((def) => (isObject(def) && typeof def.field === "string" ? [def.field] : []));
}

/** The encoding objects of a view with their JSON paths: its own and each layer's, recursively, to change in place. */
export function encodingsOf(spec: Json, path = "plot"): Array<{ encoding: Json; path: string; unit: Json }> {
  const own = isObject(spec.encoding) ? [{ encoding: spec.encoding, path: `${path}.encoding`, unit: spec }] : [];
  const layers = Array.isArray(spec.layer) ? spec.layer.flatMap((layer, i) => (isObject(layer) ? encodingsOf(layer, `${path}.layer[${i}]`) : [])) : [];
  return [...own, ...layers];
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

/** A layer of `below`, the target's own marks, then `above`: shared encodings move into the target's own layers. */
export function withLayers(target: Json, below: Json[], above: Json[]): Json {
  if (Array.isArray(target.layer)) {
    // Shared encodings move into the plot's own layers: annotation layers
    // carry their own positions and must not inherit a field they lack.
    const { encoding, layer, ...rest } = target;
    const shared = isObject(encoding) ? encoding : {};
    const own = (layer as Json[]).map((l) => ({ ...l, encoding: { ...shared, ...(isObject(l.encoding) ? l.encoding : {}) } }));
    return { ...rest, layer: [...below, ...own, ...above] };
  }
  const { outer, inner } = unwrapUnit(target);
  return { ...outer, layer: [...below, inner, ...above] };
}

// What a unit spec keeps when it becomes one layer among others: a unit inside
// a layer takes no size, view, resolve or usermeta (Vega-Lite's schema refuses
// them there), and its transforms must reach its siblings too.
const LAYER_LEVEL = ["transform", "width", "height", "view", "resolve", "usermeta"];

/**
 * A unit spec split for wrapping in a layer: `outer` the properties that stay
 * on the layer (transforms, sizes, view, resolve, usermeta), `inner` the unit
 * drawn as one of its layers.
 * @example const { outer, inner } = unwrapUnit(unit); return { ...outer, layer: [inner, labels] }
 */
export function unwrapUnit(unit: Json): { outer: Json; inner: Json } {
  const outer: Json = {};
  const inner: Json = {};
  for (const [key, value] of Object.entries(unit)) {
    if (value === undefined) continue;
    (LAYER_LEVEL.includes(key) ? outer : inner)[key] = value;
  }
  return { outer, inner };
}

/** The field definitions of every facet operator in a plot (its rows, columns or wrapped panels), recursively. */
export function facetDefs(plot: Json): Json[] {
  const own = isObject(plot.facet) ? [plot.facet, plot.facet.row, plot.facet.column].filter((def): def is Json => isObject(def) && def.field !== undefined) : [];
  const inner = [plot.spec, ...["concat", "hconcat", "vconcat"].flatMap((key) => (Array.isArray(plot[key]) ? (plot[key] as unknown[]) : []))];
  return [...own, ...inner.filter(isObject).flatMap(facetDefs)];
}
