import { beforeAll, describe, expect, test } from "vitest";
import { light, vegaLiteConfig } from "@charts/theme";
import { compileVegaLite, renderSvg, setupRenderer } from "../src/index.ts";
import { axisFormats } from "../src/describeAxes.ts";

beforeAll(() => setupRenderer());

/** Bars by year, in US$ million: the shape of the arms chart. */
function yearBars(x: Record<string, unknown> = {}): object {
  return {
    width: 400,
    height: 200,
    data: { values: [{ year: 2014, value: 1000 }, { year: 2022, value: 72 }] },
    mark: "bar",
    encoding: {
      x: { field: "year", type: "quantitative", title: null, scale: { domain: [2013, 2023] }, axis: { formatType: "house", format: { unit: "year", locale: "en-GB" } }, ...x },
      y: { field: "value", type: "quantitative", title: null, axis: { formatType: "house", format: { unit: "USD million", locale: "en-GB" } } },
    },
    config: vegaLiteConfig(light),
  };
}

const labels = (svg: string) => [...svg.matchAll(/aria-roledescription="axis" aria-label="([^"]*)"/g)].map((m) => m[1]);

describe("describeAxes", () => {
  test("writes Vega's axis descriptions in the axis's house format: years without separators, money with its unit", async () => {
    const { svg, scene } = await renderSvg(yearBars({ axis: { formatType: "house", format: { unit: "year", locale: "en-GB" }, values: [2014, 2016, 2018, 2020, 2022] } }));
    expect(labels(svg)).toEqual([
      "X-axis for a linear scale with values from 2014 to 2022",
      "Y-axis for a linear scale with values from $0 to $1bn",
    ]);
    expect(svg).not.toContain("2,013");
    // the scene records the same description
    expect(scene.axes.map((a) => a.description)).toEqual(labels(svg));
  });

  test("follows the label format whatever wraps it (short years on a phone) and the chart's locale", async () => {
    const short = yearBars({ axis: { formatType: "house", format: { unit: "year", locale: "fr-FR" }, values: [2014, 2016, 2018, 2020, 2022], labelExpr: "datum.index === 0 ? datum.label : '\u2019' + slice(datum.label, -2)" } });
    const { svg, boxes } = await renderSvg(short);
    const years = boxes.filter((b) => b.role === "axis-label" && /^(\d{4}|\u2019\d\d)$/.test(b.text)).map((b) => b.text);
    expect(years[0]).toBe("2014");
    expect(years.slice(1).every((label) => label.startsWith("\u2019"))).toBe(true);
    // the description writes the years whole, as the house format does
    expect(labels(svg)[0]).toBe("X-axis for a linear scale with values from 2014 to 2022");
  });

  test("lists the categories of a discrete axis, as Vega does", async () => {
    const spec = yearBars({ type: "ordinal", scale: undefined });
    const { svg } = await renderSvg(spec);
    expect(labels(svg)[0]).toBe("X-axis for a discrete scale with 2 values: 2014, 2022");
  });

  test("leaves an axis without a house format to Vega", async () => {
    const spec = yearBars({ axis: { format: "d" } });
    const { svg } = await renderSvg(spec);
    expect(labels(svg)[0]).toBe("X-axis for a linear scale with values from 2013 to 2023");
    expect(axisFormats(compileVegaLite(spec as never)).size).toBe(1); // only y
  });

  test("leaves an axis the spec describes itself (the compiler's year and date axes, in the chart's language)", async () => {
    const spec = yearBars({ axis: { formatType: "house", format: { unit: "year", locale: "en-GB" }, description: "X-axis: years from 2013 to 2023" } });
    const { svg } = await renderSvg(spec);
    expect(labels(svg)[0]).toBe("X-axis: years from 2013 to 2023");
  });
});
