// Percentages and percentage points as each language writes them. The first
// word of each list is the house's, the rest are read too: "19 per cent",
// "19 pour cent", "2.5 percentage points", "2,5 Prozentpunkte".
import type { Language } from "./locales.ts";

export const PERCENT_WORDS: Record<Language, string[]> = {
  en: ["%", "per cent", "percent", "pc"],
  fr: ["%", "pour cent"],
  vi: ["%", "phần trăm"],
  de: ["%", "Prozent", "v. H."],
  es: ["%", "por ciento"],
};

// en "pp": the FT's and The Economist's charts; fr "pts": Le Monde, Les Echos;
// vi "điểm %": VnExpress; de "Pp.": Handelsblatt, Destatis; es "p. p.": El País.
export const POINTS_WORDS: Record<Language, string[]> = {
  en: ["pp", "percentage points", "percentage point", "ppt"],
  fr: ["pts", "points de pourcentage", "point de pourcentage", "points", "point", "pt"],
  vi: ["điểm %", "điểm phần trăm"],
  de: ["Pp.", "Prozentpunkte", "Prozentpunkten", "Prozentpunkt", "PP", "Pp"],
  es: ["p. p.", "puntos porcentuales", "punto porcentual", "pp", "p.p."],
};

/**
 * A percent sign or word, or a percentage-point word, at `position` (after
 * optional spaces), or null.
 * @example percentAt("19 per cent", 2, "en") // { kind: "%", end: 11 }
 */
export function percentAt(text: string, position: number, language: Language): { kind: "%" | "pp"; end: number } | null {
  const space = /[ \u00a0\u202f]?/y;
  space.lastIndex = position;
  const start = position + space.exec(text)![0].length;
  const candidates = [
    ...PERCENT_WORDS[language].map((word) => ({ word, kind: "%" as const })),
    ...POINTS_WORDS[language].map((word) => ({ word, kind: "pp" as const })),
  ].sort((a, b) => b.word.length - a.word.length);
  for (const { word, kind } of candidates) {
    const written = text.slice(start, start + word.length).replace(/[\u00a0\u202f]/g, " ");
    if (written.toLocaleLowerCase(language) !== word.toLocaleLowerCase(language)) continue;
    // "%" and short abbreviations may touch the number ("19%", "2.5pp"); words stand apart.
    if (word.length > 3 && start === position) continue;
    if (/[\p{L}\p{N}]$/u.test(word) && /[\p{L}\p{N}]/u.test(text[start + word.length] ?? "")) continue;
    return { kind, end: start + word.length };
  }
  return null;
}
