import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import type { TopLevelSpec } from "vega-lite";
import { schemaError } from "../schemaError.ts";
import type { Json } from "./plotShape.ts";

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

/** The top-level spec kind in the Vega-Lite schema, from the keys a spec has. */
function kindOf(spec: Json): string {
  for (const [key, kind] of [
    ["layer", "TopLevelLayerSpec"],
    ["facet", "TopLevelFacetSpec"],
    ["repeat", "TopLevelRepeatSpec"],
    ["concat", "TopLevelConcatSpec"],
    ["vconcat", "TopLevelVConcatSpec"],
    ["hconcat", "TopLevelHConcatSpec"],
  ] as const) {
    if (key in spec) return kind;
  }
  return "TopLevelUnitSpec";
}

/**
 * A validator for one kind of top-level spec, from the schema Vega-Lite
 * ships. The schema is 2 MB: it is compiled on first use and kept. Checking
 * against the kind the spec claims to be (rather than the anyOf of all kinds)
 * keeps the error on the author's mistake, not on "layer is required".
 */
function validatorFor(kind: string): ValidateFunction {
  let validate = validators.get(kind);
  if (!validate) {
    if (!ajv) {
      const require = createRequire(import.meta.url);
      const schema = JSON.parse(readFileSync(require.resolve("vega-lite/vega-lite-schema.json"), "utf8"));
      ajv = new Ajv({ verbose: true, strict: false, allowUnionTypes: true, validateFormats: false });
      ajv.addSchema(schema, "vega-lite");
    }
    validate = ajv.compile({ $ref: `vega-lite#/definitions/${kind}` });
    validators.set(kind, validate);
  }
  return validate;
}

/**
 * Step 2: the definition's plot is Vega-Lite (less data, title and config);
 * errors name its JSON path in the definition, e.g. `plot.encoding.y.type`.
 */
export function validatePlot(plot: Json, file: string): void {
  const spec = { data: { values: [] }, ...plot };
  const validate = validatorFor(kindOf(spec));
  if (!validate(spec)) throw schemaError(validate.errors ?? [], spec, { file, prefix: ["plot"] });
}

/**
 * Step 9: the compiled chart is valid Vega-Lite. A failure here after
 * validatePlot passed is a bug in the compiler, so the path is that of the
 * compiled spec (`compiled.layer[2].mark`).
 */
export function validate(spec: Json, file: string): TopLevelSpec {
  const check = validatorFor(kindOf(spec));
  if (!check(spec)) throw schemaError(check.errors ?? [], spec, { file, prefix: ["compiled"] });
  return spec as unknown as TopLevelSpec;
}
