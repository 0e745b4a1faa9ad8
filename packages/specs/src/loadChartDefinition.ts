import { readFile, readdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { ChartsError, displayPath } from "@charts/errors";
import type { ChartDefinition, LoadedChart } from "./types.ts";
import { schemaError } from "./schemaError.ts";

/** File names of chart definitions in a folder. */
export const CHART_FILE = /\.chart\.json$/;

let validator: ValidateFunction | undefined;

/** The compiled chart.schema.json validator, built on first use. */
function definitionValidator(): ValidateFunction {
  if (!validator) {
    const schema = JSON.parse(readFileSync(new URL("../chart.schema.json", import.meta.url), "utf8"));
    const ajv = new Ajv({ verbose: true, discriminator: true, allowUnionTypes: true });
    ajv.addKeyword({ keyword: "expected", schemaType: "string" });
    validator = ajv.compile(schema);
  }
  return validator;
}

/**
 * Checks a parsed definition against chart.schema.json; throws a ChartsError
 * naming the file, the JSON path, what was expected and what was received.
 * @example validateDefinition(json, "charts/arms.chart.json")
 */
export function validateDefinition(json: unknown, file: string): ChartDefinition {
  const validate = definitionValidator();
  if (!validate(json)) throw schemaError(validate.errors ?? [], json, { file });
  return json as ChartDefinition;
}

/**
 * Reads and validates one chart definition (`charts/<slug>.chart.json`).
 * The slug must match the file name, so output files are found by name.
 */
export async function loadChartDefinition(file: string): Promise<LoadedChart> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ChartsError(`cannot read the chart definition: ${(error as Error).message}`, { file: shown }, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ChartsError(`expected JSON but the file does not parse: ${(error as Error).message}`, { file: shown }, { cause: error });
  }
  const definition = validateDefinition(json, shown);
  const base = file.split(/[\\/]/).at(-1)!.replace(CHART_FILE, "");
  if (base !== definition.slug) {
    throw new ChartsError(`expected the slug to match the file name ("${base}") but received "${definition.slug}"`, {
      file: shown,
      field: "slug",
    });
  }
  return { file, definition };
}

/**
 * Reads every `*.chart.json` in a folder, sorted by file name. Fails on the
 * first invalid file (a desk fixes one error at a time).
 */
export async function loadChartDefinitions(dir: string): Promise<LoadedChart[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new ChartsError(`cannot read the charts folder: ${(error as Error).message}`, { file: displayPath(dir) }, { cause: error });
  }
  const files = names.filter((name) => CHART_FILE.test(name)).sort();
  const charts: LoadedChart[] = [];
  for (const name of files) charts.push(await loadChartDefinition(join(dir, name)));
  return charts;
}

