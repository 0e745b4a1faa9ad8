import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { decodeUtf8, readText, readUtf8 } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "charts-readUtf8-"));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const read = (path: string, limits = {}) => readUtf8(path, { limit: "textBytes", limits, shown: "texts/x.txt" });
const where = { file: "texts/x.txt" };

describe("readUtf8(path, options)", () => {
  it("reads UTF-8 text with Unicode beyond ASCII, and drops a byte-order mark", async () => {
    expect(await read(file("ok.txt", "Ha Noi → Hà Nội, 3,6 Md€, עברית, 🙂\r\n"))).toBe("Ha Noi → Hà Nội, 3,6 Md€, עברית, 🙂\r\n");
    expect(await read(file("bom.txt", "\uFEFFTrade fell."))).toBe("Trade fell.");
  });

  it("refuses a file over the size limit before reading it, naming the limit and the size", async () => {
    const path = file("big.txt", "x".repeat(101));
    await expect(read(path, { textBytes: 100 })).rejects.toThrow(
      new ChartsError(message.overLimit("the file's size in bytes", 100, 101, "limits.textBytes"), where),
    );
  });

  it("names the line, column and byte of invalid UTF-8 (Latin-1 saved as it was)", async () => {
    const latin1 = Buffer.concat([Buffer.from("Trade\nfell to "), Buffer.from([0xe9]), Buffer.from("t")]);
    await expect(read(file("latin1.txt", latin1))).rejects.toThrow(new ChartsError(message.notUtf8(2, 9, 0xe9), where));
    // a truncated sequence at the end, an overlong form, a surrogate
    for (const [bytes, column] of [[[0x61, 0xe2, 0x82], 2], [[0xc0, 0xaf], 1], [[0x61, 0x62, 0xed, 0xa0, 0x80], 3]] as const) {
      expect(() => decodeUtf8(Uint8Array.from(bytes), where)).toThrow(new ChartsError(message.notUtf8(1, column, bytes[column - 1]!), where));
    }
  });

  it("refuses binary content: NUL and other control characters, with their place", async () => {
    await expect(read(file("nul.txt", "ab\ncd\u0000ef"))).rejects.toThrow(new ChartsError(message.controlCharacter(2, 3, 0), where));
    await expect(read(file("esc.txt", "\u001b[31mred"))).rejects.toThrow(new ChartsError(message.controlCharacter(1, 1, 0x1b), where));
    // a PNG's signature is not UTF-8
    await expect(read(file("png.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))).rejects.toThrow(
      new ChartsError(message.notUtf8(1, 1, 0x89), where),
    );
  });

  it("names a missing file and a folder where a file should be", async () => {
    await expect(read(join(dir, "nothing.txt"))).rejects.toThrow(new ChartsError(message.noSuchFile(), where));
    mkdirSync(join(dir, "folder.txt"));
    await expect(read(join(dir, "folder.txt"))).rejects.toThrow(new ChartsError(message.notAFile(), where));
  });

  it("is how readText reads, with limits.textBytes", async () => {
    const path = file("long.txt", "Trade fell. ".repeat(10));
    await expect(readText(dir, "long", { textBytes: 50 })).rejects.toThrow(
      new ChartsError(message.overLimit("the file's size in bytes", 50, 120, "limits.textBytes"), { file: path }),
    );
    expect((await readText(dir, "long")).sentences).toHaveLength(10);
  });
});
