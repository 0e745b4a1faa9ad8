import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import subsetFont from "subset-font";
import { blockOf, embedFonts, fontFaces, loadFonts, subsetText, textByFace } from "../src/index.ts";

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
    // subsets are whole blocks, not the 300-430 KB files: Basic Latin is about 26 KB per face
    const italic = /font-style:italic;src:url\(data:font\/woff2;base64,([^)]*)\)/.exec(out)![1]!;
    expect(Buffer.from(italic, "base64").length).toBeLessThan(30_000);
  });

  test("each subset holds the characters of the blocks its face draws from, as far as the face has them", async () => {
    const out = await embedFonts(svg);
    const subset = (weight: number) => Buffer.from(new RegExp(`font-weight:${weight};font-style:normal;src:url\\(data:font/woff2;base64,([^)]*)\\)`).exec(out)![1]!, "base64");
    expect(subset(700).toString("latin1", 0, 4)).toBe("wOF2");
    // Hà Nội: Basic Latin, the letters of Latin-1 (à), Latin Extended Additional (ộ)
    const bold = await unicodesOf(subset(700));
    for (const char of "Hà Nội & Moscow" + "Zz09~ÿÀẠỹ") expect(bold).toContain(char);
    expect(bold).not.toContain("°"); // the symbols half of Latin-1 is another block
    const semibold = await unicodesOf(subset(600));
    expect(semibold).toContain("z");
    expect(semibold).not.toContain("à");
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

  test("an SVG's subsets depend on its own characters only, whatever was embedded before", async () => {
    const a = `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Source Sans 3">Exports, 2014–2022</text></svg>`;
    const b = `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Source Sans 3">Hà Nội €</text></svg>`;
    const first = await embedFonts(a);
    await embedFonts(b);
    expect(await embedFonts(a)).toBe(first);
    // the same blocks, the same subset: another text drawing from them embeds the same bytes
    const same = await embedFonts(`<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Source Sans 3">Imports – 1999</text></svg>`);
    expect(same.slice(same.indexOf("base64,"), same.indexOf(")"))).toBe(first.slice(first.indexOf("base64,"), first.indexOf(")")));
  });

  test("keeps subsets in a cache folder: the same bytes as a fresh subset, read back in any order", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fonts-cache-"));
    try {
      const texts = ["US$72m, 2014", "Hà Nội", "½ – ’16"];
      const svgs = texts.map((t) => `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Source Sans 3" font-weight="bold">${t}</text></svg>`);
      const fresh = await Promise.all(svgs.map((one) => embedFonts(one)));
      const cached = await Promise.all(svgs.map((one) => embedFonts(one, { cacheDir: dir })));
      expect(cached).toEqual(fresh);
      const files = readdirSync(join(dir, "fonts"));
      expect(files).toHaveLength(3);
      // a file on disk is what subset-font makes of the face and the blocks' characters
      const direct = await subsetFont(readFileSync(fontFaces[3]!.file), subsetText("US$72m, 2014"), { targetFormat: "woff2" });
      expect(files.map((name) => readFileSync(join(dir, "fonts", name)).toString("base64"))).toContain(Buffer.from(direct).toString("base64"));
      // another process reading the folder in reverse order gets the same SVGs
      const child = await import("node:child_process");
      const script = `import { embedFonts } from ${JSON.stringify(new URL("../src/index.ts", import.meta.url).href)};
        const svgs = ${JSON.stringify(svgs)}.reverse();
        const out = []; for (const svg of svgs) out.push(await embedFonts(svg, { cacheDir: ${JSON.stringify(dir)} }));
        process.stdout.write(JSON.stringify(out.reverse()));`;
      writeFileSync(join(dir, "reader.ts"), script);
      const run = child.spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", join(dir, "reader.ts")], { encoding: "utf8" });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual(fresh);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses text in a family that is not bundled", async () => {
    const other = `<svg xmlns="http://www.w3.org/2000/svg"><text font-family="Arial">Hi</text></svg>`;
    await expect(embedFonts(other)).rejects.toThrow(
      'text "Hi": expected the font family "Source Sans 3" (the only bundled family) but received "Arial"',
    );
  });
});

describe("subsetText(chars) and blockOf(codePoint)", () => {
  test("rounds characters up to their Unicode blocks, Latin-1 split into symbols and letters", () => {
    expect(blockOf(0x41)).toEqual([0x0000, 0x007f]);
    expect(blockOf(0xa0)).toEqual([0x0080, 0x00bf]);
    expect(blockOf(0xe0)).toEqual([0x00c0, 0x00ff]);
    expect(blockOf(0x1ed9)).toEqual([0x1e00, 0x1eff]);
    expect(blockOf(0x2019)).toEqual([0x2000, 0x206f]);
    // outside the table: the aligned 128 code points
    expect(blockOf(0x0e01)).toEqual([0x0e00, 0x0e7f]);
    const ascii = subsetText("US$72");
    expect(ascii).toBe(subsetText("Exports of rice, 2014"));
    expect(ascii).toHaveLength(95); // the printable characters of Basic Latin
    expect(subsetText("’ x")).toBe(ascii + subsetText("–").slice(0));
  });
});
