import { describe, expect, it } from "vitest";
import { notesBelow } from "../../src/compile/notesBelow.ts";
import type { Annotation } from "../../src/types.ts";

const annotations: Annotation[] = [
  { type: "range", field: "year", from: 2015, to: 2021, text: "No figures\nin the sources" },
  { type: "values" },
  { type: "label", at: { year: 2014 }, text: "Peak: about $1bn", dx: 20 },
  { type: "range", field: "year", from: 2015, to: 2016 },
];

describe("notesBelow(annotations, indexes)", () => {
  it("leaves a lettered marker in place and moves the text below, line breaks as spaces", () => {
    const { annotations: moved, below } = notesBelow(annotations, [0, 2]);
    expect(below).toEqual([
      { marker: "A", text: "No figures in the sources" },
      { marker: "B", text: "Peak: about $1bn" },
    ]);
    expect(moved[0]).toEqual({ ...annotations[0], text: "A" });
    expect(moved[2]).toEqual({ ...annotations[2], text: "B" });
    expect(moved[1]).toBe(annotations[1]);
  });

  it("moves only labels and labelled ranges; value labels that do not fit are left out at that width", () => {
    expect(notesBelow(annotations, [1, 3])).toEqual({ annotations, below: [], omitted: [1] });
    expect(notesBelow(annotations, [])).toEqual({ annotations, below: [], omitted: [] });
  });
});
