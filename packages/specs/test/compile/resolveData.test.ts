import { describe, expect, it } from "vitest";
import { resolveCites, resolveData } from "../../src/compile/resolveData.ts";
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
      'charts/arms.chart.json, data: expected one of the datasets cargo, exports, russia-arms-transfers, trade-by-partner but received "russia-arms"',
    );
    expect(() => resolveData({ ...armsChart(), data: { dataset: "trade" } }, new Map(), "c.json")).toThrow(
      'c.json, data.dataset: expected one of the datasets (none loaded) but received "trade"',
    );
  });
});

describe("resolveData with where, and resolveCites(definition, datasets, file)", () => {
  it("keeps only the rows whose fields equal the values given", () => {
    const chart = { ...armsChart(), data: { dataset: "trade-by-partner", where: { year: 2023 } } };
    const { dataset } = resolveData(chart, datasets, "c.json");
    expect(dataset.rows.map((r) => r.row)).toEqual([1, 2, 3]);
    const some = { ...armsChart(), data: { dataset: "trade-by-partner", where: { partner: ["Russia", "China"], year: 2023 } } };
    expect(resolveData(some, datasets, "c.json").dataset.rows.map((r) => r.values.partner)).toEqual(["China", "Russia"]);
  });

  it("names an unknown column, and a where that selects nothing", () => {
    const typo = { ...armsChart(), data: { dataset: "trade-by-partner", where: { yaer: 2023 } } };
    expect(() => resolveData(typo, datasets, "c.json")).toThrow(
      'c.json, data.where.yaer: expected a column of trade-by-partner (partner, year, trade_usd_bn) but received "yaer" of type string',
    );
    const none = { ...armsChart(), data: { dataset: "trade-by-partner", where: { year: 1999 } } };
    expect(() => resolveData(none, datasets, "c.json")).toThrow(
      'c.json, data.where: expected values that select rows of trade-by-partner but received {"year":1999} of type object',
    );
  });

  it("resolves the cited datasets, each narrowed by its own where", () => {
    const chart = { ...armsChart(), cites: ["russia-arms-transfers", { dataset: "trade-by-partner", where: { year: 2022 } }] };
    const cited = resolveCites(chart, datasets, "c.json");
    expect(cited.map((d) => [d.name, d.rows.length])).toEqual([["russia-arms-transfers", 2], ["trade-by-partner", 1]]);
    expect(() => resolveCites({ ...armsChart(), cites: ["nope"] }, datasets, "c.json")).toThrow(
      'c.json, cites[0]: expected one of the datasets cargo, exports, russia-arms-transfers, trade-by-partner but received "nope"',
    );
  });
});
