import { describe, expect, test } from "vitest";
import subsetFont from "subset-font";
import { embedFonts, loadFonts, textByFace } from "../src/index.ts";

const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="300" height="80">`,
  `<g font-family="'Source Sans 3'" font-size="12px">`,
  `<text y="20" font-weight="bold">Hà Nội &amp; Moscow</text>`,
  `<text y="40" style="font-style: italic">Note</text>`,
  `<g font-weight="600"><text y="60">US$72</text></g>`,
  `<text y="75">abc</text>`,
  `</g></svg>`,
].join("");

async function unicodesOf(woff2: Buffer): Promise<string> {
  await loadFonts();
  const hb = await import("harfbuzzjs");
  // subset-font also reads WOFF2: convert back to SFNT so harfbuzz can list the cmap
  const sfnt = await subsetFont(woff2, "", { targetFormat: "sfnt", keepAllGlyphs: true });
  const face = new hb.Face(new hb.Blob(sfnt), 0);
  return [...face.collectUnicodes()].map((code) => String.fromCodePoint(code)).sort().join("");
}

describe("embedFonts", () => {
  test("finds the characters drawn per face, with inherited attributes and entities", () => {
    const unique = (text: string) => [...new Set(text)].sort().join("");
    const byFace = new Map([...textByFace(svg)].map(([face, chars]) => [face.name, [...chars].sort().join("")]));
    expect(byFace).toEqual(
      new Map([
        ["Source Sans 3 Bold", unique("Hà Nội & Moscow")],
        ["Source Sans 3 Italic", "Neot"],
        ["Source Sans 3 Semibold", "$27SU"],
        ["Source Sans 3 Regular", "abc"],
      ]),
    );
  });

  test("embeds one WOFF2 subset per face as data URIs, and nothing external", async () => {
    const out = await embedFonts(svg);
    const faces = [...out.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);
    expect(faces.map((rule) => /font-weight:(\d+);font-style:(\w+)/.exec(rule)?.slice(1).join(" "))).toEqual([
      "400 normal",
      "400 italic",
      "600 normal",
      "700 normal",
    ]);
    // every url() is a data URI; no href, src or import points anywhere
    const urls = [...out.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(urls).toHaveLength(4);
    for (const url of urls) expect(url.startsWith("data:font/woff2;base64,")).toBe(true);
    expect(out).not.toMatch(/(?:href|src)\s*=|@import/);
    // the style lives in <defs>, before the drawing
    expect(out).toMatch(/^<svg[^>]*><defs><style id="charts-fonts">@font-face/);
    // subsets are small: a few KB per face, not the 300-430 KB files
    expect(out.length - svg.length).toBeLessThan(40_000);
  });

  test("each subset holds exactly the characters its face draws", async () => {
    const out = await embedFonts(svg);
    const bold = /font-weight:700;font-style:normal;src:url\(data:font\/woff2;base64,([^)]*)\)/.exec(out)![1]!;
    const woff2 = Buffer.from(bold, "base64");
    expect(woff2.toString("latin1", 0, 4)).toBe("wOF2");
    expect(await unicodesOf(woff2)).toBe([...new Set("Hà Nội & Moscow")].sort().join(""));
  });

  test("is idempotent and deterministic", async () => {
    const once = await embedFonts(svg);
    expect(await embedFonts(once)).toBe(once);
    expect(await embedFonts(svg)).toBe(once);
  });

  test("adds <defs> to an SVG without one and fills an empty <defs/>", async () => {
    const bare = `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Source Sans 3">x</text></svg>`;
    expect(await embedFonts(bare)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"><defs><style id="charts-fonts">/);
    const empty = `<svg xmlns="http://www.w3.org/2000/svg"><defs/><text font-family="Source Sans 3">x</text></svg>`;
    expect(await embedFonts(empty)).toMatch(/<defs><style id="charts-fonts">@font-face[^<]*<\/style><\/defs><text/);
  });

  test("refuses text in a family that is not bundled", async () => {
    const other = `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Arial">Hi</text></svg>`;
    await expect(embedFonts(other)).rejects.toThrow(
      'text "Hi": expected the font family "Source Sans 3" (the only bundled family) but received "Arial"',
    );
  });
});
