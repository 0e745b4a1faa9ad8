// Geometry of boxes in the chart's px (y down), with the half pixel of
// antialiasing every check allows (unfitAnnotations here, the linter after
// it): an overlap thinner than SLACK is not one.

/** Overlaps thinner than this (px) are antialiasing, not a clash (unfitAnnotations and the linter count them so). */
export const SLACK = 0.5;

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * How much two boxes overlap, or undefined when they do not (by more than SLACK each way).
 * @example overlap({x1: 0, y1: 0, x2: 10, y2: 10}, {x1: 8, y1: 5, x2: 20, y2: 20}) // {width: 2, height: 5}
 */
export function overlap(a: Box, b: Box): { width: number; height: number } | undefined {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  return width > SLACK && height > SLACK ? { width, height } : undefined;
}

/** Whether `inner` lies within `outer`, SLACK allowed. */
export function inside(inner: Box, outer: Box): boolean {
  return inner.x1 >= outer.x1 - SLACK && inner.y1 >= outer.y1 - SLACK && inner.x2 <= outer.x2 + SLACK && inner.y2 <= outer.y2 + SLACK;
}

/**
 * How much a text box overlaps a bar across the bar's edge (hiding its end),
 * or undefined when it is clear of the bar or wholly inside it (a label in a bar).
 */
export function acrossEdge(box: Box, bar: Box): { width: number; height: number } | undefined {
  return inside(box, bar) ? undefined : overlap(box, bar);
}

/**
 * The part of a polyline inside a box shrunk by SLACK (Liang-Barsky clipping
 * of each segment): its extent across and down, or undefined when the line
 * does not enter the box.
 */
export function lineThrough(box: Box, points: Array<[number, number]>): { width: number; height: number } | undefined {
  const inner = { x1: box.x1 + SLACK, y1: box.y1 + SLACK, x2: box.x2 - SLACK, y2: box.y2 - SLACK };
  if (inner.x2 <= inner.x1 || inner.y2 <= inner.y1) return undefined;
  let hit: Box | undefined;
  for (let i = 1; i < points.length; i++) {
    const clipped = clip(inner, points[i - 1]!, points[i]!);
    if (!clipped) continue;
    hit = hit ? { x1: Math.min(hit.x1, clipped.x1), y1: Math.min(hit.y1, clipped.y1), x2: Math.max(hit.x2, clipped.x2), y2: Math.max(hit.y2, clipped.y2) } : clipped;
  }
  if (points.length === 1) {
    const [[x, y]] = points as [[number, number]];
    if (x >= inner.x1 && x <= inner.x2 && y >= inner.y1 && y <= inner.y2) hit = { x1: x, y1: y, x2: x, y2: y };
  }
  return hit && { width: hit.x2 - hit.x1, height: hit.y2 - hit.y1 };
}

function clip(box: Box, [x0, y0]: [number, number], [x1, y1]: [number, number]): Box | undefined {
  const dx = x1 - x0;
  const dy = y1 - y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, x0 - box.x1],
    [dx, box.x2 - x0],
    [-dy, y0 - box.y1],
    [dy, box.y2 - y0],
  ] as const) {
    if (p === 0) {
      if (q < 0) return undefined;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return undefined;
  }
  const [ax, ay, bx, by] = [x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy];
  return { x1: Math.min(ax, bx), y1: Math.min(ay, by), x2: Math.max(ax, bx), y2: Math.max(ay, by) };
}
