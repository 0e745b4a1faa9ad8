// A font family is the one string of a chart's style that Vega writes into the
// SVG as it is (font-family="..."), and the house style bundles one family:
// anything else would be drawn in a fallback font, measured wrong, or, with a
// quote in it, break out of the attribute. So every family a spec names is
// checked before rendering, where the JSON path is still known.
import { ChartsError, jsonPath, message, type Where } from "@charts/errors";
import { houseFamily } from "./fontFaces.ts";

/** Keys that hold a CSS font family in Vega and Vega-Lite specs and configs: font, labelFont, titleFont, ... */
const FONT_KEY = /^(?:font|[a-z][A-Za-z]*Font)$/;
/** Subtrees that hold data rows or metadata, not style: a column may well be called `font`. */
const DATA_KEYS = new Set(["data", "datasets", "values", "usermeta"]);

/** True when every family in a CSS family list is the bundled family or the generic sans-serif (drawn in it). */
export function isBundledFamily(list: string): boolean {
  const families = list.split(",").map((family) => family.trim().replace(/^(['"])(.*)\1$/, "$2").trim());
  return families.every((family) => family.toLowerCase() === houseFamily.toLowerCase() || family.toLowerCase() === "sans-serif");
}

/**
 * Throws a ChartsError naming the JSON path and the family received for the
 * first font family in `spec` (a Vega or Vega-Lite spec, its config, a chart
 * definition's plot) that is not bundled: `font`, `labelFont`, `titleFont`...
 * as a string, a Vega `{value}` or a list of `{test, value}` rules. Families
 * computed by a signal are checked in the rendered SVG instead.
 *
 * @example assertFontFamilies(spec, { file: "chart.vl.json" }) // "config.axis.labelFont: expected the bundled font family ..."
 */
export function assertFontFamilies(spec: unknown, where: Where = {}, prefix: Array<string | number> = []): void {
  const check = (value: unknown, path: Array<string | number>): void => {
    if (typeof value === "string") {
      if (!isBundledFamily(value)) throw new ChartsError(message.fontFamily(value, houseFamily), { ...where, field: jsonPath(path) });
    } else if (Array.isArray(value)) {
      value.forEach((rule, i) => check(rule, [...path, i]));
    } else if (value && typeof value === "object" && "value" in value) {
      check((value as { value: unknown }).value, [...path, "value"]);
    } else if (value !== undefined && value !== null && !(typeof value === "object" && ["signal", "expr", "field", "scale"].some((key) => key in value))) {
      throw new ChartsError(message.fontFamily(value, houseFamily), { ...where, field: jsonPath(path) });
    }
  };
  const visit = (node: unknown, path: Array<string | number>): void => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, [...path, i]));
    else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        if (FONT_KEY.test(key)) check(child, [...path, key]);
        else if (!DATA_KEYS.has(key)) visit(child, [...path, key]);
      }
    }
  };
  visit(spec, prefix);
}
