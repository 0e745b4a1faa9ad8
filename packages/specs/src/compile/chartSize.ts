import { frameOf, type Theme } from "@charts/theme";
import { baseEncoding, isDiscrete, isObject, markSpec, type Json } from "./plotShape.ts";

/** Room for the x axis below the rows of a horizontal bar chart, px. */
const AXIS = 48;

/**
 * Step 8: width and height of the graphic (autosize "fit": axes included,
 * header and footer not), in the theme's frame (themeAt). Width defaults to
 * the theme's. Height: for categories down the y axis, a row per category
 * (`frame.row`, taller on a narrow frame, where labels wrap); else
 * `frame.aspect` of the width, at most `frame.maxHeight` (square on a phone,
 * 9:16 in a column, 1:2 wide).
 */
export function chartSize(
  definition: { width?: number; height?: number; plot: Json },
  rows: Array<Record<string, unknown>>,
  theme: Theme,
): { width: number; height: number } {
  const width = definition.width ?? theme.defaultWidth;
  if (definition.height !== undefined) return { width, height: definition.height };
  const frame = frameOf({ ...theme, defaultWidth: width });
  const target = markSpec(definition.plot);
  const y = target ? baseEncoding(target).y : undefined;
  if (isObject(y) && isDiscrete(y) && typeof y.field === "string") {
    const domain = isObject(y.scale) && Array.isArray(y.scale.domain) ? y.scale.domain : undefined;
    const count = domain?.length ?? new Set(rows.map((row) => row[y.field as string])).size;
    return { width, height: Math.max(160, count * frame.row + AXIS) };
  }
  return { width, height: Math.min(frame.maxHeight, Math.round(width * frame.aspect)) };
}
