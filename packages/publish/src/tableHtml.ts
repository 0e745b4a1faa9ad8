import { escapeHtml } from "./embedSnippet.ts";
import type { DataTable } from "./types.ts";

/**
 * A chart's data table as an HTML fragment a CMS can paste under the chart or
 * link to: a <table> whose caption says what is measured and where it comes
 * from, column headers (the columns' descriptions), the first cell of each
 * row as its row header, numbers as the chart writes them (house format, the
 * chart's locale), and the provenance columns (source, figure as written,
 * status, note). Escaped; no script, no style beyond class names.
 *
 * @example tableHtml(table, "arms") // '<table class="chart-data" id="chart-data-arms" lang="en-GB">...'
 */
export function tableHtml(table: DataTable, slug: string): string {
  const cell = (tag: "th" | "td", text: string, numeric: boolean | undefined, scope?: string) =>
    `<${tag}${scope ? ` scope="${scope}"` : ""}${numeric ? ' class="chart-data-number"' : ""}>${escapeHtml(text)}</${tag}>`;
  const head = table.columns.map((column) => cell("th", column.label, column.numeric, "col")).join("");
  const body = table.rows.map(
    (row) => `    <tr>${row.map((c, i) => (i === 0 ? cell("th", c.text, table.columns[0]?.numeric, "row") : cell("td", c.text, table.columns[i]?.numeric))).join("")}</tr>`,
  );
  return [
    `<table class="chart-data" id="chart-data-${slug}" lang="${escapeHtml(table.locale)}">`,
    `  <caption>${escapeHtml(sentence(table.caption))} <span class="chart-data-source">${escapeHtml(table.source)}</span></caption>`,
    "  <thead>",
    `    <tr>${head}</tr>`,
    "  </thead>",
    "  <tbody>",
    ...body,
    "  </tbody>",
    "</table>",
    "",
  ].join("\n");
}

/** A caption ends as a sentence before the source line follows it. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
