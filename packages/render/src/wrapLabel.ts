import { wrapText, type FontSpec } from "@charts/fonts";

/**
 * The `wrapLabel(text, maxWidth, fontSize, fontWeight)` Vega expression
 * function behind the wrapped category labels of @charts/specs' fitAxes:
 * the label broken at spaces into lines of the house font at most `maxWidth`
 * px wide (exact metrics, as Vega lays the axis out with), one string when it
 * fits on one line. A word wider than `maxWidth` keeps its own line, whole.
 *
 * @example wrapLabel("European Union", 84, 13, 400) // ["European", "Union"]
 */
export function wrapLabel(text: unknown, maxWidth: unknown, fontSize: unknown, fontWeight: unknown): string | string[] {
  const font = { size: Number(fontSize), weight: Number(fontWeight) } as FontSpec;
  const lines = wrapText(text === null || text === undefined ? "" : String(text), font, Number(maxWidth));
  return lines.length > 1 ? lines : (lines[0] ?? "");
}
