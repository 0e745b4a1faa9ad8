import { measureText } from "./measureText.ts";
import type { FontSpec } from "./fontFaces.ts";

/**
 * Breaks `text` into lines no wider than `maxWidth` px, greedily at spaces
 * (runs of spaces, tabs and single newlines collapse; a blank line
 * "\n\n" or a "\n" is kept as a hard break). A word wider than `maxWidth`
 * stays whole on its own line: text is never cut, so the caller can see and
 * report the overflow. Non-breaking spaces (U+00A0) keep words together.
 *
 * @example wrapText("Trade grew fast", { size: 16 }, 60) // ["Trade grew", "fast"]
 */
export function wrapText(text: string, font: FontSpec, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    const words = paragraph.split(/[ \t\r]+/).filter((word) => word !== "");
    let line: string | undefined;
    for (const word of words) {
      if (line === undefined) {
        line = word;
        continue;
      }
      const candidate = `${line} ${word}`;
      if (measureText(candidate, font) <= maxWidth) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
    }
    if (line !== undefined) lines.push(line);
  }
  return lines;
}
