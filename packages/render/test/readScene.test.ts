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
});
