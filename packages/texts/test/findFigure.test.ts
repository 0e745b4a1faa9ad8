import { describe, expect, it } from "vitest";
import { cleanText, findFigure, splitSentences, type SourceText } from "../src/index.ts";

function source(raw: string): SourceText {
  const clean = cleanText(raw);
  return { id: "sample", file: "/tmp/sample.txt", raw, clean, sentences: splitSentences(clean) };
}

const text = source(
  "Port fees brought in US$72 million in 2022. Customs took US$172 million. The port’s “green” levy added US$72 million more in 2023.",
);

describe("findFigure(text, figure, context?)", () => {
  it("finds every occurrence with its offsets and sentence", () => {
    const found = findFigure(text, "US$72 million");
    expect(found.map((f) => f.sentence.index)).toEqual([0, 2]);
    for (const f of found) expect(text.clean.slice(f.start, f.end)).toBe("US$72 million");
  });

  it("does not find a figure inside a longer number", () => {
    expect(findFigure(text, "72 million").map((f) => f.sentence.index)).toEqual([0, 2]);
    expect(findFigure(text, "2")).toEqual([]);
    expect(findFigure(text, "202")).toEqual([]);
  });

  it("ignores differences in whitespace and quote marks", () => {
    expect(findFigure(text, "US$72\u00A0 million")).toHaveLength(2);
    expect(findFigure(text, `port's "green" levy`)).toHaveLength(1);
  });

  it("keeps only sentences that contain the context, case-insensitive", () => {
    expect(findFigure(text, "US$72 million", "GREEN LEVY").map((f) => f.sentence.index)).toEqual([2]);
    expect(findFigure(text, "US$72 million", "port fees").map((f) => f.sentence.index)).toEqual([0]);
    expect(findFigure(text, "US$72 million", "tourism")).toEqual([]);
  });

  it("finds figures with hyphens, slashes and brackets literally", () => {
    const ranked = source("It was the third-largest port (by tonnage) in 2020/21.");
    expect(findFigure(ranked, "third-largest")).toHaveLength(1);
    expect(findFigure(ranked, "2020/21")).toHaveLength(1);
    expect(findFigure(ranked, "(by tonnage)")).toHaveLength(1);
    expect(findFigure(ranked, "third.largest")).toEqual([]);
  });

  it("finds nothing for a figure the text does not state", () => {
    expect(findFigure(text, "US$73 million")).toEqual([]);
    expect(findFigure(text, "  ")).toEqual([]);
  });
});
