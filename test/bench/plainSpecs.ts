// The specs the plain loop and vega-cli render: every variant's compiled
// Vega-Lite exactly as the build published it (`<slug>.vl.json`,
// `<slug>-320-dark.vl.json`..., data inline: six outputs per chart),
// less what plain Vega cannot read: `usermeta` (the project's metadata,
// which Vega ignores anyway), the project's `house` number format
// (`formatType: "house"`, a Vega expression function registered by
// @charts/render), which becomes the nearest d3-format: "d" for years (2015),
// ",~f" for amounts (4,672), and category labels wrapped by render's
// `wrapLabel` expression function, which plain Vega draws unwrapped.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A chart and its outputs: one per variant, named by the variant's files (`chart-0001`, `chart-0001-320-dark`). */
export interface PlainChart {
  slug: string;
  outputs: string[];
}

/**
 * Writes `<output>.vl.json` for every variant of every chart the publish
 * folder's manifest lists (the variant's published Vega-Lite); returns the
 * charts with their outputs.
 */
export function writePlainSpecs(publishDir: string, specsDir: string): PlainChart[] {
  mkdirSync(specsDir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(publishDir, "manifest.json"), "utf8")) as {
    charts: Array<{ slug: string; variants: Array<{ vegaLite: { stable: string } }> }>;
  };
  return manifest.charts.map((chart) => {
    const outputs = chart.variants.map(({ vegaLite }) => {
      const spec = JSON.parse(readFileSync(join(publishDir, vegaLite.stable), "utf8")) as Record<string, unknown>;
      const output = vegaLite.stable.slice(0, -".vl.json".length);
      writeFileSync(join(specsDir, `${output}.vl.json`), `${JSON.stringify(plainSpec(spec))}\n`);
      return output;
    });
    return { slug: chart.slug, outputs };
  });
}

/** A published spec without usermeta, house formats replaced by d3 formats. */
export function plainSpec(spec: Record<string, unknown>): Record<string, unknown> {
  const { usermeta: _usermeta, ...rest } = spec;
  return withoutHouseFormat(rest) as Record<string, unknown>;
}

function withoutHouseFormat(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutHouseFormat);
  if (value === null || typeof value !== "object") return value;
  const object = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutHouseFormat(item)]));
  if (typeof object.labelExpr === "string" && object.labelExpr.startsWith("wrapLabel(")) delete object.labelExpr;
  if (object.formatType === "house") {
    const unit = (object.format as { unit?: string } | undefined)?.unit;
    delete object.formatType;
    object.format = unit === "year" ? "d" : ",~f";
  }
  return object;
}
