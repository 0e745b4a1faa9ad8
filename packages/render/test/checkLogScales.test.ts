import { beforeAll, describe, expect, test } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { renderSvg, setupRenderer } from "../src/index.ts";

beforeAll(() => setupRenderer());

const logBars = (values: number[], type = "log", mark = "bar") => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  data: { values: values.map((trade, i) => ({ partner: `P${i}`, trade })) },
  mark,
  encoding: { x: { field: "partner", type: "nominal" }, y: { field: "trade", type: "quantitative", scale: { type } } },
}) as never;

describe("checkLogScales (in every render)", () => {
  test("refuses a log scale over zero or negative values, which Vega would draw as an empty plot", async () => {
    await expect(renderSvg(logBars([0, -5, 10]))).rejects.toThrow(new ChartsError(message.logScaleDomain("y", ["trade"], [-10, NaN])));
    await expect(renderSvg(logBars([0, 10, 100], "log", "point"))).rejects.toThrow(new ChartsError(message.logScaleDomain("y", ["trade"], [0, 100])));
    // a bar starts at zero: Vega draws log bars as nothing, even over positive values
    await expect(renderSvg(logBars([1, 10, 100]))).rejects.toThrow(new ChartsError(message.logScaleDomain("y", ["trade"], [0, 100])));
  });

  test("draws a log scale over positive values, or all negative ones, and a symlog scale over zero", async () => {
    await expect(renderSvg(logBars([1, 10, 100], "log", "point"))).resolves.toMatchObject({ width: expect.any(Number) });
    await expect(renderSvg(logBars([-1, -10, -100], "log", "point"))).resolves.toMatchObject({ width: expect.any(Number) });
    await expect(renderSvg(logBars([0, -5, 10], "symlog"))).resolves.toMatchObject({ width: expect.any(Number) });
  });
});
