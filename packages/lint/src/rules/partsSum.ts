import { unitOf, type Dataset, type Row } from "@charts/datasets";
import { message } from "@charts/errors";
import type { SceneMark } from "@charts/render";
import { dataMarks } from "@charts/render";
import { describeMarks } from "../describeText.ts";
import { overlap } from "@charts/render";
import type { LintContext, Problem, Rule } from "../types.ts";

/** A row that is the whole of others: its label reads "Total", "All", "Overall"... in a house language. */
const TOTAL = /^(total|all|overall|sum|whole|ensemble|tổng|gesamt|insgesamt|summe)\b/i;

/**
 * parts-sum: the slices of a pie, or the bars of a stack, must add up to
 * their whole when the data says what the whole is:
 * - a row the chart draws or cites labelled as the total ("Total", "All",
 *   "Overall"...) with the parts' value column, agreeing with the parts on
 *   every field they share (the year of the stack);
 * - else, parts in `%`: 100.
 * Parts are Vega-Lite's stacks (`value_start`, `value_end`); the sum may miss
 * the whole by the rounding of the figures as written (half a unit of the
 * last digit of each).
 */
export const partsSum: Rule = {
  name: "parts-sum",
  summary: "a pie or stack whose parts do not add up to the whole the data gives",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant, context) {
    const problems: Problem[] = [];
    for (const { field, parts } of stacksOf(dataMarks(variant.scene).filter((m) => m.type === "rect" || m.type === "arc"))) {
      const whole = wholeOf(parts, field, context);
      if (!whole) continue;
      const values = parts.map((part) => part.datum![field] as number);
      const sum = values.reduce((a, b) => a + b, 0);
      const tolerance = [...values, whole.value].reduce((t, v) => t + halfUnit(v), 0) + 1e-9;
      if (Math.abs(sum - whole.value) <= tolerance) continue;
      const element = describeMarks(parts);
      problems.push({
        element,
        measured: `sum ${+sum.toFixed(6)}`,
        threshold: `${whole.value} (${whole.from}) ±${+tolerance.toFixed(6)}`,
        message: message.partsDoNotSum(element, sum, whole.value, whole.from, tolerance),
      });
    }
    return problems;
  },
};

/** The stacks of data marks: parts chained from zero along one band (bars) or in one pie (slices). */
function stacksOf(marks: SceneMark[]): Array<{ field: string; parts: SceneMark[] }> {
  const stacked = marks.flatMap((mark) => {
    const field = stackField(mark.datum);
    return field ? [{ mark, field }] : [];
  });
  const groups = new Map<string, SceneMark[]>();
  for (const { mark, field } of stacked) {
    // bars of a stack share their band; a pie's slices overlap in bounds, another pie's do not
    const band = mark.type === "arc" ? pieOf(mark, stacked.map((s) => s.mark)) : bandOf(mark, stacked.map((s) => s.mark));
    const key = `${mark.mark}|${field}|${band}`;
    groups.set(key, [...(groups.get(key) ?? []), mark]);
  }
  return [...groups.entries()].filter(([, parts]) => parts.length > 1).map(([key, parts]) => ({ field: key.split("|")[1]!, parts }));
}

/** The field a Vega-Lite stack drew: the datum has `<field>_start` and `<field>_end`. */
function stackField(datum: Record<string, unknown> | undefined): string | undefined {
  if (!datum) return undefined;
  return Object.keys(datum).find((key) => typeof datum[key] === "number" && `${key}_start` in datum && `${key}_end` in datum);
}

/** A bar's band: the x extent it shares with the bars stacked on it, or its y extent in a horizontal stack. */
function bandOf(bar: SceneMark, bars: SceneMark[]): string {
  const vertical = bars.some((other) => other !== bar && Math.abs(other.x1 - bar.x1) < 0.5 && Math.abs(other.x2 - bar.x2) < 0.5 && (Math.abs(other.y2 - bar.y1) < 1 || Math.abs(other.y1 - bar.y2) < 1));
  return vertical ? `x${Math.round(bar.x1)}:${Math.round(bar.x2)}` : `y${Math.round(bar.y1)}:${Math.round(bar.y2)}`;
}

/** A slice's pie: the first slice of the same mark whose bounds it meets, transitively (the pie's first slice names it). */
function pieOf(slice: SceneMark, slices: SceneMark[]): string {
  const pie = new Set([slice]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const other of slices) {
      if (other.mark !== slice.mark || pie.has(other) || ![...pie].some((s) => overlap(s, other))) continue;
      pie.add(other);
      grew = true;
    }
  }
  return String(Math.min(...[...pie].map((s) => slices.indexOf(s))));
}

/** The whole the data gives for these parts: a total row, or 100 for percentages. */
function wholeOf(parts: SceneMark[], field: string, context: LintContext): { value: number; from: string } | undefined {
  const datums = parts.map((part) => part.datum!);
  const datasets: Dataset[] = [context.drawn, ...context.cited];
  for (const dataset of datasets) {
    if (!dataset.meta.columns.some((c) => c.name === field)) continue;
    const total = dataset.rows.find((row) => isTotalOf(row, datums, field));
    if (total) {
      const label = Object.values(total.values).find((v) => typeof v === "string" && TOTAL.test(v));
      return { value: total.values[field] as number, from: `row ${total.row} of ${dataset.name}, "${label}"` };
    }
  }
  const column = context.drawn.meta.columns.find((c) => c.name === field);
  const percent = column && datums.every((datum) => unitOf(context.drawn, column, { row: 0, values: datum as Row["values"], provenance: { source: "", figure: "", status: "stated" } }) === "%");
  return percent ? { value: 100, from: "parts in %" } : undefined;
}

/** Whether `row` is labelled a total and agrees with the parts on every field they all share. */
function isTotalOf(row: Row, datums: Array<Record<string, unknown>>, field: string): boolean {
  if (typeof row.values[field] !== "number") return false;
  if (!Object.values(row.values).some((v) => typeof v === "string" && TOTAL.test(v))) return false;
  return Object.entries(row.values).every(([key, value]) => {
    if (key === field || !datums.every((d) => key in d)) return true;
    const shared = datums.every((d) => d[key] === datums[0]![key]);
    return !shared || datums[0]![key] === value;
  });
}

/** Half a unit of the last digit `value` is written with: its rounding. */
function halfUnit(value: number): number {
  const decimals = (String(value).split(".")[1] ?? "").length;
  return 0.5 * 10 ** -decimals;
}
