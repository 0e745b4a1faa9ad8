import { stat, readFile } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import { ChartsError, checkLimit, message, type Limits } from "@charts/errors";

export interface ReadUtf8Options {
  /** The path as errors show it (default: the path given). */
  shown?: string;
  /** Which size limit applies: a text, a data.csv or a JSON file a desk writes. */
  limit: "textBytes" | "datasetBytes" | "definitionBytes";
  limits?: Partial<Limits>;
}

// Control characters no text, CSV or JSON a desk writes contains; tab, line
// feed, vertical tab, form feed and carriage return are whitespace. Their
// presence means a binary file, or a text decoded twice.
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/;

/**
 * Reads a file a desk gave the tool (a source text, a data.csv, a JSON file)
 * as text, refusing what would otherwise pass silently or stall: the size is
 * checked before reading (limits.textBytes, datasetBytes or definitionBytes),
 * the bytes must be UTF-8 and hold no control characters (a binary file, or
 * Latin-1 saved as if it were UTF-8, is refused naming the line and the byte).
 * A leading byte-order mark is dropped. Every stage reads desk files through here.
 *
 * @throws ChartsError naming the file: missing, a folder, over the limit, not UTF-8, binary.
 * @example const csv = await readUtf8("datasets/x/data.csv", { limit: "datasetBytes" })
 */
export async function readUtf8(path: string, options: ReadUtf8Options): Promise<string> {
  const where = { file: options.shown ?? path };
  const found = await stat(path).catch((error: unknown) => {
    throw new ChartsError(message.noSuchFile(), where, { cause: error });
  });
  if (!found.isFile()) throw new ChartsError(message.notAFile(), where);
  checkLimit(options.limit, found.size, where, options.limits);
  const bytes = await readFile(path).catch((error: unknown) => {
    throw new ChartsError(message.unreadableFile((error as NodeJS.ErrnoException).code ?? String(error)), where, { cause: error });
  });
  return decodeUtf8(bytes, where);
}

/** UTF-8 bytes -> text, refusing invalid UTF-8 and control characters (see readUtf8). */
export function decodeUtf8(bytes: Uint8Array, where: { file?: string } = {}): string {
  if (!isUtf8(bytes)) {
    const offset = firstInvalidByte(bytes);
    const { line, column } = position(new TextDecoder().decode(bytes.subarray(0, offset)));
    throw new ChartsError(message.notUtf8(line, column, bytes[offset]!), where);
  }
  const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
  const control = CONTROL.exec(text);
  if (control) {
    const { line, column } = position(text.slice(0, control.index));
    throw new ChartsError(message.controlCharacter(line, column, control[0].codePointAt(0)!), where);
  }
  return text;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the valid UTF-8 sequence at `i`, or 0 (overlong forms, surrogates and values above U+10FFFF are invalid). */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (!length || i + length > bytes.length) return 0;
  return isUtf8(bytes.subarray(i, i + length)) ? length : 0;
}

/** 1-based line and column (in characters) of what follows `before`. */
function position(before: string): { line: number; column: number } {
  const start = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: [...before.slice(start)].length + 1 };
}
