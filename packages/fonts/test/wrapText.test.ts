import { beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { loadFonts, measureText, wrapText } from "../src/index.ts";

beforeAll(() => loadFonts());

const headline = "Moscow and Hanoi signed eleven agreements, from energy to education, during a two-day visit";
const font = { size: 22, weight: 700 };

describe("wrapText", () => {
  test("never exceeds the width, at many widths, unless a line is one long word", () => {
    let overflows = 0;
    for (let width = 100; width <= 640; width += 13) {
      const lines = wrapText(headline, font, width);
      for (const line of lines) {
        if (measureText(line, font) <= width) continue;
        expect(line).not.toContain(" ");
        overflows++;
      }
      // nothing lost, nothing added
      expect(lines.join(" ")).toBe(headline);
    }
    // the narrowest widths do force single-word overflows: the branch above ran
    expect(overflows).toBeGreaterThan(0);
  });

  test("is greedy: the next word would not have fitted on the line", () => {
    const width = 300;
    const lines = wrapText(headline, font, width);
    expect(lines.length).toBeGreaterThan(1);
    for (let i = 0; i < lines.length - 1; i++) {
      const nextWord = lines[i + 1]!.split(" ")[0];
      expect(measureText(`${lines[i]} ${nextWord}`, font)).toBeGreaterThan(width);
    }
  });

  test("keeps a word wider than the width whole, on its own line", () => {
    const lines = wrapText("in Vladivostok-Khabarovsk-Irkutsk too", font, 80);
    expect(lines).toEqual(["in", "Vladivostok-Khabarovsk-Irkutsk", "too"]);
    expect(measureText(lines[1]!, font)).toBeGreaterThan(80);
  });

  test("collapses spaces, keeps newlines as hard breaks and non-breaking spaces unbroken", () => {
    expect(wrapText("  a   b\nc ", { size: 12 }, 1000)).toEqual(["a b", "c"]);
    expect(wrapText("US$72\u00a0million", { size: 12 }, 10)).toEqual(["US$72\u00a0million"]);
    expect(wrapText("   ", { size: 12 }, 100)).toEqual([]);
  });
});

// Properties (fast-check): on any text, wrapText keeps every word in order,
// breaks only at spaces, and no line is wider than asked unless it is one word.
describe("wrapText on generated text (fast-check)", () => {
  test("keeps the words, in order, within the width", () => {
    const words = fc.string({ unit: fc.constantFrom(..."aAbVWiMl1.,é\u00a0-'’"), minLength: 1, maxLength: 12 });
    const spaces = fc.constantFrom(" ", "  ", "\t", "\n", " \n ", "\n\n");
    const textArb = fc.array(fc.tuple(words, spaces), { maxLength: 20 }).map((parts) => parts.map(([w, s]) => w + s).join(""));
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 600 }), fc.constantFrom(400, 700), (text, width, weight) => {
        const font = { size: 16, weight };
        const lines = wrapText(text, font, width);
        const expected = text.split("\n").flatMap((paragraph) => paragraph.split(/[ \t\r]+/).filter((w) => w !== ""));
        expect(lines.flatMap((line) => line.split(" "))).toEqual(expected);
        for (const line of lines) if (line.includes(" ")) expect(measureText(line, font)).toBeLessThanOrEqual(width);
      }),
      { numRuns: 1000 },
    );
  });
});
