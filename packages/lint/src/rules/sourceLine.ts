import { message } from "@charts/errors";
import { sourceNames } from "@charts/theme";
import type { Rule } from "../types.ts";

/**
 * source-line: every variant draws a source line that names a source (a
 * definition's `source` of blanks draws a bare "Source:").
 */
export const sourceLine: Rule = {
  name: "source-line",
  summary: "a variant without a source line naming a source",
  severity: "error",
  options: {},
  scope: "variant",
  check(variant) {
    const line = variant.boxes.filter((box) => box.role === "source").map((box) => box.text).join(" ");
    if (sourceNames(line)) return [];
    return [{ element: line ? `source line "${line}"` : "source line", measured: line ? "no source named" : "none drawn", threshold: "a source line", message: message.noSourceDrawn() }];
  },
};
