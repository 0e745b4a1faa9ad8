import { describe, expect, test } from "vitest";
import { unfitAnnotations } from "../src/index.ts";
import type { Scene, SceneMark, TextBox } from "../src/index.ts";

const box = (text: string, x1: number, y1: number, x2: number, y2: number, mark?: string): TextBox => ({ text, x1, y1, x2, y2, role: mark ? "mark" : "axis-label", ...(mark ? { mark } : {}) });
const band = (x1: number, x2: number, mark: string): SceneMark => ({ type: "rect", mark, role: "mark", x1, y1: 0, x2, y2: 300, fill: "#ebebeb", opacity: 1 });
const scene = (marks: SceneMark[] = []): Scene => ({ background: "#ffffff", plot: { x1: 40, y1: 0, x2: 300, y2: 300 }, marks, axes: [], scales: [] });
const chart = (boxes: TextBox[], marks: SceneMark[] = []) => ({ boxes, scene: scene(marks), width: 320, height: 400 });

describe("unfitAnnotations(chart)", () => {
  test("finds nothing when every annotation fits", () => {
    const boxes = [box("2014", 40, 310, 70, 322), box("Peak", 80, 20, 130, 32, "annotation_1_0_marks"), box("No figures", 120, 150, 200, 162, "annotation_0_1_marks")];
    expect(unfitAnnotations(chart(boxes, [band(100, 250, "annotation_0_0_marks")]))).toEqual([]);
  });

  test("finds an annotation whose text overlaps other text, runs off the chart or spills out of its band", () => {
    const overlapping = [box("$72m", 250, 100, 290, 112), box("Latest", 240, 105, 300, 117, "annotation_2_0_marks")];
    expect(unfitAnnotations(chart(overlapping))).toEqual([2]);
    const outside = [box("A long label", 280, 20, 350, 32, "annotation_1_0_marks")];
    expect(unfitAnnotations(chart(outside))).toEqual([1]);
    const spilling = [box("Pandemic, then flights stopped", 90, 150, 260, 162, "annotation_0_1_marks")];
    expect(unfitAnnotations(chart(spilling, [band(100, 250, "annotation_0_0_marks")]))).toEqual([0]);
  });

  test("lets an annotation's own texts touch each other, and reports each annotation once, in order", () => {
    const own = [box("line one", 100, 100, 160, 112, "annotation_3_1_marks"), box("line two", 100, 110, 160, 122, "annotation_3_2_marks")];
    expect(unfitAnnotations(chart(own))).toEqual([]);
    const both = [box("x", 300, 10, 330, 22, "annotation_4_0_marks"), box("y", 310, 30, 340, 42, "annotation_4_0_marks"), box("z", -5, 0, 10, 12, "annotation_1_0_marks")];
    expect(unfitAnnotations(chart(both))).toEqual([1, 4]);
  });
});
