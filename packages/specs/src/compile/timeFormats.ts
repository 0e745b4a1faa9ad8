// House formats for time, per locale, from Intl: what a date axis writes
// (Vega's time formats, d3 patterns over a locale whose month and day names
// are Intl's), and how a note writes a period or a run of periods ("2015–2021",
// "Sept–Nov 2023", "Q3 2023"). Intl knows no quarters: the house writes them
// as the press of each language does (Q3 2023, T3 2023, Q3/2023).
import { periodStart, type PeriodRun, type TimeUnit } from "@charts/datasets";
import { checkLocale, languageOf, type Language, type Locale } from "@charts/numbers";

/** A d3-time-format locale definition, as Vega-Lite's `config.locale.time` takes it. */
export interface TimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

/** Quarters with and without the year, per language, as d3 patterns (%q is the quarter). */
const QUARTERS: Record<Language, { withYear: string; alone: string }> = {
  en: { withYear: "Q%q %Y", alone: "Q%q" },
  fr: { withYear: "T%q %Y", alone: "T%q" },
  de: { withYear: "Q%q %Y", alone: "Q%q" },
  es: { withYear: "T%q %Y", alone: "T%q" },
  vi: { withYear: "Q%q/%Y", alone: "Q%q" },
};

const DAY = 86_400_000;

/** Date formats by locale and options: one Intl.DateTimeFormat each per process (ICU makes them slowly). */
const formats = new Map<string, Intl.DateTimeFormat>();

function intl(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options })));
  return format;
}

/** Intl's parts as a d3 pattern: "3 Sept 2023" -> "%-d %b %Y". */
function patternOf(locale: Locale, options: Intl.DateTimeFormatOptions): string {
  const directive: Record<string, string> = { day: "%-d", month: "%b", year: "%Y" };
  return intl(locale, options)
    .formatToParts(new Date(Date.UTC(2023, 8, 3)))
    .map((part) => directive[part.type] ?? part.value.replace(/%/g, "%%"))
    .join("");
}

/**
 * The names of months and days in a locale, from Intl, for Vega's time
 * formats. Short months are the form Intl writes beside a year ("Sept" in
 * en-GB, "sept." in fr-FR, "thg 9" in vi-VN), so an axis reads as a note does.
 */
export function timeLocale(localeName: string | undefined): TimeLocale {
  const locale = checkLocale(localeName);
  const month = (options: Intl.DateTimeFormatOptions) =>
    Array.from({ length: 12 }, (_, m) =>
      intl(locale, options)
        .formatToParts(new Date(Date.UTC(2023, m, 1)))
        .find((part) => part.type === "month")!.value,
    );
  // 1 January 2023 was a Sunday, d3's first day.
  const day = (weekday: "long" | "short") => Array.from({ length: 7 }, (_, d) => intl(locale, { weekday }).format(new Date(Date.UTC(2023, 0, 1 + d))));
  return {
    dateTime: "%x, %X",
    date: patternOf(locale, { day: "numeric", month: "short", year: "numeric" }),
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: day("long"),
    shortDays: day("short"),
    months: month({ month: "long" }),
    shortMonths: month({ month: "short", year: "numeric" }),
  };
}

/**
 * The d3 pattern of a date label at a granularity, with the year or
 * without: year "%Y"; quarter "Q%q %Y" / "Q%q"; month "%b %Y" / "%b";
 * week and day "%-d %b %Y" / "%-d %b" (en-US "%b %-d, %Y"), from Intl.
 */
export function datePattern(unit: TimeUnit, localeName: string | undefined, withYear = true): string {
  const locale = checkLocale(localeName);
  switch (unit) {
    case "year":
      return "%Y";
    case "quarter":
      return QUARTERS[languageOf(locale)][withYear ? "withYear" : "alone"];
    case "month":
      return patternOf(locale, withYear ? { month: "short", year: "numeric" } : { month: "short" });
    case "week":
    case "day":
      return patternOf(locale, withYear ? { day: "numeric", month: "short", year: "numeric" } : { day: "numeric", month: "short" });
  }
}

/** A quarter as the house writes it: "Q3 2023". */
function quarter(index: number, locale: Locale, withYear = true): string {
  const pattern = QUARTERS[languageOf(locale)][withYear ? "withYear" : "alone"];
  return pattern.replace("%q", String((((index % 4) + 4) % 4) + 1)).replace("%Y", String(Math.floor(index / 4)));
}

/** Intl options for writing a period of `unit`. */
function optionsFor(unit: TimeUnit): Intl.DateTimeFormatOptions {
  if (unit === "year") return { year: "numeric" };
  if (unit === "month") return { month: "short", year: "numeric" };
  return { day: "numeric", month: "short", year: "numeric" };
}

/**
 * One period as a reader reads it: "2015", "Q3 2023", "Sept 2023",
 * "3 Sept 2023" (a week is written as its Monday).
 */
export function formatPeriod(index: number, unit: TimeUnit, localeName: string | undefined): string {
  const locale = checkLocale(localeName);
  if (unit === "quarter") return quarter(index, locale);
  return intl(locale, optionsFor(unit)).format(new Date(periodStart(index, unit)));
}

/**
 * A run of periods, first to last inclusive, as Intl writes a range:
 * "2015–2021", "Sept–Nov 2023", "3–9 Apr 2023" (weeks run Monday to
 * Sunday); quarters "Q3–Q4 2023", "Q4 2023–Q1 2024". One period alone is
 * written as formatPeriod does.
 */
export function formatRun(run: PeriodRun, unit: TimeUnit, localeName: string | undefined): string {
  const locale = checkLocale(localeName);
  if (run.first === run.last && unit !== "week") return formatPeriod(run.first, unit, locale);
  if (unit === "quarter") {
    const sameYear = Math.floor(run.first / 4) === Math.floor(run.last / 4);
    return `${quarter(run.first, locale, !sameYear)}–${quarter(run.last, locale)}`;
  }
  const start = new Date(periodStart(run.first, unit));
  const end = new Date(unit === "week" ? periodStart(run.last, unit) + 6 * DAY : periodStart(run.last, unit));
  return intl(locale, optionsFor(unit)).formatRange(start, end);
}

/** Several runs in a sentence: "2015–2017, 2019 and 2021" (Intl's list in the locale). */
export function formatRuns(runs: PeriodRun[], unit: TimeUnit, localeName: string | undefined): string {
  const locale = checkLocale(localeName);
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(runs.map((run) => formatRun(run, unit, locale)));
}
