import { periodOf, type Dataset, type ProvenanceStatus, type Row, type Value } from "@charts/datasets";
import type { GapsOption } from "./drawRows.ts";
import { findGaps, seriesFieldsOf, type Gap } from "./findGaps.ts";
import { houseWords, sentence } from "./houseWords.ts";
import { isDiscrete, isObject, units, viewsOf, type Json } from "./plotShape.ts";
import { timeAxisOf, type TimeAxis } from "./timeAxis.ts";
import { formatPeriod, formatRuns } from "./timeFormats.ts";

/**
 * Step 9a: the notes a chart writes itself, in its locale, before the
 * desk's own. What the marks show must be explained where a reader looks:
 *
 * - each gap of a time axis: "No figures for 2015–2021 in the sources.";
 *   a panel's or a series' own: "Russia: no figures for 2019 in the sources."
 *   (`gaps.reason` replaces these; with `gaps.mark: false` only the reason
 *   is noted);
 * - each derived or implied row drawn, with its note from data.csv, rows
 *   sharing a note together: "2021 is derived: twice the 2023 figure."
 *   Rows are named by the fields the plot draws them by (a category, a
 *   series, the period).
 */
export function generatedNotes(plot: Json, dataset: Dataset, options: { gaps: GapsOption; locale: string }): string[] {
  const { gaps: option, locale } = options;
  const words = houseWords(locale);
  const notes: string[] = [];
  const labelFields = new Set<string>();
  let timeAxis: TimeAxis | undefined;
  for (const view of viewsOf(plot)) {
    const axis = timeAxisOf(view.spec, dataset);
    for (const { encoding, unit } of units(view.spec)) {
      if (unit.data !== undefined) continue;
      for (const channel of ["x", "y"]) {
        const def = encoding[channel];
        if (isObject(def) && typeof def.field === "string" && (isDiscrete(def) || def.field === axis?.field)) labelFields.add(def.field);
      }
      for (const field of seriesFieldsOf(encoding, axis?.field ?? "")) labelFields.add(field);
    }
    for (const field of view.panels) labelFields.add(field);
    if (!axis) continue;
    timeAxis ??= axis;
    if (option.mark === false || option.reason !== undefined) continue;
    const found = findGaps(view, axis, dataset);
    const unit = axis.kind === "year" ? "year" : axis.step.unit;
    const runs = (gap: Gap) => formatRuns(gap.runs, unit, locale);
    for (const gap of found.panels) notes.push(Object.keys(gap.key).length ? words.noFiguresFor(keyOf(gap.key), runs(gap)) : words.noFigures(runs(gap)));
    for (const gap of found.series) notes.push(words.noFiguresFor(keyOf(gap.key), runs(gap)));
  }
  if (option.reason !== undefined && timeAxis) notes.push(sentence(option.reason));

  const columns = new Set(dataset.meta.columns.map((c) => c.name));
  const fields = [...labelFields].filter((field) => columns.has(field));
  const nameOf = (row: Row) => rowName(row, fields, timeAxis, locale);
  const groups = new Map<string, { status: Exclude<ProvenanceStatus, "stated">; note: string; names: string[] }>();
  for (const row of dataset.rows) {
    const { status, note } = row.provenance;
    if (status === "stated") continue;
    const id = JSON.stringify([status, note ?? ""]);
    const group = groups.get(id) ?? { status, note: note ?? "", names: [] };
    const name = nameOf(row);
    if (name && !group.names.includes(name)) group.names.push(name);
    groups.set(id, group);
  }
  for (const { status, note, names } of groups.values()) {
    if (!names.length || !note) continue;
    const list = new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
    notes.push(sentence(words.status(list, names.length, status, note)));
  }
  return [...new Set(notes)];
}

/** A panel or series as a reader knows it: its fields' values, "Russia" or "Russia, exports". */
function keyOf(key: Record<string, Value>): string {
  return Object.values(key)
    .filter((value) => value !== null)
    .join(", ");
}

/** A row named by the fields the plot draws it by: "2021", "China", "Russia (2021)". */
function rowName(row: Row, fields: string[], axis: TimeAxis | undefined, locale: string): string {
  const categories = fields.filter((f) => f !== axis?.field && row.values[f] !== null).map((f) => String(row.values[f]));
  const time = axis && row.values[axis.field] !== null && fields.includes(axis.field) ? timeName(row.values[axis.field] as string | number, axis, locale) : undefined;
  if (!categories.length) return time ?? "";
  return time ? `${categories.join(", ")} (${time})` : categories.join(", ");
}

function timeName(value: string | number, axis: TimeAxis, locale: string): string {
  if (axis.kind === "year") return String(value);
  return formatPeriod(periodOf(value, axis.step.unit), axis.step.unit, locale);
}
