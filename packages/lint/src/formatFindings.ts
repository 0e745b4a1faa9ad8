import type { Finding } from "./types.ts";

const COLUMNS = ["chart", "variant", "rule", "severity", "element", "measured", "threshold"] as const;
/** Longest cell shown (the JSON output has everything). */
const WIDEST = 60;

/**
 * The findings as `charts lint` prints them, one a line, in columns: chart,
 * variant, rule, severity (`waived` for a waived one, its reason after the
 * threshold), element, measured, threshold.
 *
 *   chart                 variant  rule          severity  element                 measured  threshold
 *   russia-vietnam-trade  320      text-on-marks error     label "Derived: …" on…  25.5 × …  clear of the mark…
 */
export function formatFindings(findings: Finding[]): string {
  const rows = findings.map((f) => [
    f.chart,
    f.variants.join(", "),
    f.rule,
    f.waived ? "waived" : f.severity,
    clip(f.element),
    clip(f.measured),
    f.waived ? `${f.threshold} (waived: ${f.waived})` : f.threshold,
  ]);
  const table = [[...COLUMNS], ...rows];
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  return table.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ")).join("\n");
}

/**
 * The closing count: `2 errors, 1 warning (1 waived) in 4 charts`.
 * @example lintSummary(findings, 4)
 */
export function lintSummary(findings: Finding[], charts: number): string {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const errors = findings.filter((f) => f.severity === "error" && !f.waived).length;
  const warnings = findings.filter((f) => f.severity === "warning" && !f.waived).length;
  const waived = findings.filter((f) => f.waived).length;
  return `${count(errors, "error")}, ${count(warnings, "warning")}${waived ? ` (${waived} waived)` : ""} in ${count(charts, "chart")}`;
}

function clip(text: string): string {
  const line = text.replace(/\s*\n\s*/g, " ");
  return line.length > WIDEST ? `${line.slice(0, WIDEST - 1)}…` : line;
}
