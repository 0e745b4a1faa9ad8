import { describe, expect, it } from "vitest";
import { timeStep } from "../src/timeStep.ts";
import type { Column, DatasetMeta, Row } from "../src/types.ts";

const date: Column = { name: "date", type: "date" };
const year: Column = { name: "year", type: "year" };

function dataset(values: Array<string | number>, column: Column, step?: string): { meta: DatasetMeta; rows: Row[] } {
  return {
    meta: { title: "t", columns: [column, { name: "v", type: "number" }], value: "v", ...(step ? { step } : {}) },
    rows: values.map((value, i) => ({ row: i + 1, values: { [column.name]: value, v: i }, provenance: { source: "s", figure: "1", status: "stated" } })),
  };
}

describe("timeStep(dataset, column)", () => {
  it("is yearly for a year column, whatever the gaps between its rows", () => {
    expect(timeStep(dataset([2014, 2022], year), year)).toEqual({ unit: "year", every: 1 });
  });

  it("infers the step of a date column from its dates", () => {
    expect(timeStep(dataset(["2020-01-01", "2023-01-01"], date), date)).toEqual({ unit: "year", every: 1 });
    expect(timeStep(dataset(["2023-01-01", "2023-04-01", "2024-01-01"], date), date)).toEqual({ unit: "quarter", every: 1 });
    expect(timeStep(dataset(["2023-01", "2023-02", "2023-05"], date), date)).toEqual({ unit: "month", every: 1 });
    expect(timeStep(dataset(["2023-04"], date), date)).toEqual({ unit: "month", every: 1 });
    expect(timeStep(dataset(["2023-04-03", "2023-04-17"], date), date)).toEqual({ unit: "week", every: 1 });
    expect(timeStep(dataset(["2023-04-03", "2023-04-04", "2023-04-09"], date), date)).toEqual({ unit: "day", every: 1 });
  });

  it("takes the step dataset.json declares", () => {
    expect(timeStep(dataset(["2023-01-01", "2023-04-01"], date, "month"), date)).toEqual({ unit: "month", every: 1 });
    expect(timeStep(dataset([2000, 2005], year, "5 years"), year)).toEqual({ unit: "year", every: 5 });
  });
});
