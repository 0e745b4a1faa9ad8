import { beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChartsError, message } from "@charts/errors";
import { checkPixels } from "../src/checkPixels.ts";
import { renderChart, renderFile, renderSvg, setupRenderer, svgToPng } from "../src/index.ts";
import { barChart, plainBars } from "./fixtures/charts.ts";

beforeAll(() => setupRenderer());

const over = (received: string, limit = 50_000_000) => message.overLimit("the PNG's size in pixels (width x height x scale x scale)", limit, received, "limits.plotPixels");

describe("checkPixels(width, height, options)", () => {
  test("counts the pixels of the PNG at its scale against limits.plotPixels", () => {
    expect(() => checkPixels(640, 545, { scale: 2 })).not.toThrow();
    expect(() => checkPixels(40000, 40000, { scale: 2 }, { field: "width" })).toThrow(new ChartsError(over("6400000000 (40000 x 40000 px at scale 2)"), { field: "width" }));
    expect(() => checkPixels(1000, 1000, { scale: 1, limits: { plotPixels: 999_999 } })).toThrow(over("1000000 (1000 x 1000 px at scale 1)", 999_999));
  });
});

describe("the pixel limit in every render", () => {
  test("renderSvg refuses a spec whose own width and height are too large, before Vega", async () => {
    const huge = { ...plainBars(), width: 40000, height: 40000 };
    await expect(renderSvg(huge)).rejects.toThrow(new ChartsError(over("1600000000 (40000 x 40000 px at scale 1)"), { field: "width" }));
  });

  test("renderSvg refuses a plot that lays out too large (a band step) before writing the SVG", async () => {
    const stepped = { ...plainBars(), width: undefined, height: { step: 2_000_000 } } as never;
    await expect(renderSvg(stepped)).rejects.toThrow(/^the PNG's size in pixels \(width x height x scale x scale\) is \d+ \(\d+(\.\d+)? x \d+(\.\d+)? px at scale 1\), over the limit of 50000000/);
  });

  test("svgToPng refuses an SVG too large at its scale before sharp, and sharp's own failures are ChartsErrors", async () => {
    const { svg } = await renderChart(barChart());
    await expect(svgToPng(svg, 2, { limits: { plotPixels: 1000 } })).rejects.toThrow(/^the PNG's size in pixels .* at scale 2\), over the limit of 1000 /);
    await expect(svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect', 1)).rejects.toThrow(/^sharp could not draw the PNG: /);
  });

  test("charts render: the spec file is named, with the pixels at --scale", async () => {
    const dir = mkdtempSync(join(tmpdir(), "render-pixels-"));
    const spec = join(dir, "big.vl.json");
    writeFileSync(spec, JSON.stringify({ ...plainBars(), width: 4000, height: 4000 }));
    await expect(renderFile(spec, join(dir, "big.png"), { scale: 2 })).rejects.toThrow(
      new ChartsError(over("64000000 (4000 x 4000 px at scale 2)"), { file: spec, field: "width" }),
    );
    await expect(renderFile(spec, join(dir, "big.svg"))).resolves.toBeUndefined();
  });
});
