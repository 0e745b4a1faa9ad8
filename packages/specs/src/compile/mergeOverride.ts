import { ChartsError, invalid, jsonPath, message, valueAt } from "@charts/errors";
import type { ChartDefinition } from "../types.ts";
import { isObject } from "./plotShape.ts";

/**
 * The merge rule of `at` overrides: objects merge key by key, recursively;
 * anything else (an array, a string, a number, a boolean, null) replaces what
 * was there. Like JSON Merge Patch (RFC 7396), except that null is a value, as
 * Vega-Lite uses it (`"title": null`), not a deletion. So `annotations` and
 * `plot.layer` are replaced whole, and `{"plot": {"mark": {"width": 16}}}`
 * changes only the width of a mark written as an object.
 *
 * @example deepMerge({ mark: { type: "bar", width: 30 } }, { mark: { width: 16 } }) // { mark: { type: "bar", width: 16 } }
 */
export function deepMerge(target: unknown, override: unknown): unknown {
  if (!isObject(override) || !isObject(target)) return structuredClone(override);
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(override)) merged[key] = deepMerge(target[key], value);
  return merged;
}

/**
 * The definition at `width`: its `at[width]` override merged in (deepMerge),
 * `at` and `breakpoints` gone. The chart must be drawn at every width `at`
 * names: when the `breakpoints` are known, an override for another width is
 * an error naming `at[<width>]`.
 */
export function mergeOverride(definition: ChartDefinition, width: number, breakpoints: readonly number[] | undefined, file: string): ChartDefinition {
  const { at, breakpoints: _own, ...rest } = definition;
  for (const key of Object.keys(at ?? {})) {
    if (breakpoints && !breakpoints.includes(Number(key))) throw invalid({ file, field: atPath(key) }, message.expectedBreakpoint(breakpoints), Number(key));
  }
  const override = at?.[String(width)];
  return override ? (deepMerge(rest, override) as ChartDefinition) : rest;
}

/**
 * An error about a place an override at `width` wrote, named there
 * (`at[320].plot.mark.width`) rather than in the merged definition
 * (`plot.mark.width`), where the desk would not find it.
 */
export function placeInOverride(error: unknown, definition: ChartDefinition, width: number): unknown {
  const override = definition.at?.[String(width)];
  if (!override || !(error instanceof ChartsError) || !error.where.field || error.where.file === undefined) return error;
  const segments = pathSegments(error.where.field);
  if (!segments.length || valueAt(override, segments) === undefined) return error;
  const own = error.message.slice(new ChartsError("", error.where).message.length);
  return new ChartsError(own, { ...error.where, field: `${atPath(String(width))}.${error.where.field}` }, { cause: error });
}

/** `at[320]`, as the schema's errors name the override of a width (jsonPath). */
function atPath(key: string): string {
  return jsonPath(["at", /^\d+$/.test(key) ? Number(key) : key]);
}

/** `plot.layer[0].mark` -> ["plot", "layer", 0, "mark"] (the inverse of jsonPath). */
function pathSegments(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  for (const match of path.matchAll(/\.?([A-Za-z_$][\w$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)) {
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]!) as string);
  }
  return segments;
}
