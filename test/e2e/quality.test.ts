// The output quality bar of the first story's charts, at their default size:
// no text overlaps other text, none is clipped by the canvas, none is truncated,
// and what a reader's browser shows of the SVG matches the PNG.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser } from "playwright-core";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { loadDatasets, loadSources } from "@charts/datasets";
import { compileChart, loadChartDefinitions } from "@charts/specs";
import { light } from "@charts/theme";
import { renderChart, svgToPng, type TextBox } from "@charts/render";
import { root } from "./cli.ts";

const CHROMIUM = "/usr/bin/chromium";

async function renderStory() {
  const datasets = await loadDatasets(join(root, "datasets"), { root });
  const sources = await loadSources(join(root, "datasets/sources.json"), { root });
  const definitions = await loadChartDefinitions(join(root, "charts"));
  return Promise.all(
    definitions.map(async ({ file, definition }) => {
      const compiled = compileChart(definition, { file, datasets, sources, theme: light });
      return { slug: definition.slug, chart: await renderChart(compiled.spec) };
    }),
  );
}

const overlap = (a: TextBox, b: TextBox) => Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 0.5 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 0.5;

describe("the first story's charts at their default size", () => {
  let charts: Awaited<ReturnType<typeof renderStory>>;
  beforeAll(async () => {
    charts = await renderStory();
  }, 120_000);

  it("are four or more, each with header, plot text and footer", () => {
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const { slug, chart } of charts) {
      const roles = new Set(chart.boxes.map((b) => b.role));
      for (const role of ["headline", "dek", "source", "axis-label"]) expect(roles.has(role), `${slug} has ${role}`).toBe(true);
    }
  });

  it("have no text clipped by the canvas", () => {
    for (const { slug, chart } of charts) {
      for (const box of chart.boxes) {
        expect(box.x1, `${slug}: "${box.text}" left`).toBeGreaterThanOrEqual(0);
        expect(box.y1, `${slug}: "${box.text}" top`).toBeGreaterThanOrEqual(0);
        expect(box.x2, `${slug}: "${box.text}" right`).toBeLessThanOrEqual(chart.width);
        expect(box.y2, `${slug}: "${box.text}" bottom`).toBeLessThanOrEqual(chart.height);
      }
    }
  });

  it("have no text overlapping other text", () => {
    for (const { slug, chart } of charts) {
      const texts = chart.boxes.filter((b) => b.text.trim() !== "");
      const clashes: string[] = [];
      for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
          if (overlap(texts[i]!, texts[j]!)) clashes.push(`"${texts[i]!.text}" (${texts[i]!.role}) and "${texts[j]!.text}" (${texts[j]!.role})`);
        }
      }
      expect(clashes, slug).toEqual([]);
    }
  });

  it("truncate no label", () => {
    for (const { slug, chart } of charts) {
      expect(chart.boxes.filter((b) => b.text.endsWith("…")).map((b) => b.text), slug).toEqual([]);
    }
  });

  describe("seen through <img> in headless Chromium", () => {
    let browser: Browser | undefined;
    beforeAll(async () => {
      if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
      // a reader's browser has the system's fonts, not the render's fonts.conf: only the embedded subsets count
      const { FONTCONFIG_FILE: _, ...env } = process.env;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        env,
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
    });
    afterAll(async () => browser?.close());

    it("match the PNG from sharp, in under 1% of pixels", async () => {
      for (const { slug, chart } of charts) {
        const page = await browser!.newPage({ viewport: { width: chart.width, height: chart.height } });
        const src = `data:image/svg+xml;base64,${Buffer.from(chart.svg).toString("base64")}`;
        await page.setContent(`<!doctype html><body style="margin:0;background:#f0f"><img id="c" src="${src}" width="${chart.width}" height="${chart.height}" style="display:block">`);
        await page.evaluate(() => (document.getElementById("c") as HTMLImageElement).decode());
        const shot = PNG.sync.read(await page.screenshot({ clip: { x: 0, y: 0, width: chart.width, height: chart.height } }));
        await page.close();
        const png = PNG.sync.read(await svgToPng(chart.svg, 1));
        expect([shot.width, shot.height], slug).toEqual([png.width, png.height]);
        const differing = pixelmatch(shot.data, png.data, undefined, png.width, png.height, { threshold: 0.2 }) / (png.width * png.height);
        console.log(`${slug}: ${(100 * differing).toFixed(2)}% of pixels differ between Chromium and sharp`);
        expect(differing, slug).toBeLessThan(0.01);
      }
    });
  });
});

describe("the published SVG", () => {
  it("has no reference outside itself", async () => {
    const [first] = await renderStory();
    const svg = first!.chart.svg;
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
