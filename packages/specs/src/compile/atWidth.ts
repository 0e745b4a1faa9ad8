import type { Dataset } from "@charts/datasets";
import { themeAt, type Theme } from "@charts/theme";
import type { ChartDefinition, CompileOptions } from "../types.ts";
import { barsAcross } from "./barsAcross.ts";
import { draftAlt } from "./draftAlt.ts";
import { mergeOverride } from "./mergeOverride.ts";
import { scaleToWidth } from "./scaleToWidth.ts";
import { themeColors } from "./themeColors.ts";

/** A definition as drawn at one width, in one theme. */
export interface AtWidth {
  /** With its alt text (written or drafted) and `width` set; no `at`, no `breakpoints`. */
  definition: ChartDefinition & { alt: string; width: number };
  /** The theme in the frame of this width (themeAt). */
  theme: Theme;
  width: number;
  /** Whether the alt text was drafted (draftAlt). */
  drafted: boolean;
}

/** The widths a chart is drawn at: its own `width` alone, its `breakpoints`, else the desk's; narrowest first. */
export function breakpointsOf(definition: Pick<ChartDefinition, "width" | "breakpoints">, desk: readonly number[]): number[] {
  const widths = definition.width !== undefined ? [definition.width] : (definition.breakpoints ?? desk);
  return [...new Set(widths)].sort((a, b) => a - b);
}

/**
 * Step 1b: the definition at `options.width` (default: its own width, else
 * the theme's), in `options.theme`:
 *
 *   1. alt text: the definition's, else drafted from the base definition and
 *      the rows drawn (draftAlt), the same at every width
 *   2. scaleToWidth   px sizes of marks scale from the theme's default width
 *   3. mergeOverride  the `at[width]` override merged in (its sizes as written)
 *   4. barsAcross     nominal vertical bars turn horizontal on a phone frame
 *   5. themeColors    colours the plot writes, adapted to a dark page
 */
export function atWidth(definition: ChartDefinition, dataset: Dataset, options: CompileOptions): AtWidth {
  const { file, theme: base } = options;
  const width = options.width ?? definition.width ?? base.defaultWidth;
  // the widths `at` may name: the chart's own, else the desk's; unknown when the caller gives neither
  const known = definition.width !== undefined || definition.breakpoints !== undefined || options.breakpoints !== undefined;
  const breakpoints = known ? breakpointsOf(definition, options.breakpoints ?? []) : undefined;
  const drafted = definition.alt === undefined;
  const alt = definition.alt ?? draftAlt(definition, dataset, file);
  const theme = themeAt(base, width);
  let at = scaleToWidth(definition, width, base.defaultWidth);
  at = mergeOverride(at, width, breakpoints, file);
  at = barsAcross(at, theme);
  at = themeColors(at, theme);
  return { definition: { ...at, alt, width }, theme, width, drafted };
}
