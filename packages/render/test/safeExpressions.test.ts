// Vega expressions come from the spec: they must not reach JavaScript's globals.
import { afterEach, beforeAll, describe, expect, test } from "vitest";
import { message } from "@charts/errors";
import { assertSafeExpression, renderSvg, setupRenderer } from "../src/index.ts";
import { vegaModules } from "../src/loadVega.ts";

beforeAll(() => setupRenderer());
afterEach(() => {
  delete (globalThis as { pwned?: unknown }).pwned;
});

/** A text mark whose text is `expression`, as Vega-Lite writes a calculate. */
const calculating = (expression: string) => ({
  data: { values: [{ a: 1 }] },
  transform: [{ calculate: expression, as: "out" }],
  mark: { type: "text", font: "Source Sans 3" },
  encoding: { text: { field: "out", type: "nominal" } },
});

describe("safeExpressions", () => {
  test.each([
    ["'a'.constructor", "constructor"],
    ["datum.constructor", "constructor"],
    ["datum.__proto__", "__proto__"],
    ["[].constructor.prototype", "prototype"],
    ["datum.__defineGetter__", "__defineGetter__"],
  ])("refuses %s before it runs", async (expression, property) => {
    await expect(renderSvg(calculating(expression) as never)).rejects.toThrow(message.expressionRefused(`reads the property ${JSON.stringify(property)}`));
  });

  test.each([
    "datum.constructor.constructor('globalThis.pwned = 1')()",
    "datum['constructor']",
    "datum['__proto__']['polluted']",
    "this.pwned = 1",
    "globalThis.pwned = 1",
    "process.exit(1)",
    "window.pwned",
    "eval('globalThis.pwned = 1')",
    "Function('globalThis.pwned = 1')()",
    "setTimeout('globalThis.pwned = 1')",
  ])("refuses %s (Vega's parser or its field access stops it)", async (expression) => {
    await expect(renderSvg(calculating(expression) as never)).rejects.toThrow();
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  test("a property name built at run time reaches nothing that can be called", async () => {
    const { svg } = await renderSvg(calculating("datum['const' + 'ructor']['const' + 'ructor'] + ''") as never);
    // the interpreter yields undefined for Function, so no code could be built from it
    expect(svg).toContain(">undefined</text>");
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
  });

  test("a render never generates code: the Function constructor is not called", async () => {
    const original = globalThis.Function;
    let calls = 0;
    globalThis.Function = new Proxy(original, {
      apply: (target, self, args) => (calls++, Reflect.apply(target, self, args)),
      construct: (target, args) => (calls++, Reflect.construct(target, args)),
    });
    try {
      const spec = {
        data: { values: [{ a: 1, b: "x" }, { a: 3, b: "y" }] },
        transform: [{ calculate: "datum.a * 2 + random() * 0", as: "c" }, { filter: "datum.c > 1" }],
        mark: { type: "bar", tooltip: true },
        encoding: { x: { field: "c", type: "quantitative", sort: "descending" }, y: { field: "b", type: "nominal", sort: "-x" } },
        config: { font: "Source Sans 3" },
      };
      await renderSvg(spec as never);
    } finally {
      globalThis.Function = original;
    }
    expect(calls).toBe(0);
  });

  test("checks syntax trees as Vega parses them", () => {
    const { vega } = vegaModules();
    const ast = (vega as unknown as { parseExpression: (s: string) => unknown }).parseExpression("datum.a.constructor");
    expect(() => assertSafeExpression(ast)).toThrow(message.expressionRefused('reads the property "constructor"'));
    expect(() => assertSafeExpression((vega as unknown as { parseExpression: (s: string) => unknown }).parseExpression("datum.a + 1"))).not.toThrow();
  });

  test("datetime(timestamp) is that instant, as in Vega's codegen (the interpreter alone reads it as a year)", async () => {
    const { boxes } = await renderSvg(calculating("utcyear(datetime(1500000000000)) + '-' + (utcmonth(datetime(1500000000000)) + 1)") as never);
    expect(boxes.map((b) => b.text)).toContain("2017-7");
    const axis = await renderSvg({
      data: { values: [{ ts: 1500400000000, v: 1 }] },
      mark: "point",
      encoding: { x: { field: "ts", type: "temporal", scale: { domain: [1500000000000, 1500900000000] } }, y: { field: "v", type: "quantitative" } },
      config: { font: "Source Sans 3" },
    } as never);
    expect(axis.boxes.filter((b) => b.role === "axis-label" && /Jul|Sat|Mon/.test(b.text)).length).toBeGreaterThan(2);
  });
});
