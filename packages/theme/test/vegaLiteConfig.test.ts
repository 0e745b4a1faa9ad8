import { describe, expect, it } from "vitest";
import { dark } from "../src/dark.ts";
import { light } from "../src/light.ts";
import { themeAt } from "../src/frames.ts";
import { vegaLiteConfig } from "../src/vegaLiteConfig.ts";

describe("vegaLiteConfig(theme)", () => {
  const config = vegaLiteConfig(light);

  it("carries the theme's font, sizes and colours", () => {
    expect(config.font).toBe("Source Sans 3");
    expect(config.background).toBe(light.colors.background);
    expect(config.axis?.labelFontSize).toBe(light.text.axisLabel.size);
    expect(config.axis?.labelColor).toBe(light.text.axisLabel.color);
    expect(config.axis?.gridColor).toBe(light.colors.grid);
    expect(config.range?.category).toEqual(light.colors.categorical);
    expect(config.legend?.labelFontSize).toBe(light.text.legend.size);
    expect(vegaLiteConfig(dark).background).toBe(dark.colors.background);
    expect(vegaLiteConfig(dark).range?.category).toEqual(dark.colors.categorical);
  });

  it("draws no border, no y domain line, no ticks and horizontal gridlines only", () => {
    expect(config.view?.stroke).toBeNull();
    expect(config.axis?.ticks).toBe(false);
    expect(config.axisY?.domain).toBe(false);
    expect(config.axisY?.grid).toBe(true);
    expect(config.axisX?.grid).toBe(false);
    expect(config.axisYBand?.grid).toBe(false);
  });

  it("darkens the gridline at zero, the baseline of bars", () => {
    expect(config.axisY?.gridColor).toEqual({
      condition: { test: "datum.value === 0", value: light.colors.axis },
      value: light.colors.grid,
    });
  });

  it("names the panels of small multiples left-aligned in the house font, without the field's title", () => {
    expect(config.header).toMatchObject({ title: null, labelFont: "Source Sans 3", labelAnchor: "start", labelFontWeight: 600 });
    expect(config.facet?.spacing).toBe(config.concat?.spacing);
  });

  it("ticks continuous axes at the frame's spacing, so a narrower plot has fewer ticks", () => {
    const narrow = { ...light, frames: light.frames.map((f) => (f.name === "narrow" ? { ...f, tickSpacing: { x: 120, y: 70 } } : f)) };
    expect(vegaLiteConfig(themeAt(narrow, 320)).axisX?.tickCount).toEqual({ expr: "ceil(width / 120)" });
    expect(vegaLiteConfig(themeAt(narrow, 320)).axisY?.tickCount).toEqual({ expr: "ceil(height / 70)" });
    expect(vegaLiteConfig(themeAt(narrow, 1000)).axisX?.tickCount).toEqual({ expr: "ceil(width / 100)" });
  });

  it("allows the house format type and leaves titles to render", () => {
    expect(config.customFormatTypes).toBe(true);
    expect(config.title).toBeUndefined();
  });

  it("is plain JSON (it is written into every compiled spec)", () => {
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });
});
