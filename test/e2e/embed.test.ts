// What a reader's browser picks from the embed snippet a CMS pastes: the
// published release is served to headless Chromium as the service would serve
// it (/charts/...), the snippet is opened at phone, column and wide viewports,
// in light and dark mode, and the file <img>.currentSrc loaded is the variant
// for that width and colour scheme; a browser that takes no <picture> gets
// the default PNG, at 2x on a high-density screen.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "@charts/testkit";
import { charts, scratchProject } from "./cli.ts";

const ORIGIN = "http://charts.test";

interface Variant { name: string; theme: string; width: number; svg: { name: string }; png: { name: string }; png2x: { name: string } }
interface Chart { slug: string; embed: { stable: string }; variants: Variant[] }

describe("the embed snippet in headless Chromium", () => {
  const project = scratchProject();
  let browser: Browser | undefined;
  let manifest: { charts: Chart[] };

  beforeAll(async () => {
    const run = await charts(["--config", project.configFile]);
    expect(run.code, run.stderr).toBe(0);
    manifest = JSON.parse(readFileSync(join(project.out, "manifest.json"), "utf8"));
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => browser?.close());

  /** The file the snippet's <img> loaded, opened as an article page at `width` px in `colorScheme`. */
  async function picked(chart: Chart, width: number, colorScheme: "light" | "dark", options: { deviceScaleFactor?: number; strip?: RegExp } = {}): Promise<string> {
    const context = await browser!.newContext({ viewport: { width, height: 800 }, colorScheme, deviceScaleFactor: options.deviceScaleFactor ?? 1 });
    const page = await context.newPage();
    const published = readFileSync(join(project.out, chart.embed.stable), "utf8");
    const snippet = options.strip ? published.replace(options.strip, "") : published;
    // the publish folder as the service serves it, and an article around the snippet
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/article.html") return route.fulfill({ contentType: "text/html", body: `<!doctype html><meta name="viewport" content="width=device-width"><body style="margin:0">${snippet}` });
      const file = join(project.out, path.replace(/^\/charts\//, ""));
      return existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/article.html`);
    await page.locator("figure img").evaluate((img: HTMLImageElement) => img.decode());
    const src = await page.locator("figure img").evaluate((img: HTMLImageElement) => img.currentSrc);
    await context.close();
    return src.slice(`${ORIGIN}/charts/`.length);
  }

  const file = (chart: Chart, name: string, kind: "svg" | "png" | "png2x" = "svg") => chart.variants.find((v) => v.name === name)![kind].name;

  it("serves each viewport the variant drawn for it, light or dark as the reader's system asks", async () => {
    for (const chart of manifest.charts) {
      for (const [width, light, dark] of [
        [320, "320", "320-dark"],
        [375, "320", "320-dark"],
        [600, "default", "dark"],
        [800, "default", "dark"],
        [1000, "1000", "1000-dark"],
        [1280, "1000", "1000-dark"],
      ] as const) {
        expect(await picked(chart, width, "light"), `${chart.slug} at ${width} px`).toBe(file(chart, light));
        expect(await picked(chart, width, "dark"), `${chart.slug} at ${width} px, dark`).toBe(file(chart, dark));
      }
    }
  }, 240_000);

  it("falls back to the default variant's PNG, at 2x on a high-density screen, where <picture> has no source to offer", async () => {
    const [chart] = manifest.charts;
    const noSources = /<source[^>]*>\n?/g;
    expect(await picked(chart!, 600, "light", { strip: noSources })).toBe(file(chart!, "default", "png"));
    expect(await picked(chart!, 600, "light", { strip: noSources, deviceScaleFactor: 2 })).toBe(file(chart!, "default", "png2x"));
  }, 60_000);
});
