import { beforeAll, describe, expect, test } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { renderSvg, setupRenderer } from "../src/index.ts";
import { locateExpression } from "../src/locateExpression.ts";

beforeAll(() => setupRenderer());

const bars = (transform: unknown[]) => ({
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  data: { values: [{ a: "x", b: 1 }] },
  transform,
  mark: "bar",
  encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } },
}) as never;

describe("locateExpression(spec, reason)", () => {
  test("finds the expression that fails with Vega's message, by its JSON path", () => {
    const spec = { transform: [{ calculate: "datum.b * 2", as: "c" }, { calculate: "datum.b()()", as: "d" }] };
    expect(locateExpression(spec, "Illegal callee type: CallExpression")).toBe("transform[1].calculate");
    expect(locateExpression(spec, "Operator not defined: undefined")).toBeUndefined();
  });
});

describe("Vega's parser messages in a render name the JSON path", () => {
  test.each([
    ["Illegal callee type: CallExpression", [{ calculate: "datum.b()()", as: "c" }], "transform[0].calculate", message.vegaParse],
    ["Unrecognized function: foo", [{ calculate: "datum.b * 2", as: "d" }, { calculate: "foo(1)", as: "c" }], "transform[1].calculate", message.vegaParse],
    ["Unexpected end of input", [{ filter: "datum.b +" }], "transform[0].filter", message.vegaLiteCompile],
  ])("%s", async (reason, transform, field, wrap) => {
    await expect(renderSvg(bars(transform))).rejects.toThrow(new ChartsError(wrap(reason), { field }));
  });

  test("a message no single expression explains keeps no path", async () => {
    const vega = { $schema: "https://vega.github.io/schema/vega/v6.json", data: [{ name: "d", values: [1], transform: [{ type: "nope" }] }] } as never;
    await expect(renderSvg(vega)).rejects.toThrow(new ChartsError(message.vegaParse('Unrecognized transform type: "nope"')));
  });
});
