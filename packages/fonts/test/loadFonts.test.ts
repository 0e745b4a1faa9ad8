import { expect, test } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fontFaces, fontsDir, loadFonts } from "../src/index.ts";

test("bundles four TTF faces of Source Sans 3 and the licence", () => {
  expect(fontFaces.map((face) => [face.weight, face.style])).toEqual([
    [400, "normal"],
    [400, "italic"],
    [600, "normal"],
    [700, "normal"],
  ]);
  for (const face of fontFaces) {
    expect(face.file.startsWith(fontsDir)).toBe(true);
    // TrueType outlines: sharp through fontconfig reads SFNT, not WOFF
    expect(readFileSync(face.file).readUInt32BE(0)).toBe(0x00010000);
  }
  expect(readFileSync(join(fontsDir, "OFL.txt"), "utf8")).toContain("SIL OPEN FONT LICENSE Version 1.1");
  expect(existsSync(fontsDir)).toBe(true);
});

test("loadFonts returns one promise for the process", () => {
  expect(loadFonts()).toBe(loadFonts());
});
