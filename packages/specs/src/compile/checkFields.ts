import type { Dataset } from "@charts/datasets";
import { ChartsError, jsonPath, message } from "@charts/errors";
import { closest } from "../closest.ts";
import type { ChartDefinition } from "../types.ts";
import { STATUS_FIELD } from "./inlineData.ts";

type Path = Array<string | number>;
type Json = Record<string, unknown>;
/** Fields in scope, or "any" after a transform whose output fields depend on the data (pivot). */
type Scope = Set<string> | "any";

interface Context {
  file: string;
  dataset: Dataset;
  columns: string[];
}

/**
 * Step 3: every field the plot and the annotations use must exist, so a
 * misspelt field is an error naming the file, the JSON path, the field and
 * the columns there are, never a blank chart. Walks unit, layer, facet,
 * repeat and concat specs: encodings (with sort, condition, tooltip, detail
 * and order arrays), selection params, transforms and the `datum.x` fields of
 * their expressions. Fields a transform creates (`as`) are in scope after it;
 * an aggregate keeps only its groupby and `as` fields.
 */
export function checkFields(definition: ChartDefinition, dataset: Dataset, file: string): void {
  const columns = [...dataset.meta.columns.map((c) => c.name), STATUS_FIELD];
  const context: Context = { file, dataset, columns };
  const scope = walkSpec(definition.plot as Json, ["plot"], new Set(columns), context);
  (definition.annotations ?? []).forEach((annotation, i) => {
    const path: Path = ["annotations", i];
    if (annotation.type === "label") {
      for (const key of Object.keys(annotation.at)) check(key, [...path, "at", key], scope, context);
    } else if ("field" in annotation && annotation.field !== undefined) {
      check(annotation.field, [...path, "field"], scope, context);
    }
  });
}

function walkSpec(spec: Json, path: Path, outer: Scope, context: Context): Scope {
  const scope = walkTransforms(spec.transform, [...path, "transform"], outer, context);
  if (isObject(spec.encoding)) walkEncoding(spec.encoding, [...path, "encoding"], scope, context);
  if (Array.isArray(spec.params)) {
    spec.params.forEach((param, i) => {
      const select = isObject(param) ? param.select : undefined;
      if (isObject(select) && Array.isArray(select.fields)) {
        select.fields.forEach((f, j) => check(f, [...path, "params", i, "select", "fields", j], scope, context));
      }
    });
  }
  if (Array.isArray(spec.layer)) spec.layer.forEach((layer, i) => isObject(layer) && walkSpec(layer, [...path, "layer", i], scope, context));
  if (isObject(spec.facet)) {
    if ("field" in spec.facet) walkChannel(spec.facet, [...path, "facet"], scope, context);
    for (const channel of ["row", "column"]) {
      const def = spec.facet[channel];
      if (isObject(def)) walkChannel(def, [...path, "facet", channel], scope, context);
    }
  }
  if (Array.isArray(spec.repeat)) spec.repeat.forEach((f, i) => check(f, [...path, "repeat", i], scope, context));
  else if (isObject(spec.repeat)) {
    for (const [key, fields] of Object.entries(spec.repeat)) {
      if (Array.isArray(fields)) fields.forEach((f, i) => check(f, [...path, "repeat", key, i], scope, context));
    }
  }
  if (isObject(spec.spec)) walkSpec(spec.spec, [...path, "spec"], scope, context);
  for (const key of ["concat", "hconcat", "vconcat"]) {
    const specs = spec[key];
    if (Array.isArray(specs)) specs.forEach((s, i) => isObject(s) && walkSpec(s, [...path, key, i], scope, context));
  }
  return scope;
}

function walkEncoding(encoding: Json, path: Path, scope: Scope, context: Context): void {
  for (const [channel, def] of Object.entries(encoding)) {
    if (Array.isArray(def)) def.forEach((d, i) => isObject(d) && walkChannel(d, [...path, channel, i], scope, context));
    else if (isObject(def)) walkChannel(def, [...path, channel], scope, context);
  }
}

function walkChannel(def: Json, path: Path, scope: Scope, context: Context): void {
  if (def.field !== undefined) check(def.field, [...path, "field"], scope, context);
  if (isObject(def.sort) && def.sort.field !== undefined) check(def.sort.field, [...path, "sort", "field"], scope, context);
  const conditions = Array.isArray(def.condition) ? def.condition : def.condition === undefined ? [] : [def.condition];
  conditions.forEach((condition, i) => {
    if (!isObject(condition)) return;
    const at = Array.isArray(def.condition) ? [...path, "condition", i] : [...path, "condition"];
    if (condition.field !== undefined) check(condition.field, [...at, "field"], scope, context);
    if (condition.test !== undefined) walkPredicate(condition.test, [...at, "test"], scope, context);
  });
}

function walkPredicate(predicate: unknown, path: Path, scope: Scope, context: Context): void {
  if (typeof predicate === "string") return checkExpression(predicate, path, scope, context);
  if (!isObject(predicate)) return;
  if (predicate.field !== undefined) check(predicate.field, [...path, "field"], scope, context);
  for (const key of ["and", "or"]) {
    const parts = predicate[key];
    if (Array.isArray(parts)) parts.forEach((p, i) => walkPredicate(p, [...path, key, i], scope, context));
  }
  if (predicate.not !== undefined) walkPredicate(predicate.not, [...path, "not"], scope, context);
}

/** Fields a transform reads, by transform type. */
const READS: Record<string, string[]> = {
  aggregate: ["groupby"],
  joinaggregate: ["groupby"],
  window: ["groupby"],
  fold: ["fold"],
  bin: ["field"],
  timeUnit: ["field"],
  lookup: ["lookup"],
  flatten: ["flatten"],
  impute: ["impute", "key", "groupby"],
  pivot: ["pivot", "value", "groupby"],
  stack: ["stack", "groupby"],
  density: ["density", "groupby"],
  regression: ["regression", "on", "groupby"],
  loess: ["loess", "on", "groupby"],
  quantile: ["quantile", "groupby"],
  extent: ["extent"],
};

function walkTransforms(transforms: unknown, path: Path, outer: Scope, context: Context): Scope {
  if (!Array.isArray(transforms)) return outer;
  let scope: Scope = outer === "any" ? "any" : new Set(outer);
  transforms.forEach((t, i) => {
    if (!isObject(t)) return;
    const at: Path = [...path, i];
    const type = Object.keys(READS).find((key) => key in t) ?? ("filter" in t ? "filter" : "calculate" in t ? "calculate" : undefined);
    // Fields read.
    for (const key of READS[type ?? ""] ?? []) {
      const value = t[key];
      if (Array.isArray(value)) value.forEach((f, j) => check(f, [...at, key, j], scope, context));
      else if (typeof value === "string") check(value, [...at, key], scope, context);
    }
    if (type === "filter") walkPredicate(t.filter, [...at, "filter"], scope, context);
    if (type === "calculate" && typeof t.calculate === "string") checkExpression(t.calculate, [...at, "calculate"], scope, context);
    for (const key of ["aggregate", "joinaggregate", "window"]) {
      if (type === key && Array.isArray(t[key])) {
        (t[key] as unknown[]).forEach((op, j) => {
          if (isObject(op) && op.field !== undefined) check(op.field, [...at, key, j, "field"], scope, context);
        });
      }
    }
    if ((type === "window" || type === "stack") && Array.isArray(t.sort)) {
      t.sort.forEach((s, j) => isObject(s) && s.field !== undefined && check(s.field, [...at, "sort", j, "field"], scope, context));
    }
    // Fields created.
    scope = afterTransform(type, t, scope);
  });
  return scope;
}

function afterTransform(type: string | undefined, t: Json, scope: Scope): Scope {
  const as = (fallback: string[] = []): string[] =>
    Array.isArray(t.as) ? t.as.map(String) : typeof t.as === "string" ? [t.as] : fallback;
  const opsAs = (key: string) => (Array.isArray(t[key]) ? (t[key] as unknown[]).flatMap((op) => (isObject(op) && typeof op.as === "string" ? [op.as] : [])) : []);
  const groupby = Array.isArray(t.groupby) ? t.groupby.map(String) : [];
  const add = (fields: string[]): Scope => (scope === "any" ? "any" : new Set([...scope, ...fields]));
  switch (type) {
    case "calculate":
      return add(as());
    case "aggregate":
      return new Set([...groupby, ...opsAs("aggregate")]);
    case "joinaggregate":
      return add(opsAs("joinaggregate"));
    case "window":
      return add(opsAs("window"));
    case "fold":
      return add(as(["key", "value"]));
    case "bin":
    case "timeUnit":
    case "stack":
    case "flatten":
      return add(as());
    case "lookup": {
      const from = isObject(t.from) && Array.isArray(t.from.fields) ? t.from.fields.map(String) : [];
      // Without `as` or `fields`, lookup copies every field of the other data.
      return as().length || from.length ? add([...as(), ...from]) : "any";
    }
    case "pivot":
      return "any";
    case "density":
      return new Set([...groupby, ...as(["value", "density"])]);
    case "quantile":
      return new Set([...groupby, ...as(["prob", "value"])]);
    case "regression":
    case "loess":
      return new Set([...groupby, ...as([String(t.on), String(t[type])])]);
    default:
      return scope;
  }
}

const DATUM_FIELD = /\bdatum\s*(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*(["'])((?:(?!\2).)*)\2\s*\])/g;

function checkExpression(expression: string, path: Path, scope: Scope, context: Context): void {
  for (const match of expression.matchAll(DATUM_FIELD)) {
    const field = match[1] ?? match[3]!;
    check(field, path, scope, context, ` in ${JSON.stringify(expression)}`);
  }
}

function check(field: unknown, path: Path, scope: Scope, context: Context, inExpression = ""): void {
  if (scope === "any" || typeof field !== "string") return; // objects are repeat references
  if (scope.has(field)) return;
  const { dataset, columns } = context;
  const derived = [...scope].filter((f) => !columns.includes(f));
  const available = columns.filter((c) => scope.has(c));
  const suggestion = closest(field, [...scope]);
  throw new ChartsError(message.invalid(message.expectedField(dataset.name, available, derived), field) + inExpression + (suggestion ? message.didYouMean(suggestion) : ""), {
    file: context.file,
    field: jsonPath(path),
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
