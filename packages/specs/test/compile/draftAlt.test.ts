import { describe, expect, it } from "vitest";
import type { Dataset } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";
import { draftAlt } from "../../src/compile/draftAlt.ts";
import type { ChartDefinition } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { arms, trade } from "../fixtures/datasets.ts";

const F = "charts/arms.chart.json";
const { alt: _, ...armsBare } = armsChart();
const partners = (overrides: Partial<ChartDefinition> = {}): ChartDefinition => ({
  ...armsBare,
  dek: "Vietnam's trade with its partners in 2023, US$ billion",
  data: { dataset: "trade-by-partner", where: { year: 2023 } },
  plot: { mark: "bar", encoding: { y: { field: "partner", type: "nominal", sort: "-x" }, x: { field: "trade_usd_bn", type: "quantitative" } } },
  annotations: [{ type: "highlight", field: "partner", values: ["Russia"] }],
  ...overrides,
});
const trade2023: Dataset = { ...trade, rows: trade.rows.filter((r) => r.values.year === 2023) };

/** A yearly series of `n` years in US$ million, one row derived. */
function series(n: number): Dataset {
  return {
    ...arms,
    rows: Array.from({ length: n }, (_, i) => ({
      row: i + 1,
      values: { year: 2010 + i, value_usd_m: [50, 80, 40, 120, 90, 60, 30, 75][i % 8]! },
      provenance: { source: "think-tank", figure: "US$1 million", status: i === 2 ? ("derived" as const) : ("stated" as const) },
    })),
  };
}

describe("draftAlt(definition, dataset, file)", () => {
  it("writes a series over years: kind, what is measured, each value with its year, hedges kept, the gap said", () => {
    expect(draftAlt(armsBare, arms, F)).toBe(
      "Bar chart. Value of Russian arms transferred to Vietnam, US$ million: about $1bn in 2014 and $72m in 2022. No figures for the years in between.",
    );
  });

  it("writes categories largest first, horizontal bars as such, and what is highlighted", () => {
    expect(draftAlt(partners(), trade2023, F)).toBe(
      "Horizontal bar chart. Vietnam's trade with its partners in 2023, US$ billion: China ($171bn), United States ($111bn) and Russia ($3.6bn). Russia is highlighted.",
    );
  });

  it("marks derived rows and sums a long series up: span, highest, lowest, last", () => {
    expect(draftAlt({ ...armsBare, plot: { mark: "line", encoding: armsChart().plot.encoding } }, series(4), F)).toBe(
      "Line chart. Value of Russian arms transferred to Vietnam, US$ million: $50m in 2010, $80m in 2011, $40m in 2012 (derived) and $120m in 2013.",
    );
    expect(draftAlt(armsBare, series(8), F)).toBe(
      "Bar chart. Value of Russian arms transferred to Vietnam, US$ million: from 2010 to 2017: highest $120m in 2013, lowest $30m in 2016, $75m in 2017.",
    );
  });

  it("writes in the chart's language, with the house formatter of its locale", () => {
    expect(draftAlt({ ...armsBare, locale: "fr-FR", dek: "Transferts d'armes russes, en M$" }, arms, F)).toBe(
      "Diagramme en barres. Transferts d'armes russes, en M$\u00a0: environ 1\u202fMd$ en 2014 et 72\u202fM$ en 2022. Pas de chiffres pour les années intermédiaires.",
    );
    expect(draftAlt({ ...partners(), locale: "de-DE" }, trade2023, F)).toMatch(/^Horizontales Balkendiagramm\. .*: China \(171\u00a0Mrd\.\u00a0\$\), .* und Russia .*Russia ist hervorgehoben\.$/);
    expect(draftAlt({ ...armsBare, locale: "vi-VN" }, arms, F)).toMatch(/^Biểu đồ cột\. .*: khoảng 1\u00a0tỷ USD năm 2014 và 72\u00a0triệu USD năm 2022\. /);
  });

  it("asks for alt text where only Vega knows the rows drawn", () => {
    const refused = (definition: ChartDefinition, reason: string) => {
      expect(() => draftAlt(definition, arms, F)).toThrow(new ChartsError(message.altNotDrafted(reason), { file: F, field: "alt" }).message);
    };
    refused({ ...armsBare, data: { dataset: "russia-arms-transfers", filter: "datum.year > 2014" } }, "the data has a filter (it runs in Vega)");
    refused({ ...armsBare, plot: { ...armsBare.plot, transform: [{ calculate: "1", as: "one" }] } }, "the plot transforms its rows");
    refused({ ...armsBare, plot: { mark: "point", encoding: { x: { field: "value_usd_m", type: "quantitative" }, y: { field: "value_usd_m", type: "quantitative" } } } }, "both axes are quantitative");
    refused({ ...armsBare, plot: { mark: "rule", encoding: { y: { datum: 500, type: "quantitative" } } } }, "the plot has no value and key fields of the dataset on x and y");
    refused({ ...armsBare, plot: { mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value_usd_m", type: "quantitative", aggregate: "sum" } } } }, "the plot aggregates, bins or groups by time");
  });
});
