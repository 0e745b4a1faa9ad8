import { describe, expect, it } from "vitest";
import { periodOf, periodStart, TIME_UNITS } from "@charts/datasets";
import { periodExpr, startExpr, startOf, stepLength, timeAxisOf } from "../../src/compile/timeAxis.ts";
import { arms, cargo, trade } from "../fixtures/datasets.ts";

/** Vega's expression functions these expressions use, as vega-functions defines them. */
const VEGA = {
  utcyear: (d: unknown) => new Date(d as string).getUTCFullYear(),
  utcmonth: (d: unknown) => new Date(d as string).getUTCMonth(),
  time: (d: unknown) => new Date(d as string).getTime(),
  utc: (y: number, m: number, d: number) => Date.UTC(y, m, d),
  floor: Math.floor,
};
function evaluate(expression: string, datum: Record<string, unknown>): number {
  return new Function(...Object.keys(VEGA), "datum", `return ${expression};`)(...Object.values(VEGA), datum) as number;
}

describe("timeAxisOf(view, dataset)", () => {
  it("finds the x (else y) that encodes a year or date column, with the dataset's step", () => {
    const view = { mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value_usd_m", type: "quantitative" } } };
    expect(timeAxisOf(view, arms)).toMatchObject({ channel: "x", field: "year", kind: "year", discrete: true, step: { unit: "year", every: 1 } });
    const dated = { layer: [{ mark: "line", encoding: { y: { field: "quarter", type: "temporal" }, x: { field: "cargo", type: "quantitative" } } }] };
    expect(timeAxisOf(dated, cargo)).toMatchObject({ channel: "y", kind: "date", discrete: false, step: { unit: "quarter", every: 1 } });
    expect(timeAxisOf({ mark: "bar", encoding: { y: { field: "partner", type: "nominal" } } }, trade)).toBeUndefined();
  });
});

describe("periodExpr and startExpr", () => {
  it("are periodOf and periodStart as Vega evaluates them, for every unit, on ISO strings and on parsed dates", () => {
    const dates = ["1969-12-29", "2019-02-28", "2020-02-29", "2023-01-01", "2023-04-02", "2023-04-03", "2023-09-30", "2023-12-31"];
    for (const unit of TIME_UNITS) {
      const axis = { kind: "date" as const, step: { unit, every: 1 } };
      for (const date of dates) {
        const period = periodOf(date, unit);
        expect(evaluate(periodExpr(axis, "datum.t"), { t: date }), `${unit} ${date}`).toBe(period);
        expect(evaluate(periodExpr(axis, "datum.t"), { t: new Date(date) }), `${unit} ${date}`).toBe(period);
        expect(evaluate(startExpr(axis, "datum.p - 1 + 1"), { p: period }), `${unit} ${date}`).toBe(periodStart(period, unit));
      }
    }
    const years = { kind: "year" as const, step: { unit: "year" as const, every: 1 } };
    expect(evaluate(periodExpr(years, "datum.year"), { year: 2014 })).toBe(2014);
    expect(evaluate(startExpr(years, "datum.p + 1"), { p: 2014 })).toBe(2015);
  });

  it("measures a step on the axis: a year in years, a quarter in ms", () => {
    expect(stepLength({ kind: "year", step: { unit: "year", every: 5 } }, 2000)).toBe(5);
    const quarter = { kind: "date" as const, step: { unit: "quarter" as const, every: 1 } };
    const q = periodOf("2023-01-01", "quarter");
    expect(stepLength(quarter, q)).toBe(Date.UTC(2023, 3, 1) - Date.UTC(2023, 0, 1));
    expect(startOf(quarter, q)).toBe(Date.UTC(2023, 0, 1));
  });
});
