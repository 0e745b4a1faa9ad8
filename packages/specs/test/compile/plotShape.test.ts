import { describe, expect, it } from "vitest";
import { encodingsOf, isComposite, mapViews, normalizeFacets, repeatedFields, viewsOf, withLayers } from "../../src/compile/plotShape.ts";

type Json = Record<string, any>;
const unit = (field = "a"): Json => ({ mark: "bar", encoding: { x: { field } } });

describe("viewsOf(plot) and mapViews(plot, fn)", () => {
  it("finds every view with its path, the fields that split it into panels, and the repeat around it", () => {
    expect(viewsOf(unit()).map((v) => [v.path, v.panels])).toEqual([["plot", []]]);
    const facet = { facet: { row: { field: "r" }, column: { field: "c" } }, spec: { layer: [unit()] } };
    expect(viewsOf(facet).map((v) => [v.path, v.panels])).toEqual([["plot.spec", ["r", "c"]]]);
    const concat = { vconcat: [unit(), { hconcat: [unit(), { facet: { field: "f" }, spec: unit() }] }] };
    expect(viewsOf(concat).map((v) => [v.path, v.panels])).toEqual([
      ["plot.vconcat[0]", []],
      ["plot.vconcat[1].hconcat[0]", []],
      ["plot.vconcat[1].hconcat[1].spec", ["f"]],
    ]);
    expect(viewsOf({ repeat: ["a", "b"], spec: unit() })[0]!.repeat).toEqual(["a", "b"]);
  });

  it("replaces each view, keeping the composition around it", () => {
    const concat = { hconcat: [unit("a"), { facet: { field: "f" }, spec: unit("b") }] };
    const out = mapViews(concat, (view) => ({ ...view.spec, name: view.path }));
    expect(out).toEqual({ hconcat: [{ ...unit("a"), name: "plot.hconcat[0]" }, { facet: { field: "f" }, spec: { ...unit("b"), name: "plot.hconcat[1].spec" } }] });
  });
});

describe("normalizeFacets(plot)", () => {
  it("turns row, column and facet channels into the facet operator, transforms outside", () => {
    const wrapped = { transform: [{ filter: "true" }], mark: "bar", encoding: { x: { field: "a" }, facet: { field: "f", columns: 3 } } };
    expect(normalizeFacets(wrapped)).toEqual({ transform: [{ filter: "true" }], facet: { field: "f" }, columns: 3, spec: { mark: "bar", encoding: { x: { field: "a" } } } });
    const grid = { mark: "bar", encoding: { x: { field: "a" }, row: { field: "r" } } };
    expect(normalizeFacets(grid)).toEqual({ facet: { row: { field: "r" } }, spec: { mark: "bar", encoding: { x: { field: "a" } } } });
    expect((normalizeFacets({ hconcat: [grid] }) as Json).hconcat[0]).toHaveProperty("facet");
    expect(normalizeFacets(unit())).toEqual(unit());
  });
});

describe("isComposite, encodingsOf, repeatedFields, withLayers", () => {
  it("tells small multiples from single plots", () => {
    expect([unit(), { layer: [unit()] }].map(isComposite)).toEqual([false, false]);
    expect([{ facet: { field: "f" }, spec: unit() }, { repeat: ["a"], spec: unit() }, { concat: [unit()] }, { mark: "bar", encoding: { row: { field: "r" } } }].map(isComposite)).toEqual([true, true, true, true]);
  });

  it("lists a view's encodings with their paths", () => {
    const layer = { encoding: { y: { field: "b" } }, layer: [unit(), { layer: [unit("c")] }] };
    expect(encodingsOf(layer).map((e) => e.path)).toEqual(["plot.encoding", "plot.layer[0].encoding", "plot.layer[1].layer[0].encoding"]);
  });

  it("reads the fields a repeated field stands for", () => {
    expect(repeatedFields({ repeat: "repeat" }, ["a", "b"])).toEqual(["a", "b"]);
    expect(repeatedFields({ repeat: "column" }, { column: ["c"], row: ["r"] })).toEqual(["c"]);
    expect(repeatedFields("a", ["a"])).toEqual([]);
  });

  it("moves a layer's shared encoding into its own layers around the new ones", () => {
    expect(withLayers({ encoding: { x: { field: "a" } }, layer: [{ mark: "bar" }] }, [{ mark: "rect" }], [])).toEqual({ layer: [{ mark: "rect" }, { mark: "bar", encoding: { x: { field: "a" } } }] });
    expect(withLayers({ transform: [1], ...unit() }, [], [{ mark: "text" }])).toEqual({ transform: [1], layer: [unit(), { mark: "text" }] });
  });
});
