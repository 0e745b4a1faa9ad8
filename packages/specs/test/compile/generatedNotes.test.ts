import { describe, expect, it } from "vitest";
import { generatedNotes } from "../../src/compile/generatedNotes.ts";
import { arms, cargo, exports, trade } from "../fixtures/datasets.ts";

type Json = Record<string, any>;
const en = { gaps: {}, locale: "en-GB" };
const bars: Json = { mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value_usd_m", type: "quantitative" } } };
const line = (extra: Json = {}): Json => ({ mark: "line", encoding: { x: { field: "year", type: "quantitative" }, y: { field: "exports", type: "quantitative" }, ...extra } });

describe("generatedNotes(plot, dataset, options)", () => {
  it("notes a gap in the chart's locale", () => {
    expect(generatedNotes(bars, arms, en)).toEqual(["No figures for 2015\u2009–\u20092021 in the sources."]);
    expect(generatedNotes(bars, arms, { gaps: {}, locale: "de-DE" })).toEqual(["Keine Zahlen für 2015–2021 in den Quellen."]);
    const quarters = { mark: "line", encoding: { x: { field: "quarter", type: "temporal" }, y: { field: "cargo", type: "quantitative" } } };
    expect(generatedNotes(quarters, cargo, { gaps: {}, locale: "fr-FR" })).toEqual(["Pas de chiffres pour T3–T4 2023 dans les sources."]);
  });

  it("notes the reason instead, when the definition gives one or marks no gaps", () => {
    expect(generatedNotes(bars, arms, { gaps: { reason: "The ministry stopped publishing" }, locale: "en-GB" })).toEqual(["The ministry stopped publishing."]);
    expect(generatedNotes(bars, arms, { gaps: { mark: false, reason: "Figures every eight years." }, locale: "en-GB" })).toEqual(["Figures every eight years."]);
  });

  it("names the series or panel a gap belongs to, and each derived row with its note", () => {
    expect(generatedNotes(line({ color: { field: "country", type: "nominal" } }), exports, en)).toEqual([
      "Russia: no figures for 2015\u2009–\u20092017 in the sources.",
      "India: no figures for 2012 in the sources.",
      "China (2016) is derived: twice the 2015 figure of the sector.",
    ]);
    const facet = { facet: { field: "country", type: "nominal" }, spec: line() };
    expect(generatedNotes(facet, exports, en).slice(0, 2)).toEqual([
      "Russia: no figures for 2015\u2009–\u20092017 in the sources.",
      "India: no figures for 2012 in the sources.",
    ]);
  });

  it("groups rows that share a note, named by the fields the plot draws them by", () => {
    const partners = { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "trade_usd_bn", type: "quantitative" } } };
    const implied = {
      ...trade,
      rows: trade.rows.map((row) => (row.values.partner === "Russia" ? row : { ...row, provenance: { ...row.provenance, status: "implied" as const, note: "their year comes from the sentence" } })),
    };
    expect(generatedNotes(partners, implied, en)).toEqual(["China and United States are implied: their year comes from the sentence."]);
    expect(generatedNotes(partners, implied, { gaps: {}, locale: "fr-FR" })).toEqual(["China et United States\u202f: valeurs implicites, their year comes from the sentence."]);
  });

  it("writes nothing for stated rows without gaps, or a plot without a time axis", () => {
    expect(generatedNotes(bars, { ...arms, rows: arms.rows.slice(0, 1) }, en)).toEqual([]);
    expect(generatedNotes({ mark: "bar", encoding: { y: { field: "partner", type: "nominal" } } }, { ...trade, rows: trade.rows.slice(1, 3) }, en)).toEqual([]);
  });
});
