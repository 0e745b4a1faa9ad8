import { describe, expect, it } from "vitest";
import { splitSentences } from "../src/index.ts";

const texts = (clean: string) => splitSentences(clean).map((sentence) => sentence.text);

describe("splitSentences(clean)", () => {
  it("splits at sentence ends with offsets into the clean text", () => {
    const clean = "Exports rose. Imports fell!  Why? Nobody knows.";
    const sentences = splitSentences(clean);
    expect(sentences.map((s) => s.text)).toEqual(["Exports rose.", "Imports fell!", "Why?", "Nobody knows."]);
    for (const sentence of sentences) expect(clean.slice(sentence.start, sentence.end)).toBe(sentence.text);
    expect(sentences.map((s) => s.index)).toEqual([0, 1, 2, 3]);
  });

  it("does not split after titles, French M. or middle initials", () => {
    expect(texts("Mr. Okafor met Dr. Lind. M. Durand left. Then Maria L. Okafor spoke.")).toEqual([
      "Mr. Okafor met Dr. Lind.",
      "M. Durand left.",
      "Then Maria L. Okafor spoke.",
    ]);
  });

  it("does not split initialisms before a lowercase word, but does before a new sentence", () => {
    expect(texts("The U.S. market grew. Trade with the U.S. The gap narrowed.")).toEqual([
      "The U.S. market grew.",
      "Trade with the U.S.",
      "The gap narrowed.",
    ]);
  });

  it("keeps decimals and abbreviations such as i.e. and No. 5 whole", () => {
    expect(texts("Growth was 3.5 percent, i.e. the best in years. Berth No. 5 reopened. He said no. Talks ended.")).toEqual([
      "Growth was 3.5 percent, i.e. the best in years.",
      "Berth No. 5 reopened.",
      "He said no.",
      "Talks ended.",
    ]);
  });

  it("ends a sentence at a line break and joins stray punctuation to the sentence before", () => {
    expect(texts("A heading without a stop\nThe story begins here. .\nA caption")).toEqual([
      "A heading without a stop",
      "The story begins here. .",
      "A caption",
    ]);
  });

  it("returns nothing for an empty text", () => {
    expect(splitSentences("")).toEqual([]);
  });
});
