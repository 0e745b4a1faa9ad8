import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { ChartsError, describe, jsonPath, errorSegments, valueAt } from "@charts/errors";

const validators = new Map<string, ValidateFunction>();

/** The compiled validator of a schema file of this package, built on first use. */
function validatorFor(schemaFile: string): ValidateFunction {
  let validate = validators.get(schemaFile);
  if (!validate) {
    const schema = JSON.parse(readFileSync(new URL(`../${schemaFile}`, import.meta.url), "utf8"));
    const ajv = new Ajv({ verbose: true });
    // A schema may say in words what it expects; error messages use it.
    ajv.addKeyword({ keyword: "expected", schemaType: "string" });
    validate = ajv.compile(schema);
    validators.set(schemaFile, validate);
  }
  return validate;
}

/**
 * Validates parsed JSON against `dataset.schema.json` or `sources.schema.json`.
 * Throws a ChartsError naming the file and the JSON path of the first problem:
 *
 *   datasets/arms/dataset.json, columns[1].type: expected one of "string", "number", "year", "date" but received "int" of type string
 */
export function validateJson<T>(schemaFile: "dataset.schema.json" | "sources.schema.json", json: unknown, file: string): T {
  const validate = validatorFor(schemaFile);
  if (validate(json)) return json as T;
  const error = validate.errors?.[0];
  if (!error) throw new ChartsError(`does not match ${schemaFile}`, { file });
  const segments = errorSegments(error);
  return throwAt(error, segments, json, file);
}

function throwAt(error: ErrorObject, segments: Array<string | number>, json: unknown, file: string): never {
  const field = jsonPath(segments) || "(root)";
  throw new ChartsError(`expected ${expectedOf(error)} but received ${describe(valueAt(json, segments))}`, { file, field });
}


function expectedOf(error: ErrorObject): string {
  const own = error.parentSchema?.expected;
  if (typeof own === "string" && error.keyword !== "required" && error.keyword !== "additionalProperties") return own;
  switch (error.keyword) {
    case "required":
      return "a value (it is required)";
    case "additionalProperties": {
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      return `only the properties ${known.join(", ")}`;
    }
    case "enum":
      return `one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "type":
      return `a${/^[aeiou]/.test(String(error.params.type)) ? "n" : ""} ${error.params.type}`;
    case "minLength":
      return "a non-empty string";
    case "minItems":
      return `at least ${error.params.limit} item${error.params.limit === 1 ? "" : "s"}`;
    case "pattern":
      return `a string matching ${error.params.pattern}`;
    default:
      return `a value that ${error.message ?? `passes ${error.keyword}`}`;
  }
}


