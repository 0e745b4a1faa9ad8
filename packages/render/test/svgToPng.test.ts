import { beforeAll, describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import type { TopLevelSpec } from "vega-lite";
import { fontsDir } from "@charts/fonts";
import { dark, light, vegaLiteConfig } from "@charts/theme";
import { renderChart, renderFile, setupRenderer, svgToPng } from "../src/index.ts";
import { barChart, plainBars } from "./fixtures/charts.ts";

beforeAll(() => setupRenderer());

// Where the tests leave PNGs for a person to look at.
const outDir = mkdtempSync(join(tmpdir(), "render-png-"));

describe("svgToPng", () => {
  test("decodes at the SVG's size at 1x and twice it at 2x, on an opaque background", async () => {
    const chart = await renderChart(barChart());
    const png = await svgToPng(chart.svg, 1);
    const png2x = await svgToPng(chart.svg, 2);
    writeFileSync(join(outDir, "bars.png"), png);
    writeFileSync(join(outDir, "bars@2x.png"), png2x);
    const one = await sharp(png).metadata();
    const two = await sharp(png2x).metadata();
    expect([one.format, one.width, one.height]).toEqual(["png", chart.width, chart.height]);
    expect([two.width, two.height]).toEqual([2 * chart.width, 2 * chart.height]);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    // the corner is the theme background, not transparency
    expect([...data.subarray(0, info.channels)].slice(0, 3)).toEqual([255, 255, 255]);
  });

  test("opaque: a framed chart in either theme is written as RGB, the very pixels of its RGBA PNG, whose alpha is 255 everywhere", async () => {
    for (const theme of [light, dark]) {
      const chart = await renderChart({ ...barChart(), config: vegaLiteConfig(theme) } as TopLevelSpec, { theme });
      const rgba = await sharp(await svgToPng(chart.svg, 2)).raw().toBuffer({ resolveWithObject: true });
      const rgb = await sharp(await svgToPng(chart.svg, 2, { opaque: true })).raw().toBuffer({ resolveWithObject: true });
      expect([rgba.info.channels, rgb.info.channels]).toEqual([4, 3]);
      let minAlpha = 255;
      let differing = 0;
      for (let pixel = 0; pixel < rgba.info.width * rgba.info.height; pixel++) {
        minAlpha = Math.min(minAlpha, rgba.data[pixel * 4 + 3]!);
        for (let band = 0; band < 3; band++) if (rgba.data[pixel * 4 + band] !== rgb.data[pixel * 3 + band]) differing++;
      }
      expect(minAlpha).toBe(255);
      expect(differing).toBe(0);
    }
    // without `opaque` a transparent SVG keeps its transparency
    const clear = await sharp(await svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', 1)).raw().toBuffer({ resolveWithObject: true });
    expect([clear.info.channels, clear.data[3]]).toEqual([4, 0]);
  });

  test("draws the headline where the layout put it", async () => {
    const chart = await renderChart(barChart());
    const { data, info } = await sharp(await svgToPng(chart.svg, 1)).greyscale().raw().toBuffer({ resolveWithObject: true });
    const headline = chart.boxes.filter((b) => b.role === "headline");
    const first = headline[0]!;
    // ink of the first headline line lies within its measured box (1 px for antialiasing)
    let left = Infinity;
    let right = -Infinity;
    const top = Math.floor(first.y1);
    const bottom = Math.ceil(first.y2);
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < info.width; x++) {
        if (data[y * info.width + x]! < 128) {
          left = Math.min(left, x);
          right = Math.max(right, x + 1);
        }
      }
    }
    expect(left).toBeGreaterThanOrEqual(first.x1 - 1);
    expect(left).toBeLessThan(first.x1 + 4);
    expect(right).toBeLessThanOrEqual(first.x2 + 1);
    expect(right).toBeGreaterThan(first.x2 - 4);
  });

  test("is deterministic", async () => {
    const chart = await renderChart(barChart());
    expect((await svgToPng(chart.svg, 1)).equals(await svgToPng((await renderChart(barChart())).svg, 1))).toBe(true);
  });

  test("fails loudly, naming the fonts folder, when fontconfig finds no font", () => {
    const empty = mkdtempSync(join(tmpdir(), "no-fonts-"));
    const child = fileURLToPath(new URL("./fixtures/probeChild.ts", import.meta.url));
    const run = (folder: string) =>
      execFileSync(process.execPath, ["--disable-warning=ExperimentalWarning", child, folder], {
        encoding: "utf8",
        env: { ...process.env, FONTCONFIG_FILE: "" },
      }).trim();
    const failed = run(empty);
    expect(failed).toMatch(/^ChartsError: the font probe drew .*Source Sans 3 Regular/);
    expect(failed).toContain(`was given the fonts folder ${empty}`);
    // the same child with the bundled folder renders
    expect(run(fontsDir)).toBe("rendered");
  });
});

describe("renderFile", () => {
  test("renders a Vega-Lite file to SVG and to PNG at a scale", async () => {
    const dir = mkdtempSync(join(tmpdir(), "render-file-"));
    writeFileSync(join(dir, "bars.vl.json"), JSON.stringify(barChart()));
    writeFileSync(join(dir, "plain.vl.json"), JSON.stringify(plainBars()));
    await renderFile(join(dir, "bars.vl.json"), join(dir, "bars.svg"));
    await renderFile(join(dir, "plain.vl.json"), join(dir, "plain.png"), { scale: 2 });
    const svg = readFileSync(join(dir, "bars.svg"), "utf8");
    expect(svg).toContain("charts-fonts");
    expect(svg).toContain('class="headline"');
    const plain = await sharp(readFileSync(join(dir, "plain.png"))).metadata();
    expect(plain.format).toBe("png");
    expect(plain.width! % 2).toBe(0);
    await expect(renderFile(join(dir, "bars.vl.json"), join(dir, "bars.jpg"))).rejects.toThrow(
      '-o: expected an output path ending in .svg or .png but received ".../bars.jpg"'.replace(".../bars.jpg", join(dir, "bars.jpg")),
    );
  });
});
