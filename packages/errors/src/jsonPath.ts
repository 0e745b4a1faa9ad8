// Where in a JSON file a problem is, as a desk reads it. Every stage that
// validates JSON (datasets, chart definitions) names places the same way.

/**
 * A JSON path as a desk reads it: `plot.layer[0].encoding.y.field`.
 * @example jsonPath(["plot", "layer", 0, "mark"]) // "plot.layer[0].mark"
 */
export function jsonPath(segments: ReadonlyArray<string | number>): string {
  let path = "";
  for (const segment of segments) {
    if (typeof segment === "number") path += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) path += path ? `.${segment}` : segment;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

/** Splits a JSON pointer, as ajv reports it (`/layer/0/mark`), into segments, array indexes as numbers. */
export function pointerSegments(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^(0|[1-9]\d*)$/.test(part) ? Number(part) : part));
}

/** The value at `segments` in `data`, or undefined where the path leaves the data. */
export function valueAt(data: unknown, segments: ReadonlyArray<string | number>): unknown {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

/** What jsonPath needs of a JSON-schema validation error (ajv's ErrorObject has these). */
export interface SchemaErrorLike {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/**
 * The path a schema error is about, as segments: its instance path, plus the
 * property the error names (a missing, unknown or badly named property, or a
 * discriminator tag), since that property is where the desk must look.
 */
export function errorSegments(error: SchemaErrorLike): Array<string | number> {
  const segments = pointerSegments(error.instancePath);
  const named = { required: "missingProperty", additionalProperties: "additionalProperty", propertyNames: "propertyName", discriminator: "tag" }[
    error.keyword
  ];
  if (named) segments.push(String(error.params[named]));
  return segments;
}
