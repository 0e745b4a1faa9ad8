import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { chart, dataset, lint, of } from "../fixtures/build.ts";

const only = { widths: [320], themes: [light] };
const shares = (values: number[]) =>
  dataset("shares", [{ name: "party", type: "string" }, { name: "share", type: "number", unit: "%" }], ["Red", "Blue", "Green"].map((party, i) => ({ party, share: values[i]! })));
const pie = chart("shares", { mark: "arc", encoding: { theta: { field: "share", type: "quantitative" }, color: { field: "party", type: "nominal", legend: null } } });

const spending = (total: number) =>
  dataset("spending", [{ name: "year", type: "year" }, { name: "item", type: "string" }, { name: "usd", type: "number", unit: "USD million" }], [
    { year: 2023, item: "Roads", usd: 40 },
    { year: 2023, item: "Ports", usd: 25 },
    { year: 2023, item: "Total", usd: total },
    { year: 2022, item: "Roads", usd: 30 },
    { year: 2022, item: "Ports", usd: 20 },
    { year: 2022, item: "Total", usd: 50 },
  ]);
const stack = chart(
  { dataset: "spending", where: { item: ["Roads", "Ports"] } },
  { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "usd", type: "quantitative", title: null }, color: { field: "item", type: "nominal", legend: null } } },
  { cites: [{ dataset: "spending", where: { item: "Total" } }] },
);

describe("parts-sum", () => {
  it("finds a pie of percentages that does not make 100", async () => {
    const findings = of(await lint(pie, [shares([40, 30, 20])], only), "parts-sum");
    expect(findings.map((f) => [f.measured, f.threshold])).toEqual([["sum 90", "100 (parts in %) ±2"]]);
    expect(findings[0]!.message).toBe(message.partsDoNotSum(findings[0]!.element, 90, 100, "parts in %", 2));
  });

  it("finds a stack that does not add up to the total row the chart cites for its year", async () => {
    const findings = of(await lint(stack, [spending(70)], only), "parts-sum");
    expect(findings.map((f) => [f.element, f.measured, f.threshold])).toEqual([
      ["2 bars (year 2023, item Roads, usd 40; year 2023, item Ports, usd 25)", "sum 65", '70 (row 3 of spending, "Total") ±1.5'],
    ]);
  });

  it("passes parts that make their whole, within the rounding of the figures", async () => {
    expect(of(await lint(pie, [shares([33.3, 33.3, 33.3])], only), "parts-sum")).toEqual([]);
    expect(of(await lint(stack, [spending(65)], only), "parts-sum")).toEqual([]);
  });
});
