import { describe, expect, it } from "vitest";
import type { Scene, SceneMark } from "../src/types.ts";
import { dataMarks } from "../src/dataMarks.ts";

const mark = (more: Partial<SceneMark>): SceneMark => ({ type: "rect", mark: "layer_0_marks", role: "mark", x1: 0, y1: 0, x2: 1, y2: 1, opacity: 1, ...more });

describe("dataMarks(scene)", () => {
  it("is the marks that draw dataset rows, not gap bands, annotations or guides", () => {
    const bar = mark({ datum: { year: 2021, v: 3, status: "stated" } });
    const gap = mark({ datum: { __gapFrom: 2015, __gapTo: 2021 } });
    const range = mark({ mark: "annotation_0_0_marks", datum: { year: 2021, status: "stated" } });
    const grid = mark({ type: "rule", role: "axis-grid" });
    const scene: Scene = { background: "#ffffff", plot: { x1: 0, y1: 0, x2: 1, y2: 1 }, marks: [gap, bar, range, grid], axes: [], scales: [] };
    expect(dataMarks(scene)).toEqual([bar]);
  });
});
