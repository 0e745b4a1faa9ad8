import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { compileChart } from "../../src/compile/compileChart.ts";
import { refuseUrlData } from "../../src/compile/refuseUrlData.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { datasets, sources } from "../fixtures/datasets.ts";

const F = "charts/russia-arms-to-vietnam.chart.json";

describe("refuseUrlData(plot, file)", () => {
  it("refuses data by URL in a layer, naming the file, the JSON path and the URL, and asking for a dataset", () => {
    const plot = { layer: [{ mark: "bar" }, { mark: "rule", data: { url: "file:///etc/passwd" } }] };
    expect(() => refuseUrlData(plot, F)).toThrow(`${F}, plot.layer[1].data.url: ${message.urlData("file:///etc/passwd")}`);
  });

  it("refuses data by URL in a lookup", () => {
    const plot = { mark: "bar", transform: [{ lookup: "year", from: { data: { url: "../../../etc/passwd" }, key: "year", fields: ["x"] } }] };
    expect(() => refuseUrlData(plot, F)).toThrow(`${F}, plot.transform[0].from.data.url: ${message.urlData("../../../etc/passwd")}`);
  });

  it("refuses a font family that is not bundled, naming its path", () => {
    const plot = { mark: "bar", encoding: { x: { field: "year", axis: { labelFont: `x" onload="alert(1)` } } } };
    expect(() => refuseUrlData(plot, F)).toThrow(`${F}, plot.encoding.x.axis.labelFont: ${message.fontFamily(`x" onload="alert(1)`, "Source Sans 3")}`);
  });

  it("is a step of compileChart, and lets the real charts' plots through", () => {
    const chart = armsChart();
    (chart.plot as Record<string, unknown>).transform = [{ lookup: "year", from: { data: { url: "/etc/passwd" }, key: "year", fields: ["x"] } }];
    expect(() => compileChart(chart, { file: F, datasets, sources, theme: light })).toThrow(message.urlData("/etc/passwd"));
    expect(() => refuseUrlData(armsChart().plot, F)).not.toThrow();
  });
});
