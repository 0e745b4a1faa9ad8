import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ChartsError, invalid, message, type Limits } from "@charts/errors";
import { cleanText } from "./cleanText.ts";
import { readUtf8 } from "./readUtf8.ts";
import { splitSentences } from "./splitSentences.ts";
import type { SourceText } from "./types.ts";

/**
 * Reads the text `<dir>/<id>.txt` (through readUtf8: at most
 * `limits.textBytes`, UTF-8, no control characters), cleans it and splits it
 * into sentences.
 *
 * @throws ChartsError naming the folder or file when either is missing, or the file is too large, not UTF-8 or binary.
 * @example const text = await readText("../shared/texts", "004_e411960df6774cf9")
 */
export async function readText(dir: string, id: string, limits?: Partial<Limits>): Promise<SourceText> {
  if (!/^[\w.-]+$/.test(id) || id.startsWith(".")) throw invalid({ file: dir }, message.expectedTextId(), id);
  await assertFolder(dir);
  const file = join(dir, `${id}.txt`);
  return sourceText(id, file, await readUtf8(file, { limit: "textBytes", limits }));
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
  if (!found?.isDirectory()) throw new ChartsError(message.noSuchFolder("texts"), { file: dir });
}
