import { beforeAll, describe, expect, it } from "vitest";
import { ChartsError } from "@charts/errors";
import { loadFonts } from "@charts/fonts";
import { checkGlyphs } from "../src/index.ts";
import { armsChart } from "./fixtures/armsChart.ts";
import { arms, trade } from "./fixtures/datasets.ts";

const F = "charts/arms.chart.json";
beforeAll(() => loadFonts());

/** The message fonts' assertGlyphs gives for a character the bundled face lacks. */
const missing = (text: string, char: string, face = "Regular") =>
  `text ${JSON.stringify(text)}: Source Sans 3 ${face} has no glyph for ${JSON.stringify(char)} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")})`;

describe("checkGlyphs(definition, dataset, file)", () => {
  it("passes the words and cells of a chart the font can draw: accents, Vietnamese, quotes, markup, combining marks", () => {
    const withLabels = {
      ...trade,
      rows: trade.rows.map((row, i) => ({ ...row, values: { ...row.values, partner: ["Hà Nội", '"Đà Nẵng" <b>&amp;</b>', "Cafe\u0301", "Russia"][i]! } })),
    };
    expect(() => checkGlyphs({ ...armsChart(), headline: "Arms sales “collapsed” — by 93%" }, withLabels, F)).not.toThrow();
  });

  it("names the definition's JSON path of a character the font lacks (an annotation, not a mark)", () => {
    const chart = armsChart();
    chart.annotations![2] = { type: "label", at: { year: 2022 }, text: "$72m ✅" };
    expect(() => checkGlyphs(chart, arms, F)).toThrow(new ChartsError(missing("$72m ✅", "✅"), { file: F, field: "annotations[2].text" }));
    expect(() => checkGlyphs({ ...armsChart(), dek: "US$ million, שלום" }, arms, F)).toThrow(new ChartsError(missing("US$ million, שלום", "ש"), { file: F, field: "dek" }));
  });

  it("names the dataset file, row and column of a cell the chart draws: emoji, right-to-left, bidi controls", () => {
    for (const [row, label, char] of [[2, "China 🇨🇳", "🇨"], [3, "روسيا", "ر"], [1, "\u202eaissuR", "\u202e"]] as const) {
      const rows = trade.rows.map((r) => (r.row === row ? { ...r, values: { ...r.values, partner: label } } : r));
      expect(() => checkGlyphs(armsChart(), { ...trade, rows }, F)).toThrow(
        new ChartsError(missing(label, char), { file: "datasets/trade-by-partner/data.csv", row, field: "partner" }),
      );
    }
  });
});
