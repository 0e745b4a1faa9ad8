// Range requests (RFC 9110 §14): the one part of a content a `Range: bytes=…`
// header asks for. Parsing is range-parser's (jshttp, as in `send` and express).
import { combineRanges, parse } from "range-parser";

/**
 * The part to send for a Range header on a content of `bytes` bytes:
 * `{ start, end }` (inclusive) for a 206, `"unsatisfiable"` for a 416, or
 * undefined to send the whole content with a 200: a header that does not
 * parse, a unit other than bytes, or several ranges (overlapping and adjacent
 * ones are merged first; a multipart answer is not worth its code for charts).
 *
 * @example selectRange("bytes=0-99", 4512) // { start: 0, end: 99 }
 */
export function selectRange(header: string, bytes: number): { start: number; end: number } | "unsatisfiable" | undefined {
  const { code, type, ranges } = parse(bytes, header);
  if (code & 1 || type !== "bytes") return undefined;
  if (ranges.length === 0) return code & 2 ? "unsatisfiable" : undefined;
  const merged = combineRanges(ranges);
  return merged.length === 1 ? { start: merged[0]!.start, end: merged[0]!.end } : undefined;
}
