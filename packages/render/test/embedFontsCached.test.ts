import { beforeAll, describe, expect, test } from "vitest";
import { embedFonts } from "@charts/fonts";
import { dark, light } from "@charts/theme";
import { frameChart, renderSvg, setupRenderer } from "../src/index.ts";
import { embedFontsCached } from "../src/embedFontsCached.ts";
import { chartMetaOf } from "../src/renderChart.ts";
import { barChart } from "./fixtures/charts.ts";

beforeAll(() => setupRenderer());

describe("embedFontsCached(svg, cache)", () => {
  test("gives the bytes embedFonts gives, and subsets a set of characters once", async () => {
    const spec = barChart();
    const plot = await renderSvg(spec);
    const lightSvg = frameChart(plot, chartMetaOf(spec), light).svg;
    const darkSvg = frameChart(plot, chartMetaOf(spec), dark).svg;
    const cache = new Map<string, string>();
    expect(await embedFontsCached(lightSvg, cache)).toBe(await embedFonts(lightSvg));
    expect(cache.size).toBe(1);
    // the dark variant draws the same characters: its fonts come from the cache, byte for byte
    expect(await embedFontsCached(darkSvg, cache)).toBe(await embedFonts(darkSvg));
    expect(cache.size).toBe(1);
    const other = frameChart(plot, { ...chartMetaOf(spec), headline: "Quite another headline, with a q" }, light).svg;
    expect(await embedFontsCached(other, cache)).toBe(await embedFonts(other));
    expect(cache.size).toBe(2);
  });

  test("is embedFonts without a cache", async () => {
    const spec = barChart();
    const svg = frameChart(await renderSvg(spec), chartMetaOf(spec), light).svg;
    expect(await embedFontsCached(svg)).toBe(await embedFonts(svg));
  });
});
