// The locales the house writes numbers in. Each reads and writes digits with
// the separators Intl gives it; words (scales, currencies, percent) are read
// per language, so "bn" and "B" both read in en-GB and en-US.
import { invalid, message, type Where } from "@charts/errors";

export const LOCALES = ["en-GB", "en-US", "fr-FR", "vi-VN", "de-DE", "es-ES"] as const;
export type Locale = (typeof LOCALES)[number];
export type Language = "en" | "fr" | "vi" | "de" | "es";

export const DEFAULT_LOCALE: Locale = "en-GB";

/** `locale` when it is a house locale, else undefined. */
export function isLocale(locale: unknown): locale is Locale {
  return (LOCALES as readonly unknown[]).includes(locale);
}

/**
 * The house locale named by `locale` (en-GB when undefined).
 * @throws ChartsError via `invalid` naming `where` for any other value.
 */
export function checkLocale(locale: unknown, where: Where = {}): Locale {
  if (locale === undefined) return DEFAULT_LOCALE;
  if (isLocale(locale)) return locale;
  throw invalid(where, message.expectedLocale(LOCALES), locale);
}

export function languageOf(locale: Locale): Language {
  return locale.slice(0, 2) as Language;
}

/** The locales of a language: en -> en-GB, en-US. */
export function localesOf(language: Language): Locale[] {
  return LOCALES.filter((locale) => languageOf(locale) === language);
}

export interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<Locale, Separators>();

/** Decimal and group separators, as Intl writes them (fr-FR groups with U+202F). */
export function separators(locale: Locale): Separators {
  let found = separatorCache.get(locale);
  if (!found) {
    const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
    found = {
      decimal: parts.find((part) => part.type === "decimal")!.value,
      group: parts.find((part) => part.type === "group")!.value,
    };
    separatorCache.set(locale, found);
  }
  return found;
}
