import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { useProjectFonts } from "@charts/fonts";
import { setupRenderer } from "@charts/render";
import { buildChart, drawForLint, type BuildContext } from "../src/build/buildChart.ts";
import { loadInputs } from "../src/build/loadInputs.ts";
import { loadConfig, LINKS_SETTING } from "../src/config.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("drawForLint (charts lint) and buildChart (the build)", () => {
  let context: BuildContext;
  let definition: Parameters<typeof buildChart>[0];
  const stages = { draw: new Set<string>(), build: new Set<string>() };
  beforeAll(async () => {
    useProjectFonts();
    await setupRenderer();
    const config = loadConfig({ file: join(root, "charts.config.json") });
    const inputs = await loadInputs(config);
    const chart = inputs.charts.find((input) => input.slug === "russia-arms-transfers")!;
    ({ definition } = inputs.usable(chart, (path) => path));
    context = {
      file: "russia-arms-transfers.chart.json",
      datasets: inputs.datasets,
      sources: Object.fromEntries(inputs.sources),
      breakpoints: config.breakpoints,
      sentences: undefined,
      limits: config.limits,
      render: { base: config.datasets, links: config.allowLinks, linksSetting: LINKS_SETTING, seed: 1, now: 0, cacheDir: config.cache },
    };
  });

  it("draw the same variants, the same SVGs; only the build rasterises them (RGB PNGs at 1x and 2x), timed while some PNG is being drawn", async () => {
    const drawn = await drawForLint(definition, { ...context, time: (stage) => stages.draw.add(stage) });
    let rasterise = 0;
    const started = performance.now();
    const built = await buildChart(definition, { ...context, time: (stage, ms) => (stages.build.add(stage), stage === "rasterise" && (rasterise += ms)) });
    const wall = performance.now() - started;
    expect(drawn.variants.map((variant) => variant.name)).toEqual(["320", "320-dark", "default", "dark", "1000", "1000-dark"]);
    expect(built.variants.map((variant) => variant.name)).toEqual(drawn.variants.map((variant) => variant.name));
    drawn.variants.forEach((variant, i) => {
      const twin = built.variants[i]!;
      expect(Object.keys(variant)).not.toContain("png");
      expect(variant.svg).toBe(twin.svg);
      expect(variant.vegaLite).toBe(twin.vegaLite);
      // PNG signature, then IHDR: width, height, bit depth 8, colour type 2 (RGB, no alpha)
      expect(twin.png.subarray(1, 4).toString()).toBe("PNG");
      expect([twin.png.readUInt32BE(16), twin.png2x.readUInt32BE(16)]).toEqual([Math.ceil(twin.width), 2 * Math.ceil(twin.width)]);
      expect([twin.png[24], twin.png[25], twin.png2x[25]]).toEqual([8, 2, 2]);
    });
    expect({ ...drawn, variants: [] }).toEqual({ ...built, variants: [] });
    expect([...stages.draw].sort()).toEqual(["compile", "render"]);
    expect([...stages.build].sort()).toEqual(["compile", "rasterise", "render"]);
    // the time some PNG was being drawn, not the sum of the PNGs' times (they are drawn several at once)
    expect(rasterise).toBeGreaterThan(0);
    expect(rasterise).toBeLessThanOrEqual(wall);
  }, 60_000);

  it("draw now() in expressions at the clock they are given: the same clock the same bytes, another clock another chart", async () => {
    // the bars of the last ten years: 2014 and 2022 in June 2024, only 2022 in 2030
    const recent = { ...definition, data: { dataset: "russia-arms-transfers", filter: "datum.year >= year(now()) - 10" } };
    const at = async (iso: string) => (await drawForLint(recent, { ...context, render: { ...context.render, now: Date.parse(iso) } })).variants[0]!.svg;
    const june = await at("2024-06-20T08:00:00Z");
    expect(await at("2024-06-20T08:00:00Z")).toBe(june);
    const later = await at("2030-06-20T08:00:00Z");
    expect(later).not.toBe(june);
    const bars = (svg: string) => (svg.match(/aria-roledescription="bar"/g) ?? []).length;
    expect([bars(june), bars(later)]).toEqual([2, 1]);
  }, 60_000);
});
