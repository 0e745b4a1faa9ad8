import { describe, expect, it } from "vitest";
import type { SceneAxis, TextBox } from "@charts/render";
import { axisAlong, labelsOf, numericDomain, pixelOf, valueAt } from "../src/axes.ts";

const axis = (more: Partial<SceneAxis>): SceneAxis => ({ orient: "left", scale: "y", scaleType: "linear", domain: [0, 100], range: [400, 100], labels: [], description: "", x1: 10, y1: 95, x2: 50, y2: 405, ...more });

describe("pixelOf(axis, value) and valueAt(axis, pixel)", () => {
  it("place a value on a linear axis, and read one back", () => {
    expect(pixelOf(axis({}), 0)).toBe(400);
    expect(pixelOf(axis({}), 50)).toBe(250);
    expect(pixelOf(axis({ domain: [20, 60] }), 0)).toBe(550);
    expect(valueAt(axis({}), 250)).toBe(50);
  });

  it("place a value on a log axis, and give up where a scale cannot say", () => {
    expect(pixelOf(axis({ scaleType: "log", domain: [1, 100] }), 10)).toBe(250);
    expect(pixelOf(axis({ scaleType: "pow", domain: [0, 100] }), 0)).toBe(400);
    expect(pixelOf(axis({ scaleType: "pow", domain: [0, 100] }), 50)).toBeUndefined();
    expect(numericDomain(axis({ scaleType: "time", domain: [new Date(0), new Date(1)] }))).toBeUndefined();
  });
});

describe("axisAlong(box, axes, vertical)", () => {
  const left = axis({});
  const right = axis({ orient: "right", scale: "y2", x1: 300, x2: 340 });
  const bottom = axis({ orient: "bottom", scale: "x", scaleType: "band", range: [50, 300], x1: 50, y1: 400, x2: 300, y2: 420 });
  it("is the axis along that direction whose range spans the box, left before right", () => {
    const bar = { x1: 250, y1: 200, x2: 290, y2: 400 };
    expect(axisAlong(bar, [bottom, right, left], true)).toBe(left);
    expect(axisAlong(bar, [bottom, right, left], false)).toBe(bottom);
    expect(axisAlong({ x1: 250, y1: 500, x2: 290, y2: 600 }, [left], true)).toBeUndefined();
  });
});

describe("labelsOf(axis, boxes)", () => {
  it("is the axis labels whose centre lies in the axis", () => {
    const label = (text: string, y: number): TextBox => ({ text, role: "axis-label", x1: 20, y1: y, x2: 45, y2: y + 13 });
    const boxes = [label("0", 394), label("100", 94), label("elsewhere", 600), { ...label("title", 200), role: "axis-title" }];
    expect(labelsOf(axis({}), boxes).map((b) => b.text)).toEqual(["0", "100"]);
  });
});
