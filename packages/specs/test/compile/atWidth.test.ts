import { describe, expect, it } from "vitest";
import { dark, light } from "@charts/theme";
import { atWidth, breakpointsOf } from "../../src/compile/atWidth.ts";
import type { ChartDefinition } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { arms, datasets, sources } from "../fixtures/datasets.ts";

const F = "charts/arms.chart.json";
const options = { file: F, datasets, sources, theme: light };

describe("breakpointsOf(definition, desk)", () => {
  it("takes the chart's own width alone, else its breakpoints, else the desk's, narrowest first", () => {
    expect(breakpointsOf({}, [1000, 320, 600])).toEqual([320, 600, 1000]);
    expect(breakpointsOf({ breakpoints: [640, 360] }, [320, 600, 1000])).toEqual([360, 640]);
    expect(breakpointsOf({ width: 480, breakpoints: [640] }, [320])).toEqual([480]);
  });
});

describe("atWidth(definition, dataset, options)", () => {
  it("draws at the width asked, in the theme's frame for it", () => {
    const narrow = atWidth(armsChart(), arms, { ...options, width: 320 });
    expect(narrow.width).toBe(320);
    expect(narrow.definition.width).toBe(320);
    expect(narrow.theme.frame?.name).toBe("narrow");
    expect(atWidth(armsChart(), arms, options).width).toBe(light.defaultWidth);
  });

  it("keeps the alt text written, drafts one from the base definition when there is none, the same at every width", () => {
    expect(atWidth(armsChart(), arms, options)).toMatchObject({ drafted: false, definition: { alt: armsChart().alt } });
    const { alt: _, ...bare } = armsChart();
    const narrow = atWidth(bare, arms, { ...options, width: 320 });
    const wide = atWidth(bare, arms, { ...options, width: 1000 });
    expect(narrow.drafted).toBe(true);
    expect(narrow.definition.alt).toMatch(/^Bar chart\. /);
    expect(wide.definition.alt).toBe(narrow.definition.alt);
  });

  it("scales px sizes before merging the override, so sizes an override gives are taken as written", () => {
    const definition: ChartDefinition = { ...armsChart(), plot: { ...armsChart().plot, mark: { type: "bar", width: 30 } }, breakpoints: [320, 640], at: { "320": { height: 300 } } };
    expect(atWidth(definition, arms, { ...options, width: 320 }).definition.plot.mark).toEqual({ type: "bar", width: 15 });
    const given: ChartDefinition = { ...definition, at: { "320": { plot: { mark: { width: 20 } } } } };
    expect(atWidth(given, arms, { ...options, width: 320 }).definition.plot.mark).toEqual({ type: "bar", width: 20 });
  });

  it("checks `at` against the desk's breakpoints when the chart names none, and leaves it when neither says", () => {
    const definition: ChartDefinition = { ...armsChart(), at: { "480": { height: 300 } } };
    expect(() => atWidth(definition, arms, { ...options, width: 320, breakpoints: [320, 600] })).toThrow(`${F}, at[480]: expected one of the chart's breakpoints (320, 600)`);
    expect(() => atWidth({ ...definition, breakpoints: [320] }, arms, { ...options, width: 320 })).toThrow(`${F}, at[480]: expected one of the chart's breakpoints (320)`);
    // a caller drawing one width without the desk's list (a test, a preview) gets the chart at that width
    expect(atWidth(definition, arms, options).definition.height).toBeUndefined();
    expect(atWidth(definition, arms, { ...options, width: 480 }).definition.height).toBe(300);
  });

  it("adapts colours the plot writes to a dark page", () => {
    const definition: ChartDefinition = { ...armsChart(), plot: { ...armsChart().plot, mark: { type: "bar", color: "#333333" } } };
    const mark = atWidth(definition, arms, { ...options, theme: dark }).definition.plot.mark as { color: string };
    expect(mark.color).not.toBe("#333333");
    expect((atWidth(definition, arms, options).definition.plot.mark as { color: string }).color).toBe("#333333");
  });
});
