import { beforeAll, describe, expect, test } from "vitest";
import fc from "fast-check";
import { assertGlyphs, fontFaces, loadFonts, measureText } from "../src/index.ts";
import { readAdvances } from "./sfnt.ts";

beforeAll(() => loadFonts());

describe("measureText", () => {
  for (const face of fontFaces) {
    const reference = readAdvances(face.file);
    const font = { size: 13, weight: face.weight, style: face.style };
    const nominal = (text: string) => ((reference.advance(text) ?? NaN) / reference.upem) * font.size;

    test(`${face.name}: equals the summed hmtx advances where nothing kerns`, () => {
      for (const text of ["0123456789", "1,234.5", "min", "HIH"]) {
        expect(measureText(text, font)).toBeCloseTo(nominal(text), 9);
      }
    });

    test(`${face.name}: applies kerning, which the hmtx sum lacks`, () => {
      for (const text of ["AV", "To"]) {
        const kerned = measureText(text, font);
        expect(kerned).toBeLessThan(nominal(text));
        // a kern pair moves glyphs by a fraction of an em, not more
        expect(nominal(text) - kerned).toBeLessThan(0.15 * font.size);
      }
      const sentence = "Trade between the two countries grew in 2024";
      expect(Math.abs(measureText(sentence, font) - nominal(sentence))).toBeLessThan(0.01 * nominal(sentence));
    });
  }

  test("differs widely from Vega's 0.8 x chars x size estimate", () => {
    for (const text of ["Vietnam", "Exports, US$ million", "2024"]) {
      const exact = measureText(text, { size: 11 });
      const estimate = 0.8 * text.length * 11;
      expect(exact).toBeLessThan(0.7 * estimate);
    }
  });

  test("scales linearly with size, and weight widens text", () => {
    const at10 = measureText("Hanoi", { size: 10 });
    expect(measureText("Hanoi", { size: 30 })).toBeCloseTo(3 * at10, 9);
    expect(measureText("Hanoi", { size: 10, weight: 700 })).toBeGreaterThan(at10);
    expect(measureText("Hanoi", { size: 10, weight: "bold" })).toBe(measureText("Hanoi", { size: 10, weight: 700 }));
    expect(measureText("Hanoi", { size: 10, family: "'Source Sans 3', sans-serif" })).toBe(at10);
    expect(measureText("", { size: 10 })).toBe(0);
  });

  test("rejects a family that is not bundled", () => {
    expect(() => measureText("x", { size: 10, family: "Arial" })).toThrow(
      'expected the font family "Source Sans 3" (the only bundled family) but received "Arial"',
    );
  });

  test("rejects a face that is not bundled", () => {
    expect(() => measureText("x", { size: 10, weight: 700, style: "italic" })).toThrow(
      "expected a bundled face but Source Sans 3 has no italic face at weight 700 (italic exists only at 400)",
    );
  });
});

// Properties (fast-check): on any string of characters the bundled font has,
// measureText never throws, widths are finite and never negative, and the
// width of a joined string is the sum of its parts' within one kern (or
// ligature) at the join.
describe("measureText on generated text (fast-check)", () => {
  const covered: string[] = [];
  beforeAll(() => {
    for (let code = 0x20; code < 0x3000; code++) {
      const char = String.fromCodePoint(code);
      try {
        assertGlyphs(char, {});
        covered.push(char);
      } catch {
        // a character the font lacks: assertGlyphs refuses it before layout
      }
    }
  });
  const text = () => fc.string({ unit: fc.constantFrom(...covered), maxLength: 40 });
  const font = fc.record({ size: fc.double({ min: 1, max: 96, noNaN: true }), weight: fc.constantFrom(400, 600, 700) });

  test("gives a finite width for any string of covered characters, and for any string at all", () => {
    expect(covered.length).toBeGreaterThan(500);
    fc.assert(
      fc.property(fc.oneof(text(), fc.string({ unit: "grapheme", maxLength: 40 })), font, (s, f) => {
        const width = measureText(s, f);
        expect(Number.isFinite(width)).toBe(true);
        expect(width).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 1500 },
    );
  });

  test("is additive within a kern at the join", () => {
    fc.assert(
      fc.property(text(), text(), font, (a, b, f) => {
        const joined = measureText(a + b, f);
        expect(Math.abs(joined - measureText(a, f) - measureText(b, f))).toBeLessThanOrEqual(0.3 * f.size);
      }),
      { numRuns: 1500 },
    );
  });
});
