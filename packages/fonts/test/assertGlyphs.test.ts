import { beforeAll, describe, expect, test } from "vitest";
import { ChartsError } from "@charts/errors";
import { assertGlyphs, loadFonts } from "../src/index.ts";

beforeAll(() => loadFonts());

describe("assertGlyphs", () => {
  test("accepts Vietnamese, Russian and the figures of the story", () => {
    expect(() => assertGlyphs("Nguyễn Phú Trọng · Путин · US$72 million – 2024 ± 5%", { weight: 700 })).not.toThrow();
    expect(() => assertGlyphs("Hà Nội\n", { style: "italic" })).not.toThrow();
  });

  test("names the text, the character and its code point", () => {
    expect(() => assertGlyphs("Hanoi 河内", { size: 12 })).toThrow(
      new ChartsError('text "Hanoi 河内": Source Sans 3 Regular has no glyph for "河" (U+6CB3)'),
    );
    expect(() => assertGlyphs("Deal 🤝 signed", { weight: 600 }, { field: "headline" })).toThrow(
      'headline: text "Deal 🤝 signed": Source Sans 3 Semibold has no glyph for "🤝" (U+1F91D)',
    );
  });

  test("throws a ChartsError", () => {
    try {
      assertGlyphs("\u0378", {});
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChartsError);
    }
  });
});
