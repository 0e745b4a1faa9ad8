import type { Theme } from "@charts/theme";
import { baseEncoding, isDiscrete, isObject, markSpec, type Json } from "./plotShape.ts";

/** Height per category of a horizontal bar chart, px. */
const ROW = 32;

/**
 * Step 8: width and height of the graphic (autosize "fit": axes included,
 * header and footer not). Width defaults to the theme's; height to 9:16 of
 * the width, or for categories down the y axis, a row per category.
 */
export function chartSize(
  definition: { width?: number; height?: number; plot: Json },
  rows: Array<Record<string, unknown>>,
  theme: Theme,
): { width: number; height: number } {
  const width = definition.width ?? theme.defaultWidth;
  if (definition.height !== undefined) return { width, height: definition.height };
  const target = markSpec(definition.plot);
  const y = target ? baseEncoding(target).y : undefined;
  if (isObject(y) && isDiscrete(y) && typeof y.field === "string") {
    const domain = isObject(y.scale) && Array.isArray(y.scale.domain) ? y.scale.domain : undefined;
    const count = domain?.length ?? new Set(rows.map((row) => row[y.field as string])).size;
    return { width, height: Math.max(160, count * ROW + 48) };
  }
  return { width, height: Math.round((width * 9) / 16) };
}
