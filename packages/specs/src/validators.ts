// The JSON-schema validators of the specs stage, compiled once per process,
// and once per machine with a cache folder: ajv's standalone code for each is
// kept on disk under the hash of its schema, its options and ajv's version, so
// a process loads the Vega-Lite validators (about 8 MB of generated code, in
// well under a second) instead of compiling the 2 MB schema (about 2-3 s).
// Validators behave the same either way: the same code, with the same ajv
// runtime helpers, resolved from this package.
//
//   vegaLiteValidator(kind)  one top-level kind of Vega-Lite spec (TopLevelUnitSpec, TopLevelLayerSpec...)
//   definitionValidator()    chart.schema.json
//   useValidatorCache(dir)   where the generated code is kept; call before the first validation
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Ajv, type Options, type ValidateFunction } from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";

const require = createRequire(import.meta.url);

/** The top-level kinds of the Vega-Lite schema a spec can be. */
export const TOP_LEVEL_KINDS = [
  "TopLevelUnitSpec",
  "TopLevelLayerSpec",
  "TopLevelFacetSpec",
  "TopLevelRepeatSpec",
  "TopLevelConcatSpec",
  "TopLevelVConcatSpec",
  "TopLevelHConcatSpec",
] as const;

/** Where generated validator code is kept in a cache folder. */
const VALIDATORS = "validators";

let cacheDir: string | undefined;
let vegaLite: Record<string, ValidateFunction> | undefined;
let definition: ValidateFunction | undefined;

/** Keeps generated validator code in `dir/validators/` (undefined: compile in this process only). */
export function useValidatorCache(dir: string | undefined): void {
  cacheDir = dir;
}

/** The validator of one top-level kind of Vega-Lite spec, from the schema Vega-Lite ships. */
export function vegaLiteValidator(kind: string): ValidateFunction {
  vegaLite ??= validators(
    `vega-lite-${packageVersion("vega-lite")}`,
    () => readFileSync(require.resolve("vega-lite/vega-lite-schema.json"), "utf8"),
    { verbose: true, strict: false, allowUnionTypes: true, validateFormats: false },
    (ajv, schema) => {
      ajv.addSchema(schema as object, "vega-lite");
      return Object.fromEntries(TOP_LEVEL_KINDS.map((name) => [name, { $id: name, $ref: `vega-lite#/definitions/${name}` }]));
    },
  );
  const validate = vegaLite[kind];
  if (!validate) throw new Error(`no Vega-Lite validator for ${kind}`);
  return validate;
}

/** The validator of chart.schema.json (a custom `expected` keyword carries the wording of its errors). */
export function definitionValidator(): ValidateFunction {
  definition ??= validators(
    "chart-definition",
    () => readFileSync(new URL("../chart.schema.json", import.meta.url), "utf8"),
    { verbose: true, discriminator: true, allowUnionTypes: true },
    (ajv, schema) => {
      ajv.addKeyword({ keyword: "expected", schemaType: "string" });
      return { definition: schema as { $id: string } };
    },
  ).definition!;
  return definition;
}

/**
 * Named validators of `schemas` (name -> schema, after `setup` added what they
 * refer to): loaded from the cache folder when it holds the code of this
 * schema, these options and this ajv, else compiled here (and the code kept).
 * The schema's text is hashed as read and parsed only to compile: a process
 * whose validators are cached never parses the 2 MB Vega-Lite schema.
 */
function validators(
  label: string,
  read: () => string,
  options: Options,
  setup: (ajv: Ajv, schema: unknown) => Record<string, { $id: string }>,
): Record<string, ValidateFunction> {
  const text = read();
  const key = createHash("sha256")
    .update(JSON.stringify([text, options, packageVersion("ajv"), String(setup)]))
    .digest("hex")
    .slice(0, 16);
  const file = cacheDir ? join(cacheDir, VALIDATORS, `${label}-${key}.cjs`) : undefined;
  if (file) {
    try {
      return require(file) as Record<string, ValidateFunction>;
    } catch {
      // not there yet (or unreadable): compile, and keep the code below
    }
  }
  const ajv = new Ajv({ ...options, code: { source: true } });
  const schemas = setup(ajv, JSON.parse(text));
  const compiled = Object.fromEntries(Object.entries(schemas).map(([name, one]) => [name, ajv.compile(one)]));
  if (file) keep(file, ajv, Object.fromEntries(Object.entries(schemas).map(([name, one]) => [name, one.$id])));
  return compiled;
}

/** Writes the standalone code of the compiled schemas (export name -> schema $id), its ajv runtime helpers resolved from here; aside, then renamed. */
function keep(file: string, ajv: Ajv, ids: Record<string, string>): void {
  const code = standaloneCode.default(ajv, ids).replace(
    /require\("(ajv\/dist\/runtime\/[^"]+)"\)/g,
    (_, path: string) => `require(${JSON.stringify(require.resolve(path))})`,
  );
  try {
    mkdirSync(dirname(file), { recursive: true });
    const aside = `${file}.${process.pid}.tmp`;
    writeFileSync(aside, code);
    renameSync(aside, file);
  } catch {
    // a cache that cannot be written (a read-only folder) only costs the next process the compile
  }
}

function packageVersion(name: string): string {
  for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // look in the folder above
    }
  }
  return "unknown";
}
