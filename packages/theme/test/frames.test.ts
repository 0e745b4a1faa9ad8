import { describe, expect, it } from "vitest";
import { FRAMES, frameFor, frameOf, themeAt } from "../src/frames.ts";
import { light } from "../src/light.ts";

describe("frameFor(width)", () => {
  it("picks the narrow frame for phones, medium for a column, wide beyond", () => {
    expect(frameFor(320).name).toBe("narrow");
    expect(frameFor(479).name).toBe("narrow");
    expect(frameFor(480).name).toBe("medium");
    expect(frameFor(600).name).toBe("medium");
    expect(frameFor(1000).name).toBe("wide");
  });

  it("has frames ordered narrowest first, with fewer ticks and short years only where it is narrow", () => {
    expect(FRAMES.map((f) => f.minWidth)).toEqual([...FRAMES.map((f) => f.minWidth)].sort((a, b) => a - b));
    expect(FRAMES[0]!.minWidth).toBe(0);
    expect(FRAMES.filter((f) => f.shortYears).map((f) => f.name)).toEqual(["narrow"]);
    expect(frameFor(320).labelWidth).toBeLessThan(frameFor(1000).labelWidth);
  });
});

describe("themeAt(theme, width)", () => {
  it("sets the frame and the default width, and keeps the type", () => {
    const narrow = themeAt(light, 320);
    expect(narrow.frame?.name).toBe("narrow");
    expect(narrow.defaultWidth).toBe(320);
    expect(narrow.text).toEqual(light.text);
    expect(frameOf(narrow).name).toBe("narrow");
    expect(frameOf(light).name).toBe("medium"); // 640 px
  });
});
