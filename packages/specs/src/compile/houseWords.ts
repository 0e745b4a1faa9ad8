// The words the compiler writes on a chart itself, per language: the note
// and the band label of a gap, the note on derived and implied rows, and the
// accessible description of a time axis. Like the source line (theme's
// sourceLine), they follow the chart's locale; what they quote (periods,
// the rows' own notes) comes from the data.
import type { ProvenanceStatus, TimeUnit } from "@charts/datasets";
import { checkLocale, languageOf, type Language } from "@charts/numbers";

interface Words {
  /** "No figures for 2015–2021 in the sources." */
  noFigures: (periods: string) => string;
  /** "Russia: no figures for 2015–2021 in the sources." */
  noFiguresFor: (series: string, periods: string) => string;
  /** The label of a gap's band; "\n" breaks lines. */
  gapLabel: string;
  /** "2021 is derived: twice the 2023 figure." */
  status: (labels: string, count: number, status: Exclude<ProvenanceStatus, "stated">, note: string) => string;
  /** "X-axis: years from 2013 to 2023" */
  axis: (channel: "X" | "Y", unit: TimeUnit, from: string, to: string) => string;
}

const NNBSP = "\u202f";

const WORDS: Record<Language, Words> = {
  en: {
    noFigures: (p) => `No figures for ${p} in the sources.`,
    noFiguresFor: (s, p) => `${s}: no figures for ${p} in the sources.`,
    gapLabel: "No figures\nin the sources",
    status: (l, n, s, note) => `${l} ${n > 1 ? "are" : "is"} ${s}: ${note}`,
    axis: (c, u, a, b) => `${c}-axis: ${{ year: "years", quarter: "quarters", month: "months", week: "weeks", day: "days" }[u]} from ${a} to ${b}`,
  },
  fr: {
    noFigures: (p) => `Pas de chiffres pour ${p} dans les sources.`,
    noFiguresFor: (s, p) => `${s}${NNBSP}: pas de chiffres pour ${p} dans les sources.`,
    gapLabel: "Pas de chiffres\ndans les sources",
    status: (l, n, s, note) => `${l}${NNBSP}: ${n > 1 ? (s === "derived" ? "valeurs dérivées" : "valeurs implicites") : s === "derived" ? "valeur dérivée" : "valeur implicite"}, ${note}`,
    axis: (c, u, a, b) => `Axe ${c}${NNBSP}: ${{ year: "années", quarter: "trimestres", month: "mois", week: "semaines", day: "jours" }[u]} de ${a} à ${b}`,
  },
  de: {
    noFigures: (p) => `Keine Zahlen für ${p} in den Quellen.`,
    noFiguresFor: (s, p) => `${s}: keine Zahlen für ${p} in den Quellen.`,
    gapLabel: "Keine Zahlen\nin den Quellen",
    status: (l, n, s, note) => `${l}: ${n > 1 ? (s === "derived" ? "abgeleitete Werte" : "erschlossene Werte") : s === "derived" ? "abgeleiteter Wert" : "erschlossener Wert"}, ${note}`,
    axis: (c, u, a, b) => `${c}-Achse: ${{ year: "Jahre", quarter: "Quartale", month: "Monate", week: "Wochen", day: "Tage" }[u]} von ${a} bis ${b}`,
  },
  es: {
    noFigures: (p) => `Sin cifras para ${p} en las fuentes.`,
    noFiguresFor: (s, p) => `${s}: sin cifras para ${p} en las fuentes.`,
    gapLabel: "Sin cifras\nen las fuentes",
    status: (l, n, s, note) => `${l}: ${n > 1 ? (s === "derived" ? "valores derivados" : "valores implícitos") : s === "derived" ? "valor derivado" : "valor implícito"}, ${note}`,
    axis: (c, u, a, b) => `Eje ${c}: ${{ year: "años", quarter: "trimestres", month: "meses", week: "semanas", day: "días" }[u]} de ${a} a ${b}`,
  },
  vi: {
    noFigures: (p) => `Các nguồn không có số liệu cho ${p}.`,
    noFiguresFor: (s, p) => `${s}: các nguồn không có số liệu cho ${p}.`,
    gapLabel: "Các nguồn không\ncó số liệu",
    status: (l, _n, s, note) => `${l}: ${s === "derived" ? "số liệu suy ra" : "số liệu ngầm định"}, ${note}`,
    axis: (c, u, a, b) => `Trục ${c}: ${{ year: "các năm", quarter: "các quý", month: "các tháng", week: "các tuần", day: "các ngày" }[u]} từ ${a} đến ${b}`,
  },
};

/** The house words in the language of a locale (en-GB when undefined). */
export function houseWords(locale: string | undefined): Words {
  return WORDS[languageOf(checkLocale(locale))];
}

/** A sentence starts with a capital ("août 2022 : …" -> "Août 2022 : …") and ends with one full stop, whatever a row's note has. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toLocaleUpperCase() + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
