// The output quality bar of the first story's charts, at every breakpoint,
// light and dark, as the build draws them (buildChart): every rule of the
// linter passes (no text over text or marks, none clipped or cut, type and
// contrast, colours, baselines, the words' numbers), every annotation fits
// (or was moved below the plot), and what a reader's browser shows of each
// SVG matches its PNG, whatever the page's colour scheme.
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "@charts/testkit";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { buildChart, DEFAULT_BREAKPOINTS, type BuiltChart } from "@charts/cli";
import { loadDatasets, loadSources } from "@charts/datasets";
import { DEFAULT_LIMITS } from "@charts/errors";
import { DEFAULT_SETTINGS, formatFindings, lintChart, type LintOptions } from "@charts/lint";
import { compileChart, loadChartDefinitions } from "@charts/specs";
import { dark, light } from "@charts/theme";
import { renderChart, setupRenderer, svgToPng, unfitAnnotations } from "@charts/render";
import { root } from "./cli.ts";


/** The first story's charts as the build holds them, each with what the linter needs beside it. */
type Story = Array<BuiltChart & { lint: LintOptions }>;

async function buildStory(): Promise<Story> {
  await setupRenderer();
  const datasets = await loadDatasets(join(root, "datasets"), { root });
  const sources = Object.fromEntries(await loadSources(join(root, "datasets/sources.json"), { root }));
  const charts: Story = [];
  for (const { file, definition } of await loadChartDefinitions(join(root, "charts"))) {
    charts.push({
      lint: { definition, file, datasets, sources, settings: DEFAULT_SETTINGS },
      ...(await buildChart(definition, {
        file,
        datasets,
        sources,
        breakpoints: DEFAULT_BREAKPOINTS,
        sentences: undefined,
        limits: DEFAULT_LIMITS,
        render: { base: join(root, "datasets") },
      })),
    });
  }
  return charts;
}

describe("the first story's charts at every breakpoint, light and dark", () => {
  let charts: Story;
  const variants = () => charts.flatMap((chart) => chart.variants.map((variant) => ({ slug: chart.slug, variant, where: `${chart.slug} ${variant.name}` })));
  beforeAll(async () => {
    charts = await buildStory();
  }, 240_000);

  it("are four or more, each in six variants with header, plot text and footer", () => {
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const { variant, where } of variants()) {
      const roles = new Set(variant.boxes.map((b) => b.role));
      for (const role of ["headline", "dek", "source", "axis-label"]) expect(roles.has(role), `${where} has ${role}`).toBe(true);
    }
    expect(variants().length).toBe(6 * charts.length);
  });

  it("pass every rule of the linter, at its default, at every width, light and dark (text over text or marks, clipped or cut, type size, contrast of text and marks, colours under CVD, baselines, axes, parts, source line, alt text, numbers)", () => {
    for (const chart of charts) {
      const findings = lintChart(chart, chart.lint);
      expect(findings, `${chart.slug}:\n${formatFindings(findings)}`).toEqual([]);
    }
  });

  it("fit every annotation in the plot (one that does not is drawn below it: unit-tested in specs), and label a gap only where its band has room", () => {
    for (const { variant, where } of variants()) expect(unfitAnnotations(variant), where).toEqual([]);
    const tourists = charts.find((c) => c.slug === "russian-tourists-vietnam")!;
    const words = (name: string) => tourists.variants.find((v) => v.name === name)!.boxes.map((b) => b.text).join(" ");
    expect(words("default")).toContain("Pandemic, then direct");
    // on a phone the band is too narrow for its label: the shade stays, the footer says what it means
    expect(words("320")).not.toContain("Pandemic, then direct");
    expect(words("320")).toContain("No figures for");
  });

  it("write years short after the first on a phone, and keep type the same size at every width", () => {
    const arms = charts.find((c) => c.slug === "russia-arms-transfers")!;
    const years = (name: string) => arms.variants.find((v) => v.name === name)!.boxes.filter((b) => b.role === "axis-label" && /^(\d{4}|\u2019\d\d)$/.test(b.text)).map((b) => b.text);
    expect(years("320")).toEqual(["2014", "\u201916", "\u201918", "\u201920", "\u201922"]);
    expect(years("default")).toEqual(["2014", "2016", "2018", "2020", "2022"]);
    for (const role of ["headline", "dek", "axis-label", "notes"]) {
      const sizes = new Set(arms.variants.flatMap((v) => v.boxes.filter((b) => b.role === role).map((b) => b.fontSize)));
      expect(sizes.size, role).toBe(1);
    }
  });

  it("are drawn on the theme's page, light and dark", () => {
    for (const { variant, where } of variants()) {
      expect(variant.scene.background, where).toBe(variant.theme === "dark" ? dark.colors.background : light.colors.background);
    }
  });

  it("keep the build's scene of each variant for the linter: marks with bounds and colours, axes with domains and ranges", () => {
    for (const { variant, where } of variants()) {
      const marks = variant.scene.marks.filter((m) => m.role === "mark" && m.datum);
      expect(marks.length, where).toBeGreaterThan(0);
      for (const mark of marks) expect(mark.fill ?? mark.stroke, where).toMatch(/^#[0-9a-f]{6}$/i);
      expect(variant.scene.axes.length, where).toBeGreaterThanOrEqual(2);
      for (const axis of variant.scene.axes) {
        expect(axis.domain.length, where).toBeGreaterThanOrEqual(2);
        expect(axis.range[0], where).not.toBe(axis.range[1]);
      }
    }
  });

  describe("seen through <img> in headless Chromium", () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => browser?.close());

    it("match the PNG from sharp at every width, in both colour schemes of the page, in under 1% of pixels", async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser!.newContext({ colorScheme });
        for (const { variant, where } of variants()) {
          const page = await context.newPage();
          await page.setViewportSize({ width: variant.width, height: variant.height });
          const src = `data:image/svg+xml;base64,${Buffer.from(variant.svg).toString("base64")}`;
          await page.setContent(`<!doctype html><body style="margin:0;background:#f0f"><img id="c" src="${src}" width="${variant.width}" height="${variant.height}" style="display:block">`);
          await page.evaluate(() => (document.getElementById("c") as HTMLImageElement).decode());
          const shot = PNG.sync.read(await page.screenshot({ clip: { x: 0, y: 0, width: variant.width, height: variant.height } }));
          await page.close();
          const png = PNG.sync.read(variant.png);
          expect([shot.width, shot.height], where).toEqual([png.width, png.height]);
          const differing = pixelmatch(shot.data, png.data, undefined, png.width, png.height, { threshold: 0.2 }) / (png.width * png.height);
          console.log(`${where} (page ${colorScheme}): ${(100 * differing).toFixed(2)}% of pixels differ between Chromium and sharp`);
          expect(differing, `${where}, page ${colorScheme}`).toBeLessThan(0.01);
        }
        await context.close();
      }
    }, 240_000);
  });
});

describe("the published SVG", () => {
  it("has no reference outside itself", async () => {
    const [first] = await buildStory();
    const svg = first!.variants[0]!.svg;
    expect(svg).not.toMatch(/(href|src)="(?!data:|#)/);
    expect(svg).not.toMatch(/url\((?!data:|#|'data:|"data:)/);
    expect(readFileSync(join(root, "packages/fonts/files/OFL.txt"), "utf8")).toContain("SIL OPEN FONT LICENSE");
  });
});

describe("a chart of the story in another locale", () => {
  it.each([
    ["fr-FR", "171\u202fMd$", "Sources\u00a0: "],
    ["vi-VN", "171\u00a0tỷ USD", "Nguồn: "],
    ["en-US", "$171B", "Sources: "],
  ])("%s formats axes, value labels and the source line in that locale", async (locale, value, sourceLabel) => {
    const datasets = await loadDatasets(join(root, "datasets"), { root });
    const sources = await loadSources(join(root, "datasets/sources.json"), { root });
    const loaded = (await loadChartDefinitions(join(root, "charts"))).find((c) => c.definition.slug === "vietnam-trade-by-partner");
    if (!loaded) throw new Error("charts/vietnam-trade-by-partner.chart.json is needed for this test");
    const { file, definition } = loaded;
    const compiled = compileChart({ ...definition, locale }, { file, datasets, sources, theme: light });
    const chart = await renderChart(compiled.spec);
    const texts = chart.boxes.map((b) => b.text);
    expect(texts).toContain(value);
    expect(chart.boxes.find((b) => b.role === "source")?.text.startsWith(sourceLabel)).toBe(true);
    if (locale === "fr-FR") writeFileSync(join(tmpdir(), "vietnam-trade-by-partner.fr-FR.png"), await svgToPng(chart.svg, 1));
  });
});
