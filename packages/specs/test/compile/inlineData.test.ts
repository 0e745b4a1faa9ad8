import { describe, expect, it } from "vitest";
import { inlineData } from "../../src/compile/inlineData.ts";
import { arms } from "../fixtures/datasets.ts";

describe("inlineData(dataset)", () => {
  it("inlines each row's values with its provenance status, in file order", () => {
    expect(inlineData(arms)).toEqual({
      values: [
        { year: 2014, value_usd_m: 1000, status: "stated" },
        { year: 2022, value_usd_m: 72, status: "stated" },
      ],
    });
  });

  it("refuses a dataset column that would hide the status", () => {
    const clash = { ...arms, meta: { ...arms.meta, columns: [...arms.meta.columns, { name: "status", type: "string" as const }] } };
    expect(() => inlineData(clash)).toThrow(
      'datasets/russia-arms-transfers/dataset.json, columns: the column name "status" is reserved for each row\'s provenance status; rename the column',
    );
  });
});
