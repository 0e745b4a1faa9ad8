import { message } from "@charts/errors";
import type { SceneMark } from "@charts/render";
import { STATUS_FIELD } from "@charts/specs";
import { colorDistance, type Deficiency } from "@charts/theme";
import { hexOf } from "../backdropOf.ts";
import { dataMarks } from "@charts/render";
import type { Problem, Rule } from "../types.ts";

const VISIONS: Deficiency[] = ["deuteranopia", "protanopia", "tritanopia"];

/** Vega-Lite's names for the scales that colour marks. */
const COLOUR_SCALES = new Set(["color", "fill", "stroke"]);

/**
 * color-vision: the colours actually drawn for different categories (a colour
 * scale's categories, the highlight against the context), as readers with
 * deuteranopia, protanopia or tritanopia see them (Machado et al. 2009,
 * complete), must stay `min` apart in CIEDE2000. A category is a colour of
 * the data marks (a derived bar is its category's colour, lighter); a
 * continuous colour scale draws no categories and is not checked.
 */
export const colorVision: Rule = {
  name: "color-vision",
  summary: "category colours readers with a colour-vision deficiency cannot tell apart",
  severity: "error",
  options: { min: 10 },
  scope: "variant",
  check(variant, _context, { min }) {
    if (variant.scene.scales.some((scale) => COLOUR_SCALES.has(scale.name) && scale.type !== "ordinal")) return [];
    const page = hexOf(variant.scene.background);
    const categories = new Map<string, SceneMark[]>();
    for (const mark of dataMarks(variant.scene)) {
      const fill = hexOf(mark.fill);
      const colour = fill && fill !== page ? fill : hexOf(mark.stroke);
      if (!colour) continue;
      categories.set(colour, [...(categories.get(colour) ?? []), mark]);
    }
    const colours = [...categories.keys()];
    const field = categoryField([...categories.values()]);
    const problems: Problem[] = [];
    for (let i = 0; i < colours.length; i++) {
      for (let j = i + 1; j < colours.length; j++) {
        const [a, b] = [colours[i]!, colours[j]!];
        const [vision, distance] = VISIONS.map((v): [Deficiency, number] => [v, colorDistance(a, b, v)]).sort((x, y) => x[1] - y[1])[0]!;
        if (distance >= min!) continue;
        const named = (colour: string) => `${colour}${namesOf(categories.get(colour)!, field)}`;
        problems.push({
          element: `${named(a)} and ${named(b)}`,
          measured: `${distance.toFixed(1)} (${vision})`,
          threshold: `≥ ${min}`,
          message: message.coloursConfused(named(a), named(b), vision, distance, min!),
        });
      }
    }
    return problems;
  },
};

/** The string field whose values tell the colours apart (no value under two colours): the category's name. */
function categoryField(groups: SceneMark[][]): string | undefined {
  const keys = new Set(groups.flat().flatMap((mark) => Object.keys(mark.datum ?? {}).filter((key) => key !== STATUS_FIELD && typeof mark.datum![key] === "string")));
  return [...keys].find((key) => {
    const owner = new Map<unknown, number>();
    return groups.every((marks, i) => marks.every((mark) => owner.get(mark.datum?.[key]) === undefined || owner.get(mark.datum?.[key]) === i ? (owner.set(mark.datum?.[key], i), true) : false));
  });
}

/** The categories a colour draws: ` (Russia)`. */
function namesOf(marks: SceneMark[], field: string | undefined): string {
  if (!field) return "";
  const names = [...new Set(marks.map((mark) => mark.datum?.[field]).filter((value) => typeof value === "string"))];
  return names.length ? ` (${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""})` : "";
}
