import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { formatStep, missingPeriods, parseStep, periodOf, periodStart, readIsoDate } from "../src/periods.ts";

describe("readIsoDate(text)", () => {
  it("reads days and months as written", () => {
    expect(readIsoDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29, form: "day" });
    expect(readIsoDate("2023-04")).toEqual({ year: 2023, month: 4, day: 1, form: "month" });
  });

  it("refuses every other form and days the calendar lacks", () => {
    for (const text of ["03/04/2023", "2023-4-1", "April 2023", "2023", "2023-04-30T00:00", "2023-02-29", "2023-13", "2023-00-10", " 2023-04-01"]) {
      expect(readIsoDate(text), text).toBeUndefined();
    }
  });
});

describe("parseStep(text)", () => {
  it("reads a unit or a multiple of one", () => {
    expect(parseStep("year")).toEqual({ unit: "year", every: 1 });
    expect(parseStep("quarter")).toEqual({ unit: "quarter", every: 1 });
    expect(parseStep("5 years")).toEqual({ unit: "year", every: 5 });
    expect(formatStep(parseStep("2 months"))).toBe("2 months");
    expect(formatStep(parseStep("week"))).toBe("week");
  });

  it("refuses anything else with the catalogue's message", () => {
    for (const text of ["fortnight", "years", "0 years", "yearly", ""]) {
      expect(() => parseStep(text, { field: "step" }), text).toThrow(new ChartsError(message.invalid(message.expectedStep(), text), { field: "step" }));
    }
  });
});

describe("periodOf(value, unit) and periodStart(index, unit)", () => {
  it("numbers consecutive periods consecutively", () => {
    expect(periodOf(2014, "year")).toBe(2014);
    expect(periodOf("2014-12-31", "year")).toBe(2014);
    expect(periodOf("2023-03-31", "quarter") + 1).toBe(periodOf("2023-04-01", "quarter"));
    expect(periodOf("2023-12-01", "quarter") + 1).toBe(periodOf("2024-01-01", "quarter"));
    expect(periodOf("2023-12", "month") + 1).toBe(periodOf("2024-01", "month"));
    expect(periodOf("2023-01-01", "day") + 1).toBe(periodOf("2023-01-02", "day"));
  });

  it("starts weeks on Mondays", () => {
    // Sunday 2 April 2023 and Monday 3 April 2023 are in consecutive weeks; Monday to Sunday share one.
    expect(periodOf("2023-04-03", "week")).toBe(periodOf("2023-04-02", "week") + 1);
    expect(periodOf("2023-04-09", "week")).toBe(periodOf("2023-04-03", "week"));
    expect(new Date(periodStart(periodOf("2023-04-06", "week"), "week")).toISOString()).toBe("2023-04-03T00:00:00.000Z");
  });

  it("gives the first day of a period back", () => {
    const start = (index: number, unit: Parameters<typeof periodStart>[1]) => new Date(periodStart(index, unit)).toISOString().slice(0, 10);
    expect(start(periodOf("2023-05-17", "quarter"), "quarter")).toBe("2023-04-01");
    expect(start(periodOf("2023-05-17", "month"), "month")).toBe("2023-05-01");
    expect(start(periodOf("2023-05-17", "year"), "year")).toBe("2023-01-01");
    expect(start(periodOf("1969-12-31", "day"), "day")).toBe("1969-12-31");
    expect(start(periodOf("1969-11-17", "month"), "month")).toBe("1969-11-01");
  });
});

describe("missingPeriods(periods, every)", () => {
  it("lists the runs missing between the first and the last period", () => {
    expect(missingPeriods([2014, 2022, 2013])).toEqual([{ first: 2015, last: 2021 }]);
    expect(missingPeriods([2019, 2023, 2021])).toEqual([{ first: 2020, last: 2020 }, { first: 2022, last: 2022 }]);
    expect(missingPeriods([2021, 2022, 2023, 2022])).toEqual([]);
    expect(missingPeriods([])).toEqual([]);
  });

  it("steps by the dataset's multiple", () => {
    expect(missingPeriods([2000, 2005, 2015], 5)).toEqual([{ first: 2010, last: 2010 }]);
    expect(missingPeriods([2000, 2005, 2007], 5)).toEqual([]);
  });
});
