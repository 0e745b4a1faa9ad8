import type { Spec } from "vega";
import type { TopLevelSpec } from "vega-lite";
import { ChartsError, message } from "@charts/errors";
import { vegaModules } from "./loadVega.ts";

/** True for a Vega-Lite spec (by `$schema`, or by having no Vega `marks`). */
export function isVegaLite(spec: object): boolean {
  const schema = (spec as { $schema?: unknown }).$schema;
  if (typeof schema === "string") {
    if (schema.includes("/vega-lite/")) return true;
    if (schema.includes("/vega/")) return false;
  }
  return !("marks" in spec) && ["mark", "layer", "concat", "hconcat", "vconcat", "facet", "repeat"].some((key) => key in spec);
}

/**
 * Vega-Lite -> Vega, after setupRenderer(). Compile errors (an unknown
 * field type, a bad encoding) become ChartsErrors. Vega-Lite's warnings
 * ("Dropping fit-y because spec has discrete height") go to `warnings`, for
 * the caller's report, never straight to the console between a build's lines.
 *
 * @example compileVegaLite({ mark: "bar", data: { values }, encoding: { ... } })
 */
export function compileVegaLite(vl: TopLevelSpec, warnings: string[] = []): Spec {
  const { vegaLite } = vegaModules();
  const logger = {
    level: () => logger,
    warn: (...args: unknown[]) => (warnings.push(args.map(String).join(" ")), logger),
    info: () => logger,
    debug: () => logger,
    error: (...args: unknown[]) => (warnings.push(args.map(String).join(" ")), logger),
  };
  try {
    return vegaLite.compile(vl, { logger: logger as never }).spec as Spec;
  } catch (error) {
    throw new ChartsError(message.vegaLiteCompile((error as Error).message), {}, { cause: error });
  }
}
