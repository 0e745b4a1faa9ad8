import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { readJson } from "@charts/datasets";
import { ChartsError, displayPath, invalid, message, type Limits } from "@charts/errors";
import type { ChartDefinition, LoadedChart } from "./types.ts";
import { schemaError } from "./schemaError.ts";
import { definitionValidator } from "./validators.ts";

/** File names of chart definitions in a folder. */
export const CHART_FILE = /\.chart\.json$/;


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

export interface LoadDefinitionOptions {
  /** Paths in errors are shown relative to this folder (default: the working directory). */
  root?: string;
  /** File size and nesting allowed (default DEFAULT_LIMITS of @charts/errors). */
  limits?: Partial<Limits>;
  /**
   * For loadChartDefinitions: called with each definition that does not load
   * (and its file), which is then left out; without it the first one throws.
   * The build passes one, so a bad definition fails only its own chart.
   */
  onError?: (error: ChartsError, file: string) => void;
}

/**
 * Reads and validates one chart definition (`charts/<slug>.chart.json`)
 * through readJson: at most `limits.definitionBytes`, UTF-8, no key written
 * twice, no nesting deeper than `limits.jsonDepth`. The slug must match the
 * file name, so output files are found by name.
 */
export async function loadChartDefinition(file: string, options: LoadDefinitionOptions = {}): Promise<LoadedChart> {
  const shown = displayPath(file, options.root);
  const definition = validateDefinition(await readJson(file, shown, options.limits), shown);
  const base = slugOf(file);
  if (base !== definition.slug) throw invalid({ file: shown, field: "slug" }, message.expectedSlugOf(base), definition.slug);
  return { file, definition };
}

/** The slug a definition file's name gives: `charts/arms.chart.json` -> `arms`. */
export function slugOf(file: string): string {
  return file.split(/[\\/]/).at(-1)!.replace(CHART_FILE, "");
}

/**
 * Reads every `*.chart.json` in a folder, sorted by file name. Fails on the
 * first invalid file (a desk fixes one error at a time), or with
 * `options.onError` reports each there and reads the rest.
 */
export async function loadChartDefinitions(dir: string, options: LoadDefinitionOptions = {}): Promise<LoadedChart[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new ChartsError(message.unreadableFolder("charts", (error as Error).message), { file: displayPath(dir, options.root) }, { cause: error });
  }
  const files = names.filter((name) => CHART_FILE.test(name)).sort();
  const charts: LoadedChart[] = [];
  for (const name of files) {
    try {
      charts.push(await loadChartDefinition(join(dir, name), options));
    } catch (error) {
      if (!(error instanceof ChartsError) || !options.onError) throw error;
      options.onError(error, join(dir, name));
    }
  }
  return charts;
}
