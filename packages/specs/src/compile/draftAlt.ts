import type { Dataset, Row } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";
import { checkLocale, languageOf, type Language } from "@charts/numbers";
import { parseFigure } from "@charts/texts";
import { formatValue } from "@charts/theme";
import type { ChartDefinition } from "../types.ts";
import { baseEncoding, houseUnit, isObject, markSpec, markType, units, type Json } from "./plotShape.ts";

/** Hedges of a source figure that make the drawn value an approximation ("around US$1 billion"). */
const APPROXIMATE = new Set(["about", "around", "approximately", "roughly", "some", "circa", "an estimated", "close to"]);

/** Up to this many values are listed one by one; beyond, the extremes and the last. */
const LISTED = 6;

type Kind = "bar" | "barAcross" | "line" | "area" | "point" | "other";

interface Phrases {
  kind: Record<Kind, string>;
  /** A value of a series at a year: "$72m in 2022". */
  inYear: (value: string, year: string) => string;
  /** The first and last key of a long series. */
  span: (first: string, last: string) => string;
  /** The highest and lowest values. */
  extremes: (high: string, low: string) => string;
  highlighted: (names: string, count: number) => string;
  gap: string;
  derived: string;
  colon: string;
}

// The house's languages (@charts/numbers' locales); numbers come from the house formatter.
const PHRASES: Record<Language, Phrases> = {
  en: {
    kind: { bar: "Bar chart", barAcross: "Horizontal bar chart", line: "Line chart", area: "Area chart", point: "Dot chart", other: "Chart" },
    inYear: (v, y) => `${v} in ${y}`,
    span: (first, last) => `from ${first} to ${last}`,
    extremes: (high, low) => `highest ${high}, lowest ${low}`,
    highlighted: (names, n) => `${names} ${n === 1 ? "is" : "are"} highlighted.`,
    gap: "No figures for the years in between.",
    derived: "derived",
    colon: ":",
  },
  fr: {
    kind: {
      bar: "Diagramme en barres",
      barAcross: "Diagramme en barres horizontales",
      line: "Graphique en courbes",
      area: "Graphique en aires",
      point: "Nuage de points",
      other: "Graphique",
    },
    inYear: (v, y) => `${v} en ${y}`,
    span: (first, last) => `de ${first} à ${last}`,
    extremes: (high, low) => `maximum ${high}, minimum ${low}`,
    highlighted: (names, n) => `${names} ${n === 1 ? "est mis" : "sont mis"} en évidence.`,
    gap: "Pas de chiffres pour les années intermédiaires.",
    derived: "calculé",
    colon: "\u00a0:",
  },
  de: {
    kind: {
      bar: "Balkendiagramm",
      barAcross: "Horizontales Balkendiagramm",
      line: "Liniendiagramm",
      area: "Flächendiagramm",
      point: "Punktdiagramm",
      other: "Diagramm",
    },
    inYear: (v, y) => `${v} im Jahr ${y}`,
    span: (first, last) => `von ${first} bis ${last}`,
    extremes: (high, low) => `höchster Wert ${high}, niedrigster ${low}`,
    highlighted: (names, n) => `${names} ${n === 1 ? "ist" : "sind"} hervorgehoben.`,
    gap: "Für die Jahre dazwischen gibt es keine Zahlen.",
    derived: "abgeleitet",
    colon: ":",
  },
  es: {
    kind: {
      bar: "Gráfico de barras",
      barAcross: "Gráfico de barras horizontales",
      line: "Gráfico de líneas",
      area: "Gráfico de áreas",
      point: "Gráfico de puntos",
      other: "Gráfico",
    },
    inYear: (v, y) => `${v} en ${y}`,
    span: (first, last) => `de ${first} a ${last}`,
    extremes: (high, low) => `máximo ${high}, mínimo ${low}`,
    highlighted: (names, n) => `${names} ${n === 1 ? "aparece destacado" : "aparecen destacados"}.`,
    gap: "No hay cifras para los años intermedios.",
    derived: "derivado",
    colon: ":",
  },
  vi: {
    kind: {
      bar: "Biểu đồ cột",
      barAcross: "Biểu đồ thanh ngang",
      line: "Biểu đồ đường",
      area: "Biểu đồ vùng",
      point: "Biểu đồ điểm",
      other: "Biểu đồ",
    },
    inYear: (v, y) => `${v} năm ${y}`,
    span: (first, last) => `từ ${first} đến ${last}`,
    extremes: (high, low) => `cao nhất ${high}, thấp nhất ${low}`,
    highlighted: (names) => `${names} được làm nổi bật.`,
    gap: "Không có số liệu cho các năm ở giữa.",
    derived: "suy ra",
    colon: ":",
  },
};

/**
 * Alt text drafted from the rows a chart draws, when the definition gives
 * none (after Highcharts' generated descriptions): the kind of chart, what is
 * measured (the dek), then the values, written by the house formatter in the
 * chart's locale and language.
 *
 * - a series over years (or another ordered key): each value with its year,
 *   in order, "(derived)" on derived rows, and whether years in between have
 *   no figures; beyond six values, the span, the highest, the lowest and the last;
 * - categories: each with its value, largest first; beyond six, the extremes;
 * - several series (a colour field): the same for each;
 * - a highlight annotation: which categories are highlighted.
 *
 * A figure the source hedges ("around US$1 billion") is written "about $1bn".
 * Numbers come only from the rows drawn, so the draft passes checkAltNumbers.
 * A chart whose rows only Vega can compute (a `filter`, transforms,
 * aggregates, a facet, two quantitative axes) needs alt text written by hand.
 *
 * @example draftAlt(armsChart, arms, "charts/arms.chart.json")
 * // "Bar chart. Value of Russian arms transferred to Vietnam, US$ million: about $1bn in 2014 and $72m in 2022. No figures for the years in between."
 */
export function draftAlt(definition: ChartDefinition, dataset: Dataset, file: string): string {
  const refuse = (reason: string) => new ChartsError(message.altNotDrafted(reason), { file, field: "alt" });
  if (isObject(definition.data) && definition.data.filter) throw refuse("the data has a filter (it runs in Vega)");
  const target = markSpec(definition.plot);
  if (!target || target !== definition.plot) throw refuse("the plot is faceted");
  if (units(target).some(({ unit }) => Array.isArray(unit.transform) && unit.transform.length) || Array.isArray(target.transform)) {
    throw refuse("the plot transforms its rows");
  }
  const base = baseEncoding(target);
  const column = (def: unknown) => (isObject(def) && typeof def.field === "string" ? dataset.meta.columns.find((c) => c.name === def.field) : undefined);
  const valueChannel = (["y", "x"] as const).find((c) => isObject(base[c]) && (base[c] as Json).type === "quantitative" && column(base[c])?.type === "number");
  const keyChannel = valueChannel === "y" ? "x" : "y";
  const value = valueChannel && column(base[valueChannel]);
  const key = valueChannel && column(base[keyChannel]);
  if (!valueChannel || !value || !key) throw refuse("the plot has no value and key fields of the dataset on x and y");
  if (key.type === "number") throw refuse("both axes are quantitative");
  for (const def of [base.x, base.y, base.color]) {
    if (isObject(def) && (def.aggregate || def.bin || def.timeUnit)) throw refuse("the plot aggregates, bins or groups by time");
  }
  const series = column(base.color) ?? column(base.detail);

  const locale = definition.locale ?? "en-GB";
  const words = PHRASES[languageOf(checkLocale(locale, { file, field: "locale" }))];
  const unit = houseUnit(dataset, value.name) ?? "number";
  const amount = (row: Row) => formatValue(row.values[value.name] as number, { unit, locale, approx: isApproximate(row) });
  const derived = (row: Row) => row.provenance.status === "derived";
  const keyText = (row: Row) => String(row.values[key.name]);
  const ordered = key.type === "year" || (isObject(base[keyChannel]) && ["ordinal", "temporal", "quantitative"].includes(String((base[keyChannel] as Json).type)));
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: "conjunction" }).format(items);

  const item = (row: Row) => `${keyText(row)} (${amount(row)}${derived(row) ? `, ${words.derived}` : ""})`;
  const describeRows = (rows: Row[]): string => {
    const drawn = rows.filter((row) => typeof row.values[value.name] === "number");
    if (ordered) {
      const sorted = [...drawn].sort((a, b) => compare(a.values[key.name], b.values[key.name]));
      const at = (row: Row) =>
        key.type === "year" ? `${words.inYear(amount(row), keyText(row))}${derived(row) ? ` (${words.derived})` : ""}` : item(row);
      if (sorted.length <= LISTED) return list(sorted.map(at));
      const byValue = [...sorted].sort((a, b) => (b.values[value.name] as number) - (a.values[value.name] as number));
      const span = words.span(keyText(sorted[0]!), keyText(sorted.at(-1)!));
      return `${span}${words.colon} ${words.extremes(at(byValue[0]!), at(byValue.at(-1)!))}, ${at(sorted.at(-1)!)}`;
    }
    const sorted = [...drawn].sort((a, b) => (b.values[value.name] as number) - (a.values[value.name] as number));
    if (sorted.length <= LISTED) return list(sorted.map(item));
    return words.extremes(item(sorted[0]!), item(sorted.at(-1)!));
  };

  const across = valueChannel === "x";
  const mark = units(target).map(({ unit: u }) => markType(u)).find((type) => type && type !== "text" && type !== "rule") ?? "other";
  const kind: Kind = mark === "bar" ? (across ? "barAcross" : "bar") : mark === "line" || mark === "area" ? mark : mark === "point" || mark === "circle" ? "point" : "other";
  const dek = definition.dek.trim().replace(/[.:;]$/, "");

  let body: string;
  if (series) {
    const groups = new Map<string, Row[]>();
    for (const row of dataset.rows) groups.set(String(row.values[series.name]), [...(groups.get(String(row.values[series.name])) ?? []), row]);
    body = [...groups].map(([name, rows]) => `${name}${words.colon} ${describeRows(rows)}`).join("; ");
  } else {
    body = describeRows(dataset.rows);
  }
  const sentences = [`${words.kind[kind]}. ${dek}${words.colon} ${body}.`];
  if (key.type === "year" && hasGap(dataset.rows.map((row) => row.values[key.name]))) sentences.push(words.gap);
  const highlight = (definition.annotations ?? []).find((a) => a.type === "highlight");
  if (highlight && highlight.type === "highlight") sentences.push(words.highlighted(list(highlight.values.map(String)), highlight.values.length));
  return sentences.join(" ");
}

/** Whether the source hedges the row's figure ("around US$1 billion"). */
function isApproximate(row: Row): boolean {
  try {
    const { qualifier } = parseFigure(row.provenance.figure);
    return qualifier !== undefined && APPROXIMATE.has(qualifier.toLowerCase());
  } catch {
    return false;
  }
}

function compare(a: unknown, b: unknown): number {
  return typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
}

/** Whether whole years are missing between the first and the last. */
function hasGap(values: unknown[]): boolean {
  const years = [...new Set(values.filter((v): v is number => typeof v === "number"))].sort((a, b) => a - b);
  return years.some((year, i) => i > 0 && year - years[i - 1]! > 1);
}
