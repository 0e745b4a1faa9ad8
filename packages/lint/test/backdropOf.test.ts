import { describe, expect, it } from "vitest";
import type { Scene, SceneMark } from "@charts/render";
import { backdropOf, composite, hexOf } from "../src/backdropOf.ts";

const rect = (fill: string, opacity = 1): SceneMark => ({ type: "rect", mark: "m", role: "mark", x1: 0, y1: 0, x2: 100, y2: 100, fill, opacity });
const scene = (marks: SceneMark[], background = "#ffffff"): Scene => ({ background, plot: { x1: 0, y1: 0, x2: 100, y2: 100 }, marks, axes: [], scales: [] });

describe("hexOf(css)", () => {
  it("reads what Vega writes as #rrggbb, and nothing for none or a gradient", () => {
    expect(hexOf("#0072B2")).toBe("#0072b2");
    expect(hexOf("red")).toBe("#ff0000");
    expect(hexOf("rgb(0, 114, 178)")).toBe("#0072b2");
    expect(hexOf("transparent")).toBeUndefined();
    expect(hexOf("url(#gradient_1)")).toBeUndefined();
    expect(hexOf(undefined)).toBeUndefined();
  });
});

describe("composite(fill, opacity, under)", () => {
  it("blends as a browser draws a fill at an opacity", () => {
    expect(composite("#0072b2", 1, "#ffffff")).toBe("#0072b2");
    expect(composite("#0072b2", 0, "#ffffff")).toBe("#ffffff");
    expect(composite("#000000", 0.5, "#ffffff")).toBe("#808080");
    expect(composite("#0072b2", 0.35, "#121212")).toBe("#0c344a");
  });
});

describe("backdropOf(box, scene, before)", () => {
  const box = { x1: 10, y1: 10, x2: 20, y2: 20 };
  it("is the page, under the rects that hold the box whole, in drawing order", () => {
    expect(backdropOf(box, scene([]))).toBe("#ffffff");
    expect(backdropOf(box, scene([rect("#ebebeb")]))).toBe("#ebebeb");
    expect(backdropOf(box, scene([rect("#ebebeb"), rect("#0072b2", 0.35)]))).toBe(composite("#0072b2", 0.35, "#ebebeb"));
    expect(backdropOf({ x1: 90, y1: 10, x2: 120, y2: 20 }, scene([rect("#0072b2")]))).toBe("#ffffff");
  });

  it("stops at the mark itself: a bar is seen against what was drawn before it", () => {
    const band = rect("#ebebeb");
    const bar = { ...rect("#0072b2"), x1: 10, x2: 20 };
    expect(backdropOf(bar, scene([band, bar]), bar)).toBe("#ebebeb");
  });
});
