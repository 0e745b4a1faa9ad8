import { themeColor, type Theme } from "@charts/theme";
import type { ChartDefinition } from "../types.ts";
import { isObject, type Json } from "./plotShape.ts";

/**
 * Colours the plot writes (`#rrggbb`, `#rgb`, for the light page) as the
 * theme draws them: in a theme derived for another page (dark), adapted like
 * the theme's own colours (themeColor); named colours are left as written.
 */
export function themeColors(definition: ChartDefinition, theme: Theme): ChartDefinition {
  if (!theme.derivedFrom) return definition;
  const recolor = (value: unknown): unknown => {
    if (typeof value === "string") return /^#(?:[0-9a-f]{3}){1,2}$/i.test(value) ? themeColor(theme, value) : value;
    if (Array.isArray(value)) return value.map(recolor);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, recolor(v)]));
    return value;
  };
  return { ...definition, plot: recolor(definition.plot) as Json };
}
