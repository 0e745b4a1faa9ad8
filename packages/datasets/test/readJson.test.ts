import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { checkDepth, parseJson, readJson } from "../src/index.ts";

const where = { file: "charts/x.chart.json" };
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}[1]${"}".repeat(depth - 1)}`;
const deep = (limit: number, received: number | string, field: string) =>
  new ChartsError(message.overLimit("the nesting depth", limit, received, "limits.jsonDepth"), { ...where, field });

describe("parseJson(text, where, limits)", () => {
  it("parses valid JSON", () => {
    expect(parseJson('{"slug": "x", "plot": {"layer": [{"mark": "bar"}, {"mark": "rule"}]}}', where)).toEqual({
      slug: "x",
      plot: { layer: [{ mark: "bar" }, { mark: "rule" }] },
    });
  });

  it("names JSON.parse's reason for text that does not parse", () => {
    expect(() => parseJson('{"slug": }', where)).toThrow(new ChartsError(message.invalidJson(`Unexpected token '}', "{"slug": }" is not valid JSON`), where));
  });

  it("refuses a key written twice in one object, naming its path, where JSON.parse keeps the last silently", () => {
    expect(() => parseJson('{"slug": "a", "slug": "b"}', where)).toThrow(new ChartsError(message.duplicateKey("slug"), { ...where, field: "slug" }));
    const layered = '{"plot": {"layer": [{"mark": "bar"}, {"mark": "rule", "encoding": {"x": {}, "x": {}}}]}}';
    expect(() => parseJson(layered, where)).toThrow(new ChartsError(message.duplicateKey("x"), { ...where, field: "plot.layer[1].encoding.x" }));
    // the same key in two objects, a key that is a string value elsewhere, escaped quotes
    expect(parseJson('{"a": {"b": 1}, "c": {"b": "a"}, "d\\"": "\\"b"}', where)).toEqual({ a: { b: 1 }, c: { b: "a" }, 'd"': '"b' });
  });

  it("refuses nesting deeper than limits.jsonDepth, with the depth received and where it starts", () => {
    expect(parseJson(nested(100), where)).toBeDefined();
    expect(() => parseJson(nested(101), where)).toThrow(deep(100, 101, "a.a.a.a.a.a..."));
    expect(() => parseJson(nested(20_000), where)).toThrow(deep(100, 20_000, "a.a.a.a.a.a..."));
    expect(() => parseJson("[[[1]]]", where, { jsonDepth: 2 })).toThrow(deep(2, 3, "[0][0]"));
  });
});

describe("readJson(path, shown, limits)", () => {
  it("reads through readUtf8: the size is checked before reading", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "charts-readJson-")), "big.json");
    writeFileSync(path, JSON.stringify({ notes: "x".repeat(200) }));
    await expect(readJson(path, "big.json", { definitionBytes: 100 })).rejects.toThrow(
      new ChartsError(message.overLimit("the file's size in bytes", 100, 212, "limits.definitionBytes"), { file: "big.json" }),
    );
    expect(await readJson(path, "big.json")).toEqual({ notes: "x".repeat(200) });
  });
});

describe("checkDepth(value, where, limits)", () => {
  it("measures a parsed value without recursing, naming where it gets too deep", () => {
    let value: unknown = 1;
    for (let i = 0; i < 50_000; i++) value = { a: value };
    expect(() => checkDepth(value, where)).toThrow(deep(100, "more than 400", "a.a.a.a.a.a..."));
    expect(() => checkDepth({ plot: { layer: [[[{}]]] } }, where, { jsonDepth: 4 }, ["definition"])).toThrow(deep(4, 6, "definition.plot.layer[0][0]"));
    expect(() => checkDepth({ plot: { layer: [{ mark: "bar" }] } }, where)).not.toThrow();
  });
});
