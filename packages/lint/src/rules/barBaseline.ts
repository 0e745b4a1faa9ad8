import { message } from "@charts/errors";
import type { SceneAxis, SceneMark } from "@charts/render";
import { axisAlong, boundsOf, isContinuous, numericDomain, pixelOf, valueAt } from "../axes.ts";
import { dataMarks } from "@charts/render";
import { describeMark, describeMarks } from "../describeText.ts";
import type { Problem, Rule, LintVariant } from "../types.ts";

/** A bar may end this far (px) from zero: its outline, rounding. */
const TOLERANCE = 1;

/**
 * bar-baseline: bars and areas are read by their size from zero, so their
 * value axis must include zero, and every bar (every stack of bars) must
 * reach it: an axis from 2 to 8 with `zero: false`, bars drawn from 100 on
 * an index chart. The value axis is the continuous one across the bars'
 * band axis; with two continuous axes (bars over quantitative years), the
 * one along which the bars differ in length.
 */
export const barBaseline: Rule = {
  name: "bar-baseline",
  summary: "bars or areas whose value axis leaves out zero, bars that do not start at zero",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const problems: Problem[] = [];
    const marks = dataMarks(variant.scene);
    const byMark = new Map<string, SceneMark[]>();
    for (const mark of marks) if (mark.type === "rect" || mark.type === "area") byMark.set(mark.mark, [...(byMark.get(mark.mark) ?? []), mark]);
    for (const group of byMark.values()) {
      const vertical = group[0]!.type === "area" ? true : barsVertical(group, variant);
      if (vertical === undefined) continue;
      const axis = axisAlong(boundsOf(group), variant.scene.axes, vertical);
      const domain = axis && isContinuous(axis) ? numericDomain(axis) : undefined;
      if (!axis || !domain) continue;
      const [lo, hi] = [Math.min(...domain), Math.max(...domain)];
      if (lo > 0 || hi < 0) {
        problems.push({
          element: describeMarks(group),
          measured: `axis from ${format(domain[0])} to ${format(domain[1])}`,
          threshold: "an axis from zero",
          message: message.axisWithoutZero(describeMarks(group), format(domain[0]), format(domain[1])),
        });
        continue;
      }
      const zero = pixelOf(axis, 0);
      if (zero === undefined || group[0]!.type === "area") continue;
      for (const stack of stacks(group, vertical)) {
        const b = boundsOf(stack);
        const [from, to] = vertical ? [b.y1, b.y2] : [b.x1, b.x2];
        if (zero >= from - TOLERANCE && zero <= to + TOLERANCE) continue;
        const edge = Math.abs(from - zero) < Math.abs(to - zero) ? from : to;
        const start = valueAt(axis, edge);
        const bar = stack.length === 1 ? describeMark(stack[0]!) : describeMarks(stack);
        const written = start === undefined ? `${Math.round(Math.abs(edge - zero))} px from zero` : format(start);
        problems.push({
          element: bar,
          measured: `starts at ${written}`,
          threshold: "starts at 0",
          message: message.barOffZero(bar, written),
        });
      }
    }
    return problems;
  },
};

/**
 * Whether bars stand up (their value axis runs down the plot): across a band
 * axis, or, between two continuous axes, the way they differ in length.
 */
function barsVertical(bars: SceneMark[], variant: LintVariant): boolean | undefined {
  const bounds = boundsOf(bars);
  const across = axisAlong(bounds, variant.scene.axes, false);
  const down = axisAlong(bounds, variant.scene.axes, true);
  const band = (axis: SceneAxis | undefined) => axis !== undefined && !isContinuous(axis);
  if (band(across) && down && isContinuous(down)) return true;
  if (band(down) && across && isContinuous(across)) return false;
  if (!across || !down || band(across) || band(down)) return undefined;
  const same = (values: number[]) => Math.max(...values) - Math.min(...values) <= 0.5;
  const widths = bars.map((b) => b.x2 - b.x1);
  const heights = bars.map((b) => b.y2 - b.y1);
  if (bars.length > 1 && same(widths) !== same(heights)) return same(widths);
  return heights[0]! >= widths[0]!;
}

/** Bars that share a band (stacked), each stack once. */
function stacks(bars: SceneMark[], vertical: boolean): SceneMark[][] {
  const byBand = new Map<string, SceneMark[]>();
  for (const bar of bars) {
    const key = vertical ? `${Math.round(bar.x1)}:${Math.round(bar.x2)}` : `${Math.round(bar.y1)}:${Math.round(bar.y2)}`;
    byBand.set(key, [...(byBand.get(key) ?? []), bar]);
  }
  return [...byBand.values()];
}

function format(value: unknown): string {
  return typeof value === "number" ? String(+value.toPrecision(6)) : String(value);
}
