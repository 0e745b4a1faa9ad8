import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { light } from "@charts/theme";
import { timeAxes as timeAxesJson } from "../../src/compile/timeAxes.ts";
import { arms, cargo, exports } from "../fixtures/datasets.ts";

type Json = Record<string, any>;
const timeAxes = timeAxesJson as (...args: Parameters<typeof timeAxesJson>) => Json;
const F = "charts/c.chart.json";
const options = { file: F, dataset: arms, theme: light, locale: "en-GB", viewWidth: 640, viewHeight: 360 };
const plot = (mark: string, type: string, x: Json = {}): Json => ({
  mark,
  encoding: { x: { field: "year", type, ...x }, y: { field: "value_usd_m", type: "quantitative" } },
});

describe("timeAxes(plot, options)", () => {
  it("draws a quantitative year as a year: no zero, the years drawn padded for bars, whole-year labels, a bar wide enough", () => {
    const out = timeAxes(plot("bar", "quantitative"), options);
    expect(out.encoding.x.scale).toEqual({ domain: [2013.3, 2022.7], zero: false, nice: false });
    expect(out.encoding.x.axis).toEqual({ values: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022], description: "X-axis: years from 2014 to 2022" });
    // Most of a year's slot: 0.7 of (640 - 60) px over 9.4 years.
    expect(out.mark).toEqual({ type: "bar", width: 43 });
  });

  it("draws a line's years edge to edge", () => {
    const out = timeAxes(plot("line", "quantitative"), options);
    expect(out.encoding.x.scale).toEqual({ domain: [2014, 2022], zero: false, nice: false });
    expect(out.mark).toBe("line");
  });

  it("draws a temporal year as a quantitative one (2014 is no instant) and refuses a timeUnit on it", () => {
    const out = timeAxes(plot("line", "temporal", { scale: { type: "time" } }), options);
    expect(out.encoding.x.type).toBe("quantitative");
    expect(out.encoding.x.scale).toEqual({ domain: [2014, 2022], zero: false, nice: false });
    expect(() => timeAxes(plot("line", "temporal", { timeUnit: "year" }), options)).toThrow(
      new ChartsError(message.timeUnitOnYear("year", "year"), { file: F, field: "plot.encoding.x.timeUnit" }),
    );
  });

  it("draws a year as a year on every channel: a colour is no instant, a facet has a panel per year", () => {
    const facet = { facet: { field: "year", type: "quantitative" }, spec: { ...plot("bar", "ordinal"), encoding: { ...plot("bar", "ordinal").encoding, color: { field: "year", type: "temporal" } } } };
    const out = timeAxes(facet, options);
    expect(out.facet.type).toBe("ordinal");
    expect(out.spec.encoding.color.type).toBe("quantitative");
  });

  it("lists every year between the first and the last on an ordinal axis: a missing year keeps its empty slot", () => {
    const out = timeAxes(plot("bar", "ordinal"), options);
    expect(out.encoding.x.scale).toEqual({ domain: [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022] });
    expect(out.mark).toBe("bar");
  });

  it("keeps the domain, values and description the plot gives", () => {
    const out = timeAxes(plot("bar", "quantitative", { scale: { domain: [2013, 2023] }, axis: { values: [2014, 2018, 2022], description: "Years" } }), options);
    expect(out.encoding.x.scale).toEqual({ domain: [2013, 2023], zero: false, nice: false });
    expect(out.encoding.x.axis).toEqual({ values: [2014, 2018, 2022], description: "Years" });
  });

  it("labels fewer years in a narrow view", () => {
    const out = timeAxes(plot("line", "quantitative"), { ...options, dataset: exports, viewWidth: 300 });
    expect(out.encoding.x.axis.values).toEqual([2010, 2012, 2014, 2016, 2018]);
    expect(timeAxes(plot("line", "quantitative"), { ...options, dataset: exports, viewWidth: 200 }).encoding.x.axis.values).toEqual([2010, 2015]);
  });

  it("draws a date on a UTC scale whatever the type given, with house labels that add the year where it changes", () => {
    const out = timeAxes({ mark: "line", encoding: { x: { field: "quarter", type: "ordinal" }, y: { field: "cargo", type: "quantitative" } } }, { ...options, dataset: cargo, viewWidth: 360 });
    expect(out.encoding.x.type).toBe("temporal");
    expect(out.encoding.x.scale).toEqual({ type: "utc", domain: [{ expr: "utc(2022, 6, 1)" }, { expr: "utc(2024, 6, 1)" }], nice: false });
    expect(out.encoding.x.axis).toEqual({
      values: [Date.UTC(2022, 6, 1), Date.UTC(2023, 0, 1), Date.UTC(2023, 6, 1), Date.UTC(2024, 0, 1), Date.UTC(2024, 6, 1)],
      labelExpr: 'utcFormat(datum.value, datum.index === 0 || (utcmonth(datum.value) < 6) ? "Q%q %Y" : "Q%q")',
      description: "X-axis: quarters from Q3 2022 to Q3 2024",
    });
  });

  it("writes a date axis's description in the chart's locale", () => {
    const out = timeAxes({ mark: "line", encoding: { x: { field: "quarter", type: "temporal" }, y: { field: "cargo", type: "quantitative" } } }, { ...options, dataset: cargo, locale: "fr-FR" });
    expect(out.encoding.x.axis.description).toBe("Axe X\u202f: trimestres de T3 2022 à T3 2024");
  });

  it("works through layers, facets and concats, and leaves the definition's plot alone", () => {
    const facet = { facet: { field: "country", type: "nominal" }, spec: { layer: [plot("line", "temporal")] } };
    const out = timeAxes(facet, { ...options, dataset: exports });
    expect(out.spec.layer[0].encoding.x).toMatchObject({ type: "quantitative", scale: { domain: [2010, 2018] } });
    expect(facet.spec.layer[0]!.encoding.x.type).toBe("temporal");
    const concat = timeAxes({ hconcat: [plot("bar", "ordinal"), plot("line", "quantitative")] }, options);
    expect(concat.hconcat[0].encoding.x.scale.domain).toHaveLength(9);
    expect(concat.hconcat[1].encoding.x.scale.domain).toEqual([2014, 2022]);
  });
});
