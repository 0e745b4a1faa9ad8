// How a finding names what it is about, as a desk would point at it on the
// chart: a text by its role and words, a mark by its kind and the row it draws.
import type { SceneMark, TextBox } from "@charts/render";
import { STATUS_FIELD } from "@charts/specs";

const ROLES: Record<string, string> = {
  "axis-label": "axis label",
  "axis-title": "axis title",
  "legend-label": "legend label",
  "legend-title": "legend title",
  mark: "label",
  below: "note below the plot",
  headline: "headline",
  dek: "dek",
  notes: "notes",
  source: "source line",
  byline: "byline",
  title: "title",
};

const KINDS: Record<string, string> = { rect: "bar", symbol: "point", arc: "slice", line: "line", trail: "line", area: "area", rule: "rule" };

/** A text as a finding names it: `axis label "2014"`, `label "Derived: twice the 2023 figure"`. */
export function describeText(box: Pick<TextBox, "role" | "text">): string {
  return `${ROLES[box.role] ?? box.role} "${box.text.replace(/\s*\n\s*/g, " ")}"`;
}

/** Several texts of one role as a finding names them: `4 axis labels ("2019", "’20", "’21", …)`. */
export function describeTexts(boxes: Array<Pick<TextBox, "role" | "text">>): string {
  if (boxes.length === 1) return describeText(boxes[0]!);
  const words = boxes.slice(0, 3).map((box) => `"${box.text.replace(/\s*\n\s*/g, " ")}"`);
  return `${boxes.length} ${ROLES[boxes[0]!.role] ?? boxes[0]!.role}s (${words.join(", ")}${boxes.length > 3 ? ", …" : ""})`;
}

/** A mark as a finding names it: `bar (year 2021, trade_usd_bn 7.2)`, `line (country China)`. */
export function describeMark(mark: Pick<SceneMark, "type" | "datum" | "mark">): string {
  const kind = KINDS[mark.type] ?? mark.type;
  const row = rowOf(mark.datum);
  return row ? `${kind} (${row})` : `${kind} of ${mark.mark}`;
}

/** The fields of the dataset row a mark draws, without the ones Vega-Lite and the compiler add. */
export function rowOf(datum: Record<string, unknown> | undefined, only?: (key: string) => boolean): string {
  if (!datum) return "";
  return Object.entries(datum)
    .filter(([key]) => key !== STATUS_FIELD && !key.startsWith("__") && !/_(start|end)$/.test(key) && (only?.(key) ?? true))
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");
}

/** Several marks of one kind as a finding names them: `3 bars (partner China; partner United States; …)`. */
export function describeMarks(marks: Array<Pick<SceneMark, "type" | "datum" | "mark">>): string {
  if (marks.length === 1) return describeMark(marks[0]!);
  const kind = KINDS[marks[0]!.type] ?? marks[0]!.type;
  const rows = marks.map((mark) => rowOf(mark.datum)).filter(Boolean);
  const shown = rows.slice(0, 3).join("; ") + (rows.length > 3 ? "; …" : "");
  return `${marks.length} ${kind}s${shown ? ` (${shown})` : ` of ${marks[0]!.mark}`}`;
}

/** A length in px as findings write it: one decimal. */
export function px(value: number): string {
  return `${Math.round(value * 10) / 10} px`;
}

/** An overlap in px as findings write it: `12.5 × 13 px`. */
export function pxArea(width: number, height: number): string {
  return `${Math.round(width * 10) / 10} × ${px(height)}`;
}
