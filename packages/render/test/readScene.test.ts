import { beforeAll, describe, expect, test } from "vitest";
import { light } from "@charts/theme";
import { renderSvg, setupRenderer } from "../src/index.ts";
import { barChart, partners } from "./fixtures/charts.ts";

beforeAll(() => setupRenderer());

describe("readScene (through renderSvg)", () => {
  test("records every bar with its bounds, fill and row, in the SVG's coordinates", async () => {
    const { scene, width, height } = await renderSvg(barChart());
    const bars = scene.marks.filter((m) => m.role === "mark" && m.type === "rect");
    expect(bars.map((b) => b.datum?.partner).sort()).toEqual(partners.map((p) => p.partner).sort());
    for (const bar of bars) {
      expect(bar.fill).toBe(light.colors.categorical[0]);
      expect(bar.opacity).toBe(1);
      expect(bar.x1).toBeGreaterThanOrEqual(scene.plot.x1 - 0.5);
      expect(bar.x2).toBeLessThanOrEqual(scene.plot.x2 + 0.5);
      expect(bar.y2).toBeLessThanOrEqual(height);
    }
    // longest bar for the largest value
    const china = bars.find((b) => b.datum?.partner === "China")!;
    const russia = bars.find((b) => b.datum?.partner === "Russia")!;
    expect(china.x2 - china.x1).toBeGreaterThan(30 * (russia.x2 - russia.x1));
    expect(scene.plot.x2).toBeLessThanOrEqual(width);
    expect(scene.background).toBe(light.colors.background);
  });

  test("records the axes with their scale, domain, labels and description, and guides as marks of their role", async () => {
    const { scene } = await renderSvg(barChart());
    const [x] = scene.axes.filter((a) => a.orient === "bottom");
    const [y] = scene.axes.filter((a) => a.orient === "left");
    expect(x).toMatchObject({ scale: "x", scaleType: "linear" });
    expect(x!.domain[0]).toBe(0);
    expect(x!.labels[0]).toBe("$0");
    expect(x!.description).toMatch(/^X-axis .* values from \$0 to \$\d+bn$/);
    expect(y).toMatchObject({ scale: "y", scaleType: "band" });
    expect(y!.domain).toEqual(["China", "United States", "South Korea", "Russia"]);
    expect(y!.labels).toEqual(["China", "United States", "South Korea", "Russia"]);
    expect(scene.marks.some((m) => m.role === "axis-domain" && m.stroke === light.colors.axis)).toBe(true);
  });

  test("gives each text box its font size, weight, colour and mark", async () => {
    const { boxes } = await renderSvg(barChart());
    const label = boxes.find((b) => b.role === "axis-label" && b.text === "China")!;
    expect(label).toMatchObject({ fontSize: light.text.axisLabel.size, fill: light.text.axisLabel.color, opacity: 1 });
    const { data, encoding, config, width, height } = barChart() as unknown as Record<string, unknown>;
    const layered = { width, height, data, config, layer: [{ mark: "bar", encoding }, { name: "annotation-0-0", mark: { type: "text", fontWeight: 600, color: "#333333" }, encoding: { ...(encoding as object), text: { field: "partner" } } }] };
    const text = (await renderSvg(layered as never)).boxes.find((b) => b.role === "mark" && b.text === "Russia")!;
    expect(text).toMatchObject({ mark: "annotation_0_0_marks", fontWeight: 600, fill: "#333333" });
  });

  test("places each axis's range in the chart's coordinates, so a value can be found on it", async () => {
    const { scene } = await renderSvg(barChart());
    const x = scene.axes.find((a) => a.orient === "bottom")!;
    const y = scene.axes.find((a) => a.orient === "left")!;
    // zero of the value axis is where the bars start; the band axis spans the plot
    const bars = scene.marks.filter((m) => m.role === "mark" && m.type === "rect");
    for (const bar of bars) expect(bar.x1).toBeCloseTo(x.range[0], 5);
    expect(x.range[1]).toBeCloseTo(scene.plot.x2, 5);
    expect([...y.range].sort((a, b) => a - b)).toEqual([scene.plot.y1, scene.plot.y2]);
    expect(scene.scales.map((s) => [s.name, s.type]).sort()).toEqual([["x", "linear"], ["y", "band"]]);
  });

  test("gives a line its points, an outlined mark its stroke's opacity, and a cut or turned text its whole text, limit and angle", async () => {
    const spec = {
      width: 200,
      height: 100,
      data: { values: [{ year: 2020, v: 4, name: "A very long name indeed" }, { year: 2021, v: 3, name: "B" }, { year: 2022, v: 5, name: "C" }] },
      layer: [
        { mark: { type: "line", strokeOpacity: 0.5 }, encoding: { x: { field: "year", type: "quantitative" }, y: { field: "v", type: "quantitative" } } },
        { mark: { type: "point", filled: true, fillOpacity: 0.2, stroke: "#333333", strokeOpacity: 0.9 }, encoding: { x: { field: "year", type: "quantitative" }, y: { field: "v", type: "quantitative" } } },
        { mark: { type: "text", limit: 40, angle: 30 }, encoding: { x: { field: "year", type: "quantitative" }, y: { field: "v", type: "quantitative" }, text: { field: "name" } } },
      ],
      config: { font: "Source Sans 3" },
    };
    const { scene, boxes } = await renderSvg(spec as never);
    const line = scene.marks.find((m) => m.type === "line")!;
    expect(line.points).toHaveLength(3);
    // 2020 and 2022 are the ends of the x domain
    const x = scene.axes.find((a) => a.orient === "bottom")!;
    expect(x.domain).toEqual([2020, 2022]);
    expect(line.points![0]![0]).toBeCloseTo(x.range[0], 5);
    expect(line.points![2]![0]).toBeCloseTo(x.range[1], 5);
    for (const [px, py] of line.points!) expect(px >= line.x1 && px <= line.x2 && py >= line.y1 && py <= line.y2).toBe(true);
    expect(line.strokeOpacity).toBe(0.5);
    const points = scene.marks.filter((m) => m.type === "symbol" && m.role === "mark");
    expect(points.map((p) => [p.opacity, p.strokeOpacity])).toEqual([[0.2, 0.9], [0.2, 0.9], [0.2, 0.9]]);
    const cut = boxes.find((b) => b.text.startsWith("A "))!;
    expect(cut).toMatchObject({ full: "A very long name indeed", limit: 40, angle: 30 });
    expect(cut.text.endsWith("\u2026")).toBe(true);
    const whole = boxes.find((b) => b.text === "B")!;
    expect(whole.full).toBeUndefined();
  });
});
