import { describe, expect, it } from "vitest";
import { jsonPath, pointerSegments, valueAt } from "../src/index.ts";

describe("jsonPath(segments)", () => {
  it("writes names with dots, indexes and odd keys in brackets", () => {
    expect(jsonPath(["plot", "layer", 0, "mark"])).toBe("plot.layer[0].mark");
    expect(jsonPath(["columns", 1, "type"])).toBe("columns[1].type");
    expect(jsonPath(["000_ad8db7c2e45fb77c", "publisher"])).toBe('["000_ad8db7c2e45fb77c"].publisher');
    expect(jsonPath(["data", "russia-arms"])).toBe("data.russia-arms");
    expect(jsonPath([])).toBe("");
  });
});

describe("pointerSegments(pointer) and valueAt(data, segments)", () => {
  it("reads ajv's pointers, escapes included, and finds the value there", () => {
    expect(pointerSegments("/layer/0/a~1b~0c")).toEqual(["layer", 0, "a/b~c"]);
    expect(pointerSegments("")).toEqual([]);
    const data = { layer: [{ mark: "bar" }] };
    expect(valueAt(data, ["layer", 0, "mark"])).toBe("bar");
    expect(valueAt(data, ["layer", 3, "mark"])).toBeUndefined();
    expect(valueAt(data, ["layer", 0, "mark", "type"])).toBeUndefined();
  });
});
