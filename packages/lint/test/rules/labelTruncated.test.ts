import { describe, expect, it } from "vitest";
import { light } from "@charts/theme";
import { chart, lint, of, partners } from "../fixtures/build.ts";

const byPartner = (axis: Record<string, unknown>) => chart("partners", { mark: "bar", encoding: { y: { field: "partner", type: "nominal", title: null, axis }, x: { field: "trade", type: "quantitative", title: null } } });

describe("label-truncated", () => {
  it("finds a label Vega cut to its limit, with the width the whole label needs", async () => {
    const [finding, ...more] = of(await lint(byPartner({ labelLimit: 40 }), [partners], { widths: [320], themes: [light] }), "label-truncated");
    expect(more).toEqual([]);
    expect(finding!.element).toMatch(/^axis label "Unit…"$/);
    expect(finding!.threshold).toBe("40 px (its limit)");
    expect(Number(/^([\d.]+) px wide$/.exec(finding!.measured)![1])).toBeGreaterThan(60);
    expect(finding!.message).toContain('"United States" needs');
  });

  it("passes labels drawn whole (the house wraps them)", async () => {
    expect(of(await lint(byPartner({}), [partners]), "label-truncated")).toEqual([]);
  });
});
