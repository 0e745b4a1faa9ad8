import { describe, expect, it } from "vitest";
import { errorSegments, jsonPath, pointerSegments, valueAt } from "../src/index.ts";

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

describe("errorSegments(error)", () => {
  it("adds the property a schema error names to its instance path", () => {
    expect(errorSegments({ instancePath: "/columns/1", keyword: "required", params: { missingProperty: "type" } })).toEqual(["columns", 1, "type"]);
    expect(errorSegments({ instancePath: "", keyword: "additionalProperties", params: { additionalProperty: "dataa" } })).toEqual(["dataa"]);
    expect(errorSegments({ instancePath: "", keyword: "propertyNames", params: { propertyName: "bad id" } })).toEqual(["bad id"]);
    expect(errorSegments({ instancePath: "/annotations/0", keyword: "discriminator", params: { tag: "type" } })).toEqual(["annotations", 0, "type"]);
    expect(errorSegments({ instancePath: "/width", keyword: "minimum", params: { limit: 200 } })).toEqual(["width"]);
  });
});
