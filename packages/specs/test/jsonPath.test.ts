import { describe, expect, it } from "vitest";
import { jsonPath, pointerSegments } from "../src/jsonPath.ts";

describe("jsonPath(segments)", () => {
  it("writes properties with dots and indexes in brackets", () => {
    expect(jsonPath(["plot", "layer", 0, "encoding", "y", "field"])).toBe("plot.layer[0].encoding.y.field");
    expect(jsonPath(["annotations", 2, "at", "year"])).toBe("annotations[2].at.year");
    expect(jsonPath(["plot", "encoding", "my field"])).toBe('plot.encoding["my field"]');
    expect(jsonPath([])).toBe("");
  });

  it("reads JSON pointers, unescaping ~1 and ~0", () => {
    expect(pointerSegments("/layer/0/mark")).toEqual(["layer", 0, "mark"]);
    expect(pointerSegments("/a~1b/c~0d/01")).toEqual(["a/b", "c~d", "01"]);
    expect(pointerSegments("")).toEqual([]);
  });
});
