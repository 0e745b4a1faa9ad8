import { describe, expect, it } from "vitest";
import { selectRange } from "../src/selectRange.ts";

describe("selectRange(header, bytes)", () => {
  it("selects one range, merging overlapping and adjacent ones, clipped to the content", () => {
    expect(selectRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(selectRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(selectRange("bytes=900-5000", 1000)).toEqual({ start: 900, end: 999 });
    expect(selectRange("bytes=0-9, 10-19", 1000)).toEqual({ start: 0, end: 19 });
  });

  it("is unsatisfiable when every range starts past the end, and undefined (the whole content) otherwise", () => {
    expect(selectRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(selectRange("bytes=2000-3000, 1500-", 1000)).toBe("unsatisfiable");
    expect(selectRange("bytes=0-9, 20-29", 1000)).toBeUndefined();
    expect(selectRange("bytes=abc", 1000)).toBeUndefined();
    expect(selectRange("lines=0-9", 1000)).toBeUndefined();
  });
});
