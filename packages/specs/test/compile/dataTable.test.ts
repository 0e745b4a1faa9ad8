import { describe, expect, it } from "vitest";
import type { Dataset } from "@charts/datasets";
import { dataTable } from "../../src/compile/dataTable.ts";
import type { ChartMeta } from "../../src/types.ts";
import { arms, sources, trade } from "../fixtures/datasets.ts";

const meta: ChartMeta = { slug: "arms", headline: "H", dek: "Value of arms transferred, US$ million", source: "Source: A Think Tank", alt: "A", locale: "en-GB" };

describe("dataTable(drawn, sources, meta)", () => {
  it("lists the rows drawn with the dataset's columns, their unit and provenance", () => {
    const table = dataTable(arms, sources, meta);
    expect(table.columns.map((c) => c.key)).toEqual(["year", "value_usd_m", "unit", "source", "figure", "status", "note"]);
    expect(table.columns.map((c) => c.label)).toEqual(["year", "value_usd_m", "Unit", "Source", "Figure as written", "Status", "Note"]);
    expect(table.columns[1]!.numeric).toBe(true);
    expect(table.rows.map((row) => row.map((c) => c.value))).toEqual([
      [2014, 1000, "USD million", "A Think Tank", "around US$1 billion", "stated", ""],
      [2022, 72, "USD million", "A Think Tank", "US$72 million", "stated", ""],
    ]);
    // numbers as the chart writes them, for readers of the HTML table
    expect(table.rows.map((row) => row[1]!.text)).toEqual(["$1bn", "$72m"]);
    expect(table).toMatchObject({ caption: meta.dek, source: meta.source, locale: "en-GB" });
  });

  it("uses column descriptions as headers, a row's own unit column, and the chart's language", () => {
    const tourists: Dataset = {
      ...trade,
      meta: {
        title: "Visitors",
        columns: [
          { name: "year", type: "year", description: "Year" },
          { name: "value", type: "number", description: "Visitors" },
          { name: "unit", type: "string" },
        ],
        value: "value",
      },
      rows: [{ row: 1, values: { year: 2023, value: 19, unit: "%" }, provenance: { source: "wire", figure: "19 per cent", status: "stated" } }],
    };
    const table = dataTable(tourists, sources, { ...meta, locale: "fr-FR" });
    expect(table.columns.map((c) => c.key)).toEqual(["year", "value", "unit", "source", "figure", "status", "note"]);
    expect(table.columns.map((c) => c.label)).toEqual(["Year", "Visitors", "unit", "Source", "Chiffre tel qu’écrit", "Statut", "Note"]);
    expect(table.rows[0]!.map((c) => c.text)).toEqual(["2023", "19\u202f%", "%", "A Wire Service", "19 per cent", "stated", ""]);
  });
});
