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

  test("finds value labels over each other or across the edge of a bar beside theirs, not those inside a bar", () => {
    const bar = (x1: number, x2: number, y1: number): SceneMark => ({ type: "rect", mark: "layer_0_marks", role: "mark", x1, y1, x2, y2: 300, fill: "#0072B2", opacity: 1, datum: { year: 2014, status: "stated" } });
    const crowded = [box("$4.9bn", 100, 50, 140, 62, "annotation_0_0_marks"), box("$4.8bn", 130, 52, 170, 64, "annotation_0_0_marks")];
    expect(unfitAnnotations(chart(crowded))).toEqual([0]);
    // "$1.6bn" above its bar (100-120) runs onto the taller bar beside it (122-142)
    const across = [box("$1.6bn", 92, 180, 128, 192, "annotation_1_0_marks")];
    expect(unfitAnnotations(chart(across, [bar(100, 120, 195), bar(122, 142, 100)]))).toEqual([1]);
    const within = [box("$1.6bn", 104, 200, 138, 212, "annotation_1_0_marks")];
    expect(unfitAnnotations(chart(within, [bar(100, 140, 195)]))).toEqual([]);
  });

  test("lets an annotation's own texts touch each other, and reports each annotation once, in order", () => {
    const own = [box("line one", 100, 100, 160, 112, "annotation_3_1_marks"), box("line two", 100, 110, 160, 122, "annotation_3_2_marks")];
    expect(unfitAnnotations(chart(own))).toEqual([]);
    const both = [box("x", 300, 10, 330, 22, "annotation_4_0_marks"), box("y", 310, 30, 340, 42, "annotation_4_0_marks"), box("z", -5, 0, 10, 12, "annotation_1_0_marks")];
    expect(unfitAnnotations(chart(both))).toEqual([1, 4]);
  });
});
