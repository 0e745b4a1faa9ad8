import { describe, expect, it } from "vitest";
import { dateTicks, labelRoom, yearTicks } from "../../src/compile/timeTicks.ts";

const day = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe("yearTicks(from, to, every, width, fontSize)", () => {
  it("labels every year when they fit", () => {
    expect(yearTicks(2013.5, 2022.5, 1, 600, 13)).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
  });

  it("labels every 2nd year from the first, then round years, as the width shrinks; never a fraction", () => {
    expect(yearTicks(2013, 2023, 1, 300, 13)).toEqual([2013, 2015, 2017, 2019, 2021, 2023]);
    expect(yearTicks(1990, 2023, 1, 300, 13)).toEqual([1990, 1995, 2000, 2005, 2010, 2015, 2020]);
    expect(yearTicks(1900, 2023, 1, 300, 13)).toEqual([1900, 1920, 1940, 1960, 1980, 2000, 2020]);
    for (const tick of yearTicks(2013.5, 2016.5, 1, 100, 13)) expect(Number.isInteger(tick)).toBe(true);
  });

  it("keeps a multi-year step's grid", () => {
    expect(yearTicks(2000, 2020, 5, 600, 13)).toEqual([2000, 2005, 2010, 2015, 2020]);
  });

  it("fits the labels it returns in the width", () => {
    const ticks = yearTicks(1950, 2023, 1, 400, 13);
    expect(ticks.length * labelRoom(4, 13)).toBeLessThanOrEqual(400);
  });
});

describe("dateTicks(from, to, step, width, fontSize, chars)", () => {
  const chars = (interval: { unit: string }) => (interval.unit === "year" ? 4 : 6);

  it("labels each month when they fit, never finer than the step", () => {
    const { values, interval } = dateTicks(day("2023-01-01"), day("2023-06-01"), { unit: "month", every: 1 }, 600, 13, chars);
    expect(interval).toEqual({ unit: "month", count: 1 });
    expect(values.map(iso)).toEqual(["2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01", "2023-06-01"]);
  });

  it("steps to quarters, half years and years on round dates as the width shrinks", () => {
    const quarters = dateTicks(day("2022-07-01"), day("2024-07-01"), { unit: "quarter", every: 1 }, 300, 13, chars);
    expect(quarters.interval).toEqual({ unit: "month", count: 6 });
    expect(quarters.values.map(iso)).toEqual(["2022-07-01", "2023-01-01", "2023-07-01", "2024-01-01", "2024-07-01"]);
    const years = dateTicks(day("2015-01-01"), day("2023-12-01"), { unit: "month", every: 1 }, 400, 13, chars);
    expect(years.interval.unit).toBe("year");
    expect(years.values.map(iso)).toEqual(["2015-01-01", "2016-01-01", "2017-01-01", "2018-01-01", "2019-01-01", "2020-01-01", "2021-01-01", "2022-01-01", "2023-01-01"]);
  });

  it("puts weekly labels on Mondays", () => {
    const { values } = dateTicks(day("2023-04-05"), day("2023-05-10"), { unit: "week", every: 1 }, 600, 13, chars);
    for (const value of values) expect(new Date(value).getUTCDay()).toBe(1);
  });
});
