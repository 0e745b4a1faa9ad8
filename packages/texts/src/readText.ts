import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ChartsError, invalid } from "@charts/errors";
import { cleanText } from "./cleanText.ts";
import { splitSentences } from "./splitSentences.ts";
import type { SourceText } from "./types.ts";

/**
 * Reads the text `<dir>/<id>.txt`, cleans it and splits it into sentences.
 *
 * @throws ChartsError naming the folder or file when either is missing.
 * @example const text = await readText("../shared/texts", "004_e411960df6774cf9")
 */
export async function readText(dir: string, id: string): Promise<SourceText> {
  if (!/^[\w.-]+$/.test(id) || id.startsWith(".")) {
    throw invalid({ file: dir }, "a text id such as 004_e411960df6774cf9 (a file name without .txt)", id);
  }
  await assertFolder(dir);
  const file = join(dir, `${id}.txt`);
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    throw new ChartsError(`no text ${id} (no such file)`, { file }, { cause: error });
  }
  return sourceText(id, file, raw);
}

/**
 * A text as read (`raw`) -> a SourceText: cleaned and split into sentences.
 * For texts that do not live in a texts folder, such as `charts extract FILE`.
 */
export function sourceText(id: string, file: string, raw: string): SourceText {
  const clean = cleanText(raw);
  return { id, file: resolve(file), raw, clean, sentences: splitSentences(clean) };
}

/**
 * Ids of the texts in `dir`: the names of its `.txt` files without the
 * extension, sorted. Other files (the folder's README.md) are not texts.
 */
export async function listTexts(dir: string): Promise<string[]> {
  await assertFolder(dir);
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".txt"))
    .map((entry) => entry.name.slice(0, -".txt".length))
    .sort();
}

async function assertFolder(dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (!found?.isDirectory()) throw new ChartsError("no such texts folder", { file: dir });
}
