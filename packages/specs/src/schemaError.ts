import type { ErrorObject } from "ajv";
import { ChartsError, jsonPath, errorSegments, message, valueAt } from "@charts/errors";
import { closest } from "./closest.ts";

/**
 * Turns ajv's errors into one ChartsError a desk can act on: the file, the
 * JSON path of the deepest problem, what was expected there and what was
 * received. ajv reports every failed branch of an anyOf; the deepest path is
 * almost always the one the author meant, an unknown property beats a wrong
 * value beats a missing property, and branches failing at the same place are
 * merged ("one of "bar", "line" or an object").
 *
 * Schemas may carry an `expected` keyword: a phrase used instead of the
 * generated one. Validators must be built with `verbose: true`.
 */
export function schemaError(
  errors: ErrorObject[],
  data: unknown,
  where: { file: string; prefix?: Array<string | number> },
): ChartsError {
  // A property one branch rejects as unknown but another declares is not the mistake.
  const declared = (error: ErrorObject) =>
    errors.some(
      (other) =>
        other.instancePath === error.instancePath &&
        Object.hasOwn((other.parentSchema?.properties as object | undefined) ?? {}, String(error.params.additionalProperty)),
    );
  const kept = errors.filter((e) => !(e.keyword === "additionalProperties" && declared(e)));
  const located = (kept.length ? kept : errors).map((error) => ({ error, segments: errorSegments(error) }));
  // A missing property ranks at its object's depth: a wrong value deeper down
  // in another branch is the likelier mistake.
  const depthOf = (l: (typeof located)[number]) => l.segments.length - (l.error.keyword === "required" ? 1 : 0);
  const depth = Math.max(...located.map(depthOf));
  const deepest = located.filter((l) => depthOf(l) === depth);
  const rank = (l: (typeof located)[number]) => (l.error.keyword === "additionalProperties" ? 1 : l.error.keyword === "required" ? 2 : 0);
  deepest.sort((a, b) => rank(a) - rank(b));
  const segments = deepest[0]!.segments;
  const path = jsonPath(segments);
  const atPath = deepest.filter((l) => jsonPath(l.segments) === path).map((l) => l.error);
  const field = jsonPath([...(where.prefix ?? []), ...segments]) || undefined;
  const received = valueAt(data, segments);
  const unknown = atPath.find((e) => e.keyword === "additionalProperties");
  const suggestion = unknown ? closest(String(unknown.params.additionalProperty), knownProperties(atPath)) : undefined;
  const hint = suggestion ? message.didYouMean(suggestion) : "";
  return new ChartsError(message.invalid(expectedOf(atPath), received) + hint, {
    file: where.file,
    ...(field ? { field } : {}),
  });
}


function expectedOf(errors: ErrorObject[]): string {
  // The schema of the whole value (an anyOf or oneOf) speaks for its branches.
  const combined = errors.find((e) => (e.keyword === "anyOf" || e.keyword === "oneOf") && hasExpected(e));
  if (combined) return combined.parentSchema!.expected as string;
  const own = errors.find((e) => hasExpected(e) && e.keyword !== "additionalProperties" && e.keyword !== "required");
  if (own) return own.parentSchema!.expected as string;

  const phrases: string[] = [];
  const values: unknown[] = [];
  for (const error of errors) {
    if (error.keyword === "enum") values.push(...(error.params.allowedValues as unknown[]));
    else if (error.keyword === "const") values.push(error.params.allowedValue);
    else if (error.keyword === "type") phrases.push(...String(error.params.type).split(",").map(article));
    else if (error.keyword === "required") phrases.push("a value (it is required)");
    else if (error.keyword === "additionalProperties") {
      const known = knownProperties(errors);
      if (!known.length) phrases.push("no such property");
      else if (known.length <= 16) phrases.push(`one of the properties ${known.join(", ")}`);
      else phrases.push("a known property");
    } else if (error.keyword !== "anyOf" && error.keyword !== "oneOf" && error.keyword !== "if") {
      phrases.push(`a value that ${error.message ?? `passes ${error.keyword}`}`);
    }
  }
  const unique = [...new Set(values.map((v) => JSON.stringify(v)))];
  if (unique.length === 1) phrases.unshift(unique[0]!);
  else if (unique.length > 1) phrases.unshift(`one of ${unique.join(", ")}`);
  const distinct = [...new Set(phrases)];
  if (!distinct.length) return "a valid value";
  return distinct.length === 1 ? distinct[0]! : `${distinct.slice(0, -1).join(", ")} or ${distinct.at(-1)}`;
}

/** Properties the failing schemas at one place declare, across anyOf branches. */
function knownProperties(errors: ErrorObject[]): string[] {
  const names = errors
    .filter((e) => e.keyword === "additionalProperties")
    .flatMap((e) => Object.keys((e.parentSchema?.properties as object | undefined) ?? {}));
  return [...new Set(names)].sort();
}

function hasExpected(error: ErrorObject): boolean {
  return typeof error.parentSchema?.expected === "string";
}

function article(type: string): string {
  if (type === "null") return "null";
  if (type === "array" || type === "object" || type === "integer") return `an ${type}`;
  return `a ${type}`;
}

