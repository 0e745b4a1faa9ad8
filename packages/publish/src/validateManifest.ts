// A manifest is trusted only as far as it matches manifest.schema.json: the
// schema published beside every manifest is the one checked here, so a
// release that reads back is one the CMS can read too.
import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { ChartsError, errorSegments, jsonPath, message, valueAt } from "@charts/errors";
import type { Manifest } from "./types.ts";

let validator: ValidateFunction | undefined;

/**
 * Returns `json` as a Manifest when it matches the schema; otherwise throws a
 * ChartsError naming the file and the JSON path of the first problem:
 *
 *   .../manifest.json, charts[0].hash: expected a value that must match pattern "^[0-9a-f]{12}$" but received "x" of type string
 */
export function validateManifest(json: unknown, file: string): Manifest {
  validator ??= compile();
  if (validator(json)) return json as Manifest;
  const error = validator.errors![0]!;
  const segments = errorSegments(error);
  throw new ChartsError(message.manifestInvalid(error.keyword, error.message, valueAt(json, segments)), {
    file,
    field: jsonPath(segments) || "(root)",
  });
}

function compile(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL("../manifest.schema.json", import.meta.url), "utf8"));
  const ajv = new Ajv2020({ strict: true });
  addFormats.default(ajv, ["date-time"]);
  return ajv.compile(schema);
}
