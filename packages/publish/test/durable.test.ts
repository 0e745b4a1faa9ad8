import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flushFiles, writeDurable } from "../src/durable.ts";

describe("flushFiles(paths)", () => {
  it("flushes files written without a flush, a few at a time, and leaves their bytes as written", async () => {
    const dir = mkdtempSync(join(tmpdir(), "charts-flush-"));
    const paths = Array.from({ length: 20 }, (_, i) => join(dir, `file-${i}.svg`));
    for (const [i, path] of paths.entries()) await writeDurable(path, `<svg>${i}</svg>`, false);
    await expect(flushFiles(paths, 3)).resolves.toBeUndefined();
    expect(paths.map((path) => readFileSync(path, "utf8"))).toEqual(paths.map((_, i) => `<svg>${i}</svg>`));
    await expect(flushFiles([])).resolves.toBeUndefined();
  });

  it("fails naming the file it could not flush", async () => {
    const missing = join(mkdtempSync(join(tmpdir(), "charts-flush-")), "gone.png");
    await expect(flushFiles([missing])).rejects.toThrow(/ENOENT.*gone\.png/);
  });
});
