// Vega writes an aria-label for each axis ("X-axis for a linear scale with
// values from 2,013 to 2,023") with d3's default number format, because the
// house format of its labels is an expression Vega-Lite compiled away
// (`formatType: "house"`): years get thousands separators and money loses
// its unit ("0 to 1,000" for "$0 to $1bn"). This keeps Vega's wording and
// writes the values with the house format the axis labels use, found in the
// axis's label text signal, so whatever unit the axis has (years, money, %,
// dates the house format learns), the description reads as the axis does.
// Axes formatted otherwise keep Vega's own description, and axes the spec
// describes itself (the compiler's year and date axes, in the chart's
// language: "X-axis: years from 2013 to 2023") keep theirs.
import type { Spec } from "vega";
import type { ValueFormat } from "@charts/theme";
import { formatValue } from "@charts/theme";
import type { SceneItem } from "./readScene.ts";

/** `house(datum.value, {...})` as Vega-Lite compiles `formatType: "house"`; group 1 is the format. */
const HOUSE_LABEL = /\bhouse\(datum\.value, (\{[^{}]*\})\)/;

interface VegaAxis {
  scale?: string;
  description?: unknown;
  orient?: string;
  encode?: { labels?: { update?: { text?: { signal?: string } } } };
}

/** The house format of each axis's labels in a Vega spec, by `scale|orient`. */
export function axisFormats(spec: Spec): Map<string, ValueFormat> {
  const formats = new Map<string, ValueFormat>();
  const visit = (node: { axes?: unknown[]; marks?: unknown[] }) => {
    for (const axis of (node.axes ?? []) as VegaAxis[]) {
      const match = HOUSE_LABEL.exec(axis.encode?.labels?.update?.text?.signal ?? "");
      if (match && axis.scale && axis.orient && axis.description === undefined) formats.set(`${axis.scale}|${axis.orient}`, JSON.parse(match[1]!) as ValueFormat);
    }
    for (const mark of (node.marks ?? []) as Array<{ type?: string }>) if (mark.type === "group") visit(mark as never);
  };
  visit(spec as never);
  return formats;
}

/**
 * Sets the description of every house-formatted axis in a view that has run,
 * before it is written to SVG: Vega's words, the house format's values. A
 * continuous axis is described by the first and last values it labels (Vega
 * pads a bar chart's domain, 2012.8 to 2023.2), a discrete one by its
 * categories.
 *
 *   X-axis for a linear scale with values from 2014 to 2022
 *   Y-axis for a linear scale with values from $0 to $1bn
 *   X-axis for a discrete scale with 3 values: 2021, 2022, 2023
 */
export function describeAxes(root: SceneItem, formats: Map<string, ValueFormat>, locale: string | undefined): void {
  const visit = (mark: SceneItem) => {
    for (const item of mark.items ?? []) {
      if (mark.marktype === "group" && mark.role === "axis") {
        const format = formats.get(`${item.datum?.scale}|${item.orient ?? item.datum?.orient}`);
        const scale = item.context?.scales[String(item.datum?.scale)]?.value;
        if (format && scale) mark.description = caption(item, scale, { ...format, ...(format.locale ? {} : locale ? { locale } : {}) });
      }
      for (const child of item.items ?? []) visit(child);
    }
  };
  visit(root);
}

function caption(item: SceneItem, scale: { type: string; domain(): unknown[] }, format: ValueFormat): string {
  const orient = item.orient ?? item.datum?.orient;
  const xy = orient === "left" || orient === "right" ? "Y" : "X";
  const title = item.datum?.title ? titleOf(item) : undefined;
  const write = (value: unknown) => (typeof value === "number" ? formatValue(value, format) : String(value));
  const domain = scale.domain();
  const discrete = ["band", "point", "ordinal"].includes(scale.type);
  let values: string;
  const ticks = labelled(item).filter((value): value is number => typeof value === "number" || (value as unknown) instanceof Date).map(Number);
  if (!discrete && ticks.length) {
    // the values the axis labels, not a domain Vega padded for bars (2012.8 to 2023.2)
    values = `values from ${write(Math.min(...ticks))} to ${write(Math.max(...ticks))}`;
  } else if (discrete) {
    // as Vega's domainCaption: up to 7 listed, else the first five and the last
    const shown = domain.length > 7 ? `${domain.slice(0, 5).map(write).join(", ")}, ending with ${write(domain.at(-1))}` : domain.map(write).join(", ");
    values = `${domain.length} value${domain.length === 1 ? "" : "s"}: ${shown}`;
  } else {
    values = `values from ${write(domain[0])} to ${write(domain.at(-1))}`;
  }
  return `${xy}-axis${title ? ` titled '${title}'` : ""} for a ${discrete ? "discrete" : scale.type} scale with ${values}`;
}

/** The values of the labels an axis group item draws (not those hidden for overlap). */
function labelled(item: SceneItem): unknown[] {
  const labels = (item.items ?? []).find((mark) => mark.role === "axis-label");
  return (labels?.items ?? []).filter((label) => label.opacity !== 0).map((label) => label.datum?.value);
}

/** The drawn title of an axis group item (its last child mark), as Vega's caption reads it. */
function titleOf(item: SceneItem): string | undefined {
  const text = item.items?.at(-1)?.items?.[0]?.text;
  if (text === undefined || text === null) return undefined;
  return Array.isArray(text) ? text.join(" ") : String(text);
}
