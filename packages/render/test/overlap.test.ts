import { describe, expect, it } from "vitest";
import { acrossEdge, inside, lineThrough, overlap } from "../src/overlap.ts";

const box = { x1: 10, y1: 10, x2: 30, y2: 20 };

describe("overlap(a, b)", () => {
  it("is how much two boxes overlap, nothing under half a pixel either way", () => {
    expect(overlap(box, { x1: 25, y1: 15, x2: 40, y2: 40 })).toEqual({ width: 5, height: 5 });
    expect(overlap(box, { x1: 29.6, y1: 0, x2: 40, y2: 40 })).toBeUndefined();
    expect(overlap(box, { x1: 40, y1: 0, x2: 50, y2: 40 })).toBeUndefined();
  });
});

describe("inside(inner, outer)", () => {
  it("holds when the inner box lies within the outer, half a pixel allowed", () => {
    expect(inside({ x1: 12, y1: 9.6, x2: 30.4, y2: 20 }, box)).toBe(true);
    expect(inside({ x1: 12, y1: 9, x2: 20, y2: 20 }, box)).toBe(false);
  });
});

describe("lineThrough(box, points)", () => {
  it("is the extent of a polyline inside the box", () => {
    expect(lineThrough(box, [[0, 15], [40, 15]])).toEqual({ width: 19, height: 0 });
    // the box shrunk by half a pixel each side: from (10.5, 10.5) to (19.5, 19.5)
    expect(lineThrough(box, [[0, 0], [20, 20]])).toEqual({ width: 9, height: 9 });
  });

  it("is nothing for a line that passes by, or only grazes the edge", () => {
    expect(lineThrough(box, [[0, 30], [40, 30]])).toBeUndefined();
    expect(lineThrough(box, [[0, 10.2], [40, 10.2]])).toBeUndefined();
    expect(lineThrough(box, [[5, 5], [8, 25], [35, 25]])).toBeUndefined();
  });
});

describe("acrossEdge", () => {
  const bar = { x1: 0, y1: 0, x2: 100, y2: 20 };
  it("is the overlap of a box across a bar's edge, and nothing for one inside the bar or clear of it", () => {
    expect(acrossEdge({ x1: 90, y1: 5, x2: 120, y2: 15 }, bar)).toEqual({ width: 10, height: 10 });
    expect(acrossEdge({ x1: 10, y1: 5, x2: 40, y2: 15 }, bar)).toBeUndefined();
    expect(acrossEdge({ x1: 110, y1: 5, x2: 140, y2: 15 }, bar)).toBeUndefined();
  });
});
