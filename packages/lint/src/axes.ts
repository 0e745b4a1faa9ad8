// The axes of a variant as the rules read them: which labels belong to which
// axis, whether its scale is continuous, where a value is drawn on it.
import type { SceneAxis, SceneMark, TextBox } from "@charts/render";
import type { Box } from "@charts/render";

const CONTINUOUS = new Set(["linear", "log", "pow", "sqrt", "symlog", "time", "utc"]);

export function isContinuous(axis: SceneAxis): boolean {
  return CONTINUOUS.has(axis.scaleType);
}

/** Whether the axis runs down the plot (left or right) rather than across it. */
export function isVertical(axis: SceneAxis): boolean {
  return axis.orient === "left" || axis.orient === "right";
}

/** The axis labels drawn by `axis`: those whose centre lies within its bounds. */
export function labelsOf(axis: SceneAxis, boxes: TextBox[]): TextBox[] {
  return boxes.filter((box) => {
    if (box.role !== "axis-label") return false;
    const [cx, cy] = [(box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2];
    return cx >= axis.x1 - 0.5 && cx <= axis.x2 + 0.5 && cy >= axis.y1 - 0.5 && cy <= axis.y2 + 0.5;
  });
}

/**
 * The axis that measures `box` along one direction (down for `vertical`):
 * of the axes whose range spans the box, a left (bottom) one before a right
 * (top) one, as Vega-Lite gives the first layer the left axis, then the
 * nearest (the axis of the box's own panel in small multiples).
 */
export function axisAlong(box: Box, axes: SceneAxis[], vertical: boolean): SceneAxis | undefined {
  const spans = (axis: SceneAxis) => {
    const [lo, hi] = [Math.min(...axis.range), Math.max(...axis.range)];
    return vertical ? box.y1 < hi + 1 && box.y2 > lo - 1 : box.x1 < hi + 1 && box.x2 > lo - 1;
  };
  const secondary = (axis: SceneAxis) => (axis.orient === "right" || axis.orient === "top" ? 1 : 0);
  const distance = (axis: SceneAxis) => (vertical ? Math.min(Math.abs(axis.x2 - box.x1), Math.abs(axis.x1 - box.x2)) : Math.min(Math.abs(axis.y1 - box.y2), Math.abs(axis.y2 - box.y1)));
  return axes
    .filter((axis) => isVertical(axis) === vertical && spans(axis))
    .sort((a, b) => secondary(a) - secondary(b) || distance(a) - distance(b))[0];
}

/** A continuous axis's numeric domain [first, last], or undefined (time scales give dates). */
export function numericDomain(axis: SceneAxis): [number, number] | undefined {
  const [first, last] = [axis.domain[0], axis.domain[axis.domain.length - 1]];
  return typeof first === "number" && typeof last === "number" ? [first, last] : undefined;
}

/** Where `value` is drawn along the axis, px; undefined where the scale cannot say (a pow scale between its ends). */
export function pixelOf(axis: SceneAxis, value: number): number | undefined {
  const domain = numericDomain(axis);
  if (!domain) return undefined;
  const [d0, d1] = domain;
  const [r0, r1] = axis.range;
  if (value === d0) return r0;
  if (value === d1) return r1;
  if (axis.scaleType === "linear") return r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
  if (axis.scaleType === "log" && value > 0 && d0 > 0 && d1 > 0) return r0 + ((Math.log(value) - Math.log(d0)) / (Math.log(d1) - Math.log(d0))) * (r1 - r0);
  return undefined;
}

/** The value drawn at `pixel` along a linear axis. */
export function valueAt(axis: SceneAxis, pixel: number): number | undefined {
  const domain = numericDomain(axis);
  if (!domain || axis.scaleType !== "linear") return undefined;
  const [d0, d1] = domain;
  const [r0, r1] = axis.range;
  return d0 + ((pixel - r0) / (r1 - r0)) * (d1 - d0);
}

/** The marks' bounds together. */
export function boundsOf(marks: SceneMark[]): Box {
  return {
    x1: Math.min(...marks.map((m) => m.x1)),
    y1: Math.min(...marks.map((m) => m.y1)),
    x2: Math.max(...marks.map((m) => m.x2)),
    y2: Math.max(...marks.map((m) => m.y2)),
  };
}
