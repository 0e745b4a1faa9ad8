import { describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { fontsDir, useProjectFonts, writeFontconfig } from "../src/index.ts";

describe("writeFontconfig", () => {
  test("lists only the given fonts folder and a cache inside dir", () => {
    const dir = mkdtempSync(join(tmpdir(), "fonts-test-"));
    const file = writeFontconfig(dir);
    expect(file).toBe(join(dir, "fonts.conf"));
    const conf = readFileSync(file, "utf8");
    expect([...conf.matchAll(/<dir>([^<]*)<\/dir>/g)].map((m) => m[1])).toEqual([fontsDir]);
    expect(conf).toContain(`<cachedir>${join(dir, "cache")}</cachedir>`);
    expect(conf).not.toMatch(/<include/);
  });

  test("leaves an unchanged file alone and replaces a changed one whole, never rewriting it in place", () => {
    const dir = mkdtempSync(join(tmpdir(), "fonts-test-"));
    const file = writeFontconfig(dir);
    const first = statSync(file);
    writeFontconfig(dir);
    expect(statSync(file).mtimeMs).toBe(first.mtimeMs);
    const other = mkdtempSync(join(tmpdir(), "fonts-other-"));
    writeFontconfig(dir, other);
    // a rename gives the file a new inode: readers holding the old one still read a whole file
    expect(statSync(file).ino).not.toBe(first.ino);
    expect(readFileSync(file, "utf8")).toContain(`<dir>${other}</dir>`);
    expect(readdirSync(dir).sort()).toEqual(["cache", "fonts.conf"]);
  });

  // fc-list is the fontconfig command line tool; when it is installed it shows
  // what any fontconfig client (sharp's librsvg) would see with this file.
  test.skipIf(!hasFcList())("fontconfig sees exactly the four bundled faces", () => {
    const file = writeFontconfig(mkdtempSync(join(tmpdir(), "fonts-test-")));
    const listed = execFileSync("fc-list", ["--format", "%{family[0]}|%{style[0]}|%{file}\n"], {
      env: { ...process.env, FONTCONFIG_FILE: file },
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .sort();
    expect(listed).toEqual(
      ["Bold", "Italic", "Regular", "Semibold"].map(
        (style) => `Source Sans 3|${style}|${join(fontsDir, `SourceSans3-${style === "Italic" ? "It" : style}.ttf`)}`,
      ),
    );
  });
});

describe("useProjectFonts", () => {
  test("sets FONTCONFIG_FILE, is idempotent, refuses to switch folder", () => {
    const file = useProjectFonts();
    expect(process.env.FONTCONFIG_FILE).toBe(file);
    expect(useProjectFonts()).toBe(file);
    expect(() => useProjectFonts("/tmp/elsewhere")).toThrow(
      `fontconfig already uses ${fontsDir} in this process and reads its configuration only once; cannot switch to /tmp/elsewhere`,
    );
  });
});

function hasFcList(): boolean {
  try {
    execFileSync("fc-list", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
