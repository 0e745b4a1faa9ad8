import type { TopLevelSpec } from "vega-lite";
import { schemaError } from "../schemaError.ts";
import { vegaLiteValidator } from "../validators.ts";
import type { Json } from "./plotShape.ts";

/**
 * The top-level spec kind in the Vega-Lite schema, from the keys a spec has:
 * checking against the kind the spec claims to be (rather than the anyOf of
 * all kinds; vegaLiteValidator, compiled once and kept on disk) keeps the error
 * on the author's mistake, not on "layer is required".
 */
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

/** Plots found valid, by their JSON: a chart's light and dark variants (and widths without overrides) share one. */
const validPlots = new Set<string>();

/**
 * Step 2: the definition's plot is Vega-Lite (less data, title and config);
 * errors name its JSON path in the definition, e.g. `plot.encoding.y.type`.
 * A plot already found valid in this process is not checked again.
 */
export function validatePlot(plot: Json, file: string): void {
  const spec = { data: { values: [] }, ...plot };
  const key = JSON.stringify(spec);
  if (validPlots.has(key)) return;
  const validate = vegaLiteValidator(kindOf(spec));
  if (!validate(spec)) throw schemaError(validate.errors ?? [], spec, { file, prefix: ["plot"] });
  // bounded: a long-lived process (a worker of a large build) keeps the last few thousand
  if (validPlots.size > 5_000) validPlots.clear();
  validPlots.add(key);
}

/**
 * Step 9: the compiled chart is valid Vega-Lite. A failure here after
 * validatePlot passed is a bug in the compiler, so the path is that of the
 * compiled spec (`compiled.layer[2].mark`).
 */
export function validate(spec: Json, file: string): TopLevelSpec {
  const check = vegaLiteValidator(kindOf(spec));
  if (!check(spec)) throw schemaError(check.errors ?? [], spec, { file, prefix: ["compiled"] });
  return spec as unknown as TopLevelSpec;
}
