import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { filesUnder } from "../src/build/filesUnder.ts";

describe("filesUnder(dir, skip)", () => {
  it("lists every file, names sorted and depth first, leaving out what skip names", () => {
    const dir = mkdtempSync(join(tmpdir(), "files-under-"));
    for (const path of ["b.txt", "a/z.csv", "a/y/x.json", ".git/HEAD", "node_modules/p/index.js", "c.txt"]) {
      mkdirSync(join(dir, path, ".."), { recursive: true });
      writeFileSync(join(dir, path), path);
    }
    const listed = (skip?: (name: string) => boolean) => filesUnder(dir, skip).map((file) => relative(dir, file));
    expect(listed()).toEqual([".git/HEAD", "a/y/x.json", "a/z.csv", "b.txt", "c.txt", "node_modules/p/index.js"]);
    expect(listed((name) => name === "node_modules" || name.startsWith("."))).toEqual(["a/y/x.json", "a/z.csv", "b.txt", "c.txt"]);
  });
});
