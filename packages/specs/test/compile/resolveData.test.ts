import { describe, expect, it } from "vitest";
import { resolveData } from "../../src/compile/resolveData.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { arms, datasets } from "../fixtures/datasets.ts";

describe("resolveData(definition, datasets, file)", () => {
  it("finds the dataset by name, with the filter when there is one", () => {
    expect(resolveData(armsChart(), datasets, "c.json")).toEqual({ dataset: arms });
    const filtered = { ...armsChart(), data: { dataset: "russia-arms-transfers", filter: "datum.year > 2014" } };
    expect(resolveData(filtered, datasets, "c.json")).toEqual({ dataset: arms, filter: "datum.year > 2014" });
  });

  it("lists the datasets there are when the name is unknown", () => {
    expect(() => resolveData({ ...armsChart(), data: "russia-arms" }, datasets, "charts/arms.chart.json")).toThrow(
      'charts/arms.chart.json, data: expected one of the datasets russia-arms-transfers, trade-by-partner but received "russia-arms"',
    );
    expect(() => resolveData({ ...armsChart(), data: { dataset: "trade" } }, new Map(), "c.json")).toThrow(
      'c.json, data.dataset: expected one of the datasets (none loaded) but received "trade"',
    );
  });
});
