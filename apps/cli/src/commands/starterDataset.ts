// A starter dataset from figures a desk picked in `charts extract`: the
// figures' rows with their provenance filled in, ready for `charts check`.
import { mkdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { convertFigure, type DatasetMeta } from "@charts/datasets";
import { ChartsError, displayPath, invalid, message } from "@charts/errors";
import { SCALES, measureOfWord, parseUnit } from "@charts/numbers";
import { findFigure, type Figure, type SourceText } from "@charts/texts";
import type { Config } from "../config.ts";

interface Row {
  label: string;
  year: number | null;
  value: number | string;
  unit: string | undefined;
  figure: Figure;
  context: string;
}

/**
 * Writes datasets/NAME/dataset.json and data.csv from picked figures, one row
 * each: a `label` column (the words that pick the figure's occurrence, for
 * the desk to rename), `year` when the figure's sentence states exactly one
 * year, and `value` in one unit the figures share (`USD billion`, `count
 * million`, `%`, `rank`...), or in a `unit` column per row when they share
 * none. Provenance: source (the text id), figure as written, status
 * `stated`, context (words of the sentence that make the occurrence
 * unique). Ranges and vague quantities cannot be picked; an existing
 * dataset is never overwritten.
 *
 * @returns the files written (as shown to the desk) and the shared unit.
 */
export async function writeStarterDataset(
  config: Config,
  name: string,
  text: SourceText,
  picked: Array<{ number: number; figure: Figure }>,
  all: readonly Figure[],
): Promise<{ files: string[]; unit: string | undefined }> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw invalid({ field: "--dataset" }, message.expectedDatasetName(), name);
  const dir = join(config.datasets, name);
  if (await stat(dir).catch(() => undefined)) throw new ChartsError(message.datasetExists(name), { file: displayPath(dir, config.root) });
  for (const { number, figure } of picked) {
    if (figure.kind === "range") throw new ChartsError(message.unpickable(number, figure.text, "a range (two figures)"), { field: "--pick" });
    if (figure.vague) throw new ChartsError(message.unpickable(number, figure.text, "a vague quantity"), { field: "--pick" });
  }
  const figures = picked.map((p) => p.figure);
  const shared = sharedUnit(figures);
  const units = figures.map((figure) => shared ?? unitOf(figure));
  const dated = figures.every((f) => f.kind === "year" || f.kind === "date");
  // dates stay dates (an ISO date column), unless a year or a span of days is among them
  const days = dated && figures.every((f) => f.kind === "date" && f.date !== undefined && !f.date.includes("/"));
  const rows = figures.map((figure, i): Row => {
    const unit = dated ? undefined : units[i];
    return {
      label: "",
      year: dated ? null : yearOf(figure, all),
      value: days ? figure.date! : convertFigure(figure, unit, { field: "--pick" }),
      unit,
      figure,
      context: contextOf(text, figure),
    };
  });
  rows.forEach((row, i) => {
    const taken = rows.slice(0, i).filter((other) => other.context === row.context).length;
    row.label = taken ? `${row.context} (${taken + 1})` : row.context;
  });
  const columns: DatasetMeta["columns"] = [
    { name: "label", type: "string", description: "What the row measures (written from the figure's sentence: rename it)" },
    ...(dated ? [] : [{ name: "year", type: "year" as const, description: "Year the figure refers to, when its sentence states one" }]),
    days
      ? { name: "value", type: "date", description: "The date the text states" }
      : dated
      ? { name: "value", type: "year", description: "The year the text states" }
      : { name: "value", type: "number", ...(shared ? { unit: shared } : {}), description: "The figure" },
    ...(shared || dated ? [] : [{ name: "unit", type: "string" as const, description: "Unit of value" }]),
  ];
  const meta: DatasetMeta & { $schema: string } = {
    $schema: "../../packages/datasets/dataset.schema.json",
    title: `Figures from ${text.id}`,
    description: `Starter written by charts extract ${text.id} --pick ${picked.map((p) => p.number).join(",")}: give it a title, rename the labels, check each row's year and unit.`,
    columns,
    value: "value",
  };
  const header = [...columns.map((c) => c.name), "source", "figure", "status", "context", "formula", "note"];
  const lines = rows.map((row) =>
    [row.label, ...(dated ? [] : [row.year ?? ""]), row.value, ...(shared || dated ? [] : [row.unit ?? ""]), text.id, row.figure.text, "stated", row.context, "", ""].map(csvCell).join(","),
  );
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "dataset.json"), `${JSON.stringify(meta, null, 2)}\n`);
  await writeFile(join(dir, "data.csv"), `${[header.join(","), ...lines].join("\n")}\n`);
  return { files: ["dataset.json", "data.csv"].map((file) => displayPath(join(dir, file), config.root)), unit: shared };
}

/** The unit of a figure's kind without a scale: its currency, a measure or count, %, pp, rank, year. */
function baseOf(figure: Figure): string {
  if (figure.kind === "money" || figure.kind === "percent") return figure.unit;
  if (figure.kind === "ordinal") return "rank";
  if (figure.kind === "year" || figure.kind === "date") return "year";
  return measureOfWord(figure.unit, "en")?.name ?? "count";
}

/** The largest scale, from a million, that all `values` reach. */
function scaleFor(base: string, values: number[]): string {
  if (!parseUnit(`${base} million`)) return base;
  const scale = Object.entries(SCALES).reverse().find(([, exponent]) => exponent >= 6 && values.every((v) => Math.abs(v) >= 10 ** exponent))?.[0];
  return scale ? `${base} ${scale}` : base;
}

/** A figure's own unit: US$72 million is `USD million`, 36.4 million riders `count million`. */
function unitOf(figure: Figure): string {
  return scaleFor(baseOf(figure), [figure.value]);
}

/** The unit all figures can be held in (euros in millions for €3.6bn and €72m), or undefined. */
function sharedUnit(figures: Figure[]): string | undefined {
  const base = baseOf(figures[0]!);
  return figures.every((figure) => baseOf(figure) === base) ? scaleFor(base, figures.map((f) => f.value)) : undefined;
}

/** The one year the figure's sentence states (a year or dated figure of it), else null: the desk fills it, as implied, with a note. */
function yearOf(figure: Figure, all: readonly Figure[]): number | null {
  const years = new Set(
    all.filter((other) => other.sentence.index === figure.sentence.index && (other.kind === "year" || other.kind === "date")).map((other) => other.value),
  );
  return years.size === 1 ? [...years][0]! : null;
}

/** Words of the figure's sentence, nearest first, that find this occurrence of the figure and no other. */
function contextOf(text: SourceText, figure: Figure): string {
  const { sentence } = figure;
  const before = text.clean.slice(sentence.start, figure.start).split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const after = text.clean.slice(figure.end, sentence.end).split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const trim = (words: string[]) => words.join(" ").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  const candidates = [
    ...[2, 3, 4, 6].map((n) => trim(before.slice(-n))),
    ...[2, 3, 4, 6].map((n) => trim(after.slice(0, n))),
    trim([...before.slice(-4), ...after.slice(0, 4)]),
  ];
  for (const context of candidates) {
    if (!context || !sentence.text.includes(context)) continue;
    const found = findFigure(text, figure.text, context);
    if (found.length === 1 && found[0]!.start === figure.start) return context;
  }
  return trim(before.slice(-4)) || trim(after.slice(0, 4));
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
