import { describe, expect, it } from "vitest";
import { light, themeAt } from "@charts/theme";
import { fitAxes, WRAP_LABEL } from "../../src/compile/fitAxes.ts";
import { arms, trade } from "../fixtures/datasets.ts";

type Json = Record<string, any>;
const yearAxis = (): Json => ({
  mark: "bar",
  encoding: {
    x: { field: "year", type: "quantitative", axis: { formatType: "house", format: { unit: "year", locale: "en-GB" }, values: [2014, 2018, 2022] } },
    y: { field: "value_usd_m", type: "quantitative", axis: { formatType: "house", format: { unit: "USD million", locale: "en-GB" } } },
  },
});

describe("fitAxes(plot, {dataset, theme})", () => {
  it("writes years after the first short on a phone, and only there", () => {
    const narrow = yearAxis();
    fitAxes(narrow, { dataset: arms, theme: themeAt(light, 320) });
    expect(narrow.encoding.x.axis.labelExpr).toBe("datum.index === 0 ? datum.label : '\u2019' + slice(datum.label, -2)");
    expect(narrow.encoding.y.axis.labelExpr).toBeUndefined();
    const wide = yearAxis();
    fitAxes(wide, { dataset: arms, theme: themeAt(light, 1000) });
    expect(wide.encoding.x.axis.labelExpr).toBeUndefined();
  });

  it("keeps every value an axis lists, whatever the frame's tick count", () => {
    const plot = yearAxis();
    fitAxes(plot, { dataset: arms, theme: themeAt(light, 320) });
    expect(plot.encoding.x.axis.tickCount).toBe(3);
  });

  it("wraps string categories at the frame's label width, in the axis label font", () => {
    const plot: Json = { mark: "bar", encoding: { y: { field: "partner", type: "nominal" }, x: { field: "trade_usd_bn", type: "quantitative" } } };
    fitAxes(plot, { dataset: trade, theme: themeAt(light, 320) });
    expect(plot.encoding.y.axis).toEqual({ labelExpr: `${WRAP_LABEL}(datum.label, 84, 13, 400)` });
    expect(plot.encoding.x.axis).toBeUndefined();
  });

  it("leaves an axis with a labelExpr of its own, or none, alone", () => {
    const own: Json = { mark: "bar", encoding: { y: { field: "partner", type: "nominal", axis: { labelExpr: "upper(datum.label)" } }, x: { field: "year", type: "ordinal", axis: null } } };
    fitAxes(own, { dataset: trade, theme: themeAt(light, 320) });
    expect(own.encoding.y.axis).toEqual({ labelExpr: "upper(datum.label)" });
    expect(own.encoding.x.axis).toBeNull();
  });
});
