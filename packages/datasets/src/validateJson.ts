import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { ChartsError, jsonPath, errorSegments, message, valueAt } from "@charts/errors";

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
export function validateJson<T>(schemaFile: SchemaFile, json: unknown, file: string): T {
  const problem = firstProblem(schemaFile, json, file);
  if (problem) throw problem.error;
  return json as T;
}

type SchemaFile = "dataset.schema.json" | "sources.schema.json";

/** The first place `json` breaks the schema, as the error validateJson throws and the path's segments. */
export function firstProblem(schemaFile: SchemaFile, json: unknown, file: string): { error: ChartsError; segments: Array<string | number> } | undefined {
  const validate = validatorFor(schemaFile);
  if (validate(json)) return undefined;
  const error = validate.errors?.[0];
  if (!error) return { error: new ChartsError(message.schemaMismatch(schemaFile), { file }), segments: [] };
  // A key that breaks propertyNames: ajv names it on the error; the key itself is what was received.
  const name = (error as ErrorObject & { propertyName?: string }).propertyName;
  const segments = name !== undefined && error.keyword !== "propertyNames" ? [...errorSegments(error), name] : errorSegments(error);
  const field = jsonPath(segments) || "(root)";
  const received = name !== undefined ? name : valueAt(json, segments);
  return { error: new ChartsError(message.invalid(expectedOf(error), received), { file, field }), segments };
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


