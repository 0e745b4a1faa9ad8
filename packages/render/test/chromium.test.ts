// The same SVG seen by a reader's browser (an <img>, which cannot use page
// fonts, so only the embedded WOFF2 subsets) and by sharp (fontconfig, the
// bundled TTF) must look the same: this compares the two rasters pixel by pixel.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "@charts/testkit";
import sharp from "sharp";
import { fontFaces, measureText } from "@charts/fonts";
import { renderChart, setupRenderer, svgToPng } from "../src/index.ts";
import { barChart } from "./fixtures/charts.ts";

// A pixel "differs" when a channel is off by more than this (of 255): antialiasing
// and hinting differences at glyph edges stay under it far more often than not.
const CHANNEL_THRESHOLD = 64;
// Measured on this machine: about 1.4 and 0.5 % at 1x. Text laid out with
// Chromium's whole-pixel advances (its fontconfig hinting) instead gave 6.3
// and 3.8 %, so these bounds catch a layout that drifts, not just noise.
const MAX_MEAN_DIFFERENCE = 2; // mean absolute difference per channel, of 255
const MAX_DIFFERING_SHARE = 0.01; // 1 % of pixels

const EXTRA_ARGS = (process.env.CHROMIUM_EXTRA ?? "").split(" ").filter(Boolean);
let browser: Browser | undefined;
const outDir = mkdtempSync(join(tmpdir(), "render-chromium-"));

beforeAll(async () => {
  await setupRenderer();
  // a reader's browser uses the system's fontconfig, not the render's fonts.conf (launchChromium's default)
  browser = await launchChromium({ args: EXTRA_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

async function rgba(png: Buffer) {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe("in headless Chromium", () => {
  test.each([1, 2])("the SVG shown through <img> matches the sharp PNG at %ix", async (scale) => {
    const chart = await renderChart(barChart());
    const page = await browser!.newPage({ viewport: { width: chart.width, height: chart.height }, deviceScaleFactor: scale });
    // requests other than the page itself would mean the SVG references something outside
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const src = `data:image/svg+xml;base64,${Buffer.from(chart.svg).toString("base64")}`;
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#f0f"><img id="chart" src="${src}" width="${chart.width}" height="${chart.height}" style="display:block"></body></html>`);
    await page.evaluate(() => (document.getElementById("chart") as HTMLImageElement).decode());
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: chart.width, height: chart.height } });
    await page.close();
    const png = await svgToPng(chart.svg, scale);
    writeFileSync(join(outDir, `chromium@${scale}x.png`), shot);
    writeFileSync(join(outDir, `sharp@${scale}x.png`), png);

    const a = await rgba(shot);
    const b = await rgba(png);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    let sum = 0;
    let differing = 0;
    const diff = Buffer.alloc(a.width * a.height * 3, 255);
    for (let p = 0; p < a.width * a.height; p++) {
      let worst = 0;
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(a.data[3 * p + c]! - b.data[3 * p + c]!);
        sum += d;
        worst = Math.max(worst, d);
      }
      if (worst > CHANNEL_THRESHOLD) {
        differing++;
        diff[3 * p] = 255;
        diff[3 * p + 1] = 0;
        diff[3 * p + 2] = 0;
      }
    }
    await sharp(diff, { raw: { width: a.width, height: a.height, channels: 3 } }).png().toFile(join(outDir, `diff@${scale}x.png`));
    const mean = sum / (a.width * a.height * 3);
    const share = differing / (a.width * a.height);
    console.log(
      `chromium vs sharp at ${scale}x, ${a.width}x${a.height}: mean |difference| ${mean.toFixed(3)} of 255 per channel, ` +
        `${(100 * share).toFixed(3)} % of pixels differ by more than ${CHANNEL_THRESHOLD} (images in ${outDir})`,
    );
    expect(requests.filter((url) => !url.startsWith("data:") && url !== "about:blank")).toEqual([]);
    expect(mean).toBeLessThan(MAX_MEAN_DIFFERENCE);
    expect(share).toBeLessThan(MAX_DIFFERING_SHARE);
  });

  test("Chromium's canvas measures text as measureText does", async () => {
    const page = await browser!.newPage();
    const texts = ["Vietnam", "AVATAR To Ty", "US$72 million", "Nguyễn Phú Trọng", "Putin visited Hanoi in June 2024"];
    for (const face of fontFaces) {
      const font = `data:font/ttf;base64,${readFileSync(face.file).toString("base64")}`;
      const widths = await page.evaluate(
        async ({ font, weight, style, texts }) => {
          const loaded = await new FontFace("Probe", `url(${font})`, { weight: String(weight), style }).load();
          document.fonts.add(loaded);
          const context = document.createElement("canvas").getContext("2d")!;
          context.font = `${style} ${weight} 100px Probe`;
          return texts.map((text) => context.measureText(text).width);
        },
        { font, weight: face.weight, style: face.style, texts },
      );
      texts.forEach((text, i) => {
        expect(widths[i], `${face.name}: ${text}`).toBeCloseTo(measureText(text, { size: 100, weight: face.weight, style: face.style }), 2);
      });
    }
    await page.close();
  });
});
