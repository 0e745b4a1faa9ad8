import { beforeAll, describe, expect, test } from "vitest";
import { fontFaces, loadFonts, measureText } from "../src/index.ts";
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
