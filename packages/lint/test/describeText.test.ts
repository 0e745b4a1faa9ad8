import { describe, expect, it } from "vitest";
import { describeMark, describeMarks, describeText, describeTexts, px, pxArea } from "../src/describeText.ts";

describe("describeText(box) and describeTexts(boxes)", () => {
  it("name a text by its role and words, on one line", () => {
    expect(describeText({ role: "axis-label", text: "European\nUnion" })).toBe('axis label "European Union"');
    expect(describeText({ role: "mark", text: "Peak" })).toBe('label "Peak"');
    expect(describeTexts([{ role: "notes", text: "a" }])).toBe('notes "a"');
    expect(describeTexts(["1", "2", "3", "4"].map((text) => ({ role: "axis-label", text })))).toBe('4 axis labels ("1", "2", "3", …)');
  });
});

describe("describeMark(mark) and describeMarks(marks)", () => {
  it("name a mark by its kind and the row it draws, without the fields the compiler adds", () => {
    const bar = { type: "rect", mark: "layer_0_marks", datum: { year: 2021, trade: 7.2, status: "derived", trade_start: 0, trade_end: 7.2, __period: 2021 } };
    expect(describeMark(bar)).toBe("bar (year 2021, trade 7.2)");
    expect(describeMark({ type: "symbol", mark: "marks" })).toBe("point of marks");
    expect(describeMarks([bar, bar])).toBe("2 bars (year 2021, trade 7.2; year 2021, trade 7.2)");
  });
});

describe("px(value) and pxArea(width, height)", () => {
  it("write lengths with one decimal", () => {
    expect(px(3.14159)).toBe("3.1 px");
    expect(pxArea(12.25, 13)).toBe("12.3 × 13 px");
  });
});
