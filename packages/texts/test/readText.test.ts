import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { listTexts, readText, sourceText } from "../src/index.ts";

const dir = join(import.meta.dirname, "fixtures", "texts");

describe("listTexts(dir)", () => {
  it("lists the .txt files without extension, sorted, and not the README", async () => {
    expect(await listTexts(dir)).toEqual(["exports", "harbour"]);
  });

  it("names the folder when it is missing", async () => {
    const missing = join(dir, "nowhere");
    await expect(listTexts(missing)).rejects.toThrow(new ChartsError("no such texts folder", { file: missing }));
  });
});

describe("readText(dir, id)", () => {
  it("reads, cleans and splits a text", async () => {
    const text = await readText(dir, "harbour");
    expect(text.id).toBe("harbour");
    expect(text.file).toBe(join(dir, "harbour.txt"));
    expect(text.raw).toContain("Leave a Comment");
    expect(text.clean).toBe("Harbour News\n\nThe port of Lumen handled 4.2 million containers in 2023, its fifth record year.");
    expect(text.sentences.map((s) => s.text)).toEqual([
      "Harbour News",
      "The port of Lumen handled 4.2 million containers in 2023, its fifth record year.",
    ]);
  });

  it("decodes entities on the way", async () => {
    expect((await readText(dir, "exports")).clean).toBe("Ms. Ortega said exports reached €310 million.");
  });

  it("names the missing file or folder", async () => {
    await expect(readText(dir, "ferries")).rejects.toThrow(
      new ChartsError(message.noSuchFile(), { file: join(dir, "ferries.txt") }),
    );
    await expect(readText(join(dir, "nowhere"), "harbour")).rejects.toThrow(`${join(dir, "nowhere")}: no such texts folder`);
  });

  it("rejects ids that are paths", async () => {
    await expect(readText(dir, "../texts/harbour")).rejects.toThrow(
      `${dir}: expected a text id such as 004_e411960df6774cf9 (a file name without .txt) but received "../texts/harbour" of type string`,
    );
  });
});

describe("sourceText(id, file, raw)", () => {
  it("cleans the raw text and splits it into sentences whose offsets index the clean text", () => {
    const text = sourceText("note", "notes/note.txt", "Trade fell to US$3.6 billion.  It was double that in 2021.\nLeave a Comment\n");
    expect(text.id).toBe("note");
    expect(text.file.endsWith("notes/note.txt")).toBe(true);
    expect(text.clean).not.toContain("Leave a Comment");
    expect(text.sentences.map((s) => s.text)).toEqual(["Trade fell to US$3.6 billion.", "It was double that in 2021."]);
    for (const s of text.sentences) expect(text.clean.slice(s.start, s.end)).toBe(s.text);
  });
});
