import { describe, expect, it } from "vitest";
import { periodOf } from "@charts/datasets";
import { LOCALES } from "@charts/numbers";
import { datePattern, formatPeriod, formatRun, formatRuns, timeLocale } from "../../src/compile/timeFormats.ts";

const NNBSP = "\u2009";

describe("timeLocale(locale)", () => {
  it("names months and days from Intl, for every house locale", () => {
    for (const locale of LOCALES) {
      const time = timeLocale(locale);
      expect(time.months, locale).toHaveLength(12);
      expect(time.shortMonths, locale).toHaveLength(12);
      expect(time.days, locale).toHaveLength(7);
      expect(new Set(time.shortMonths).size, locale).toBe(12);
    }
    expect(timeLocale("en-GB").shortMonths.slice(7, 9)).toEqual(["Aug", "Sept"]);
    expect(timeLocale("fr-FR").shortMonths[8]).toBe("sept.");
    expect(timeLocale("de-DE").months[2]).toBe("März");
    expect(timeLocale("vi-VN").shortMonths[0]).toBe("thg 1");
    expect(timeLocale("en-US").days[0]).toBe("Sunday");
  });
});

describe("datePattern(unit, locale, withYear)", () => {
  it("writes Intl's order and punctuation as d3 patterns", () => {
    expect(datePattern("month", "en-GB")).toBe("%b %Y");
    expect(datePattern("month", "en-GB", false)).toBe("%b");
    expect(datePattern("day", "en-GB")).toBe("%-d %b %Y");
    expect(datePattern("day", "en-US")).toBe("%b %-d, %Y");
    expect(datePattern("day", "de-DE")).toBe("%-d. %b %Y");
    expect(datePattern("day", "vi-VN")).toBe("%-d %b, %Y");
    expect(datePattern("year", "fr-FR")).toBe("%Y");
  });

  it("writes quarters as each language's press does", () => {
    expect(datePattern("quarter", "en-GB")).toBe("Q%q %Y");
    expect(datePattern("quarter", "fr-FR")).toBe("T%q %Y");
    expect(datePattern("quarter", "es-ES", false)).toBe("T%q");
    expect(datePattern("quarter", "vi-VN")).toBe("Q%q/%Y");
  });
});

describe("formatPeriod(index, unit, locale) and formatRun(run, unit, locale)", () => {
  it("writes one period", () => {
    expect(formatPeriod(2015, "year", "en-GB")).toBe("2015");
    expect(formatPeriod(periodOf("2023-08-14", "quarter"), "quarter", "en-GB")).toBe("Q3 2023");
    expect(formatPeriod(periodOf("2023-08-14", "month"), "month", "fr-FR")).toBe("août 2023");
    expect(formatPeriod(periodOf("2023-08-14", "day"), "day", "en-US")).toBe("Aug 14, 2023");
  });

  it("writes a run as Intl writes a range, quarters by hand", () => {
    expect(formatRun({ first: 2015, last: 2021 }, "year", "en-GB")).toBe(`2015${NNBSP}–${NNBSP}2021`);
    expect(formatRun({ first: 2015, last: 2021 }, "year", "fr-FR")).toBe("2015–2021");
    expect(formatRun({ first: 2019, last: 2019 }, "year", "de-DE")).toBe("2019");
    const month = (date: string) => periodOf(date, "month");
    expect(formatRun({ first: month("2022-04"), last: month("2022-06") }, "month", "fr-FR")).toBe("avr.–juin 2022");
    const quarter = (date: string) => periodOf(date, "quarter");
    expect(formatRun({ first: quarter("2023-07-01"), last: quarter("2023-10-01") }, "quarter", "en-GB")).toBe("Q3–Q4 2023");
    expect(formatRun({ first: quarter("2023-10-01"), last: quarter("2024-01-01") }, "quarter", "fr-FR")).toBe("T4 2023–T1 2024");
    // A week runs Monday to Sunday.
    const week = periodOf("2023-04-05", "week");
    expect(formatRun({ first: week, last: week }, "week", "en-GB")).toBe(`3${NNBSP}–${NNBSP}9 Apr 2023`);
  });

  it("lists several runs in the chart's language", () => {
    const runs = [{ first: 2012, last: 2012 }, { first: 2015, last: 2017 }];
    expect(formatRuns(runs, "year", "es-ES")).toBe("2012 y 2015–2017");
    expect(formatRuns(runs, "year", "vi-VN")).toBe("2012 và 2015–2017");
  });
});
