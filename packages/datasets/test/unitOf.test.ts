import { describe, expect, it } from "vitest";
import { carriesRowUnits, unitOf } from "../src/index.ts";

describe("unitOf(dataset, column, row)", () => {
  const dataset = {
    name: "mixed",
    dir: "d",
    metaFile: "d/dataset.json",
    dataFile: "d/data.csv",
    meta: {
      title: "Mixed",
      columns: [
        { name: "year", type: "year" as const },
        { name: "value", type: "number" as const },
        { name: "other", type: "number" as const, unit: "USD million" },
        { name: "unit", type: "string" as const },
      ],
      value: "value",
    },
    rows: [{ row: 1, values: { year: 2019, value: 6, other: 72, unit: "rank" }, provenance: { source: "t", figure: "sixth", status: "stated" as const } }],
  };
  const [year, value, other] = dataset.meta.columns;
  const row = dataset.rows[0]!;

  it("reads the column's unit, the row's own unit for the value column, and year for years", () => {
    expect(unitOf(dataset, value!, row)).toBe("rank");
    expect(unitOf(dataset, other!, row)).toBe("USD million");
    expect(unitOf(dataset, year!, row)).toBe("year");
  });

  it("knows which column takes its unit from the rows", () => {
    expect(carriesRowUnits(dataset, value!)).toBe(true);
    expect(carriesRowUnits(dataset, other!)).toBe(false);
  });
});
