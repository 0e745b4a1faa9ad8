import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { chartMeta } from "../../src/compile/chartMeta.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { arms, sources, trade } from "../fixtures/datasets.ts";

describe("chartMeta(definition, datasets, sources, file)", () => {
  it("carries the publishing fields and builds the source line from the rows' texts", () => {
    const { meta, texts } = chartMeta(armsChart(), [arms], sources, "c.json");
    expect(meta).toEqual({
      slug: "russia-arms-to-vietnam",
      headline: armsChart().headline,
      dek: armsChart().dek,
      notes: armsChart().notes,
      source: "Source: A Think Tank",
      alt: armsChart().alt,
      locale: "en-GB",
    });
    expect(texts).toEqual(["think-tank"]);
  });

  it("names each publisher once, in order of first use, in the chart's language", () => {
    expect(chartMeta(armsChart(), [trade], sources, "c.json").meta.source).toBe("Sources: A Think Tank; A Wire Service; A Paper");
    expect(chartMeta({ ...armsChart(), locale: "fr-FR" }, [trade], sources, "c.json").meta.source).toBe(
      "Sources\u00a0: A Think Tank; A Wire Service; A Paper",
    );
    expect(chartMeta({ ...armsChart(), locale: "vi-VN" }, [arms], sources, "c.json").meta.source).toBe("Nguồn: A Think Tank");
  });

  it("credits the texts of cited datasets too", () => {
    const { meta, texts } = chartMeta(armsChart(), [arms, { ...trade, rows: trade.rows.slice(3) }], sources, "c.json");
    expect(meta.source).toBe("Sources: A Think Tank; A Paper");
    expect(texts).toEqual(["think-tank", "paper"]);
  });

  it("reads sources from a Map as loadSources returns them", () => {
    expect(chartMeta(armsChart(), [arms], new Map(Object.entries(sources)), "c.json").meta.source).toBe("Source: A Think Tank");
    expect(() => chartMeta(armsChart(), [arms], new Map(), "c.json")).toThrow(message.notInSources("think-tank"));
  });

  it("uses the definition's own source line when it gives one", () => {
    expect(chartMeta({ ...armsChart(), source: "Source: the desk" }, [arms], sources, "c.json").meta.source).toBe("Source: the desk");
  });

  it("names the data row citing a text sources.json does not list", () => {
    expect(() => chartMeta(armsChart(), [arms], {}, "c.json")).toThrow(
      `datasets/russia-arms-transfers/data.csv, row 1, source: ${message.notInSources("think-tank")}`,
    );
  });
});
