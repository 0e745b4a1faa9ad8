import { beforeAll, describe, expect, test } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { message } from "@charts/errors";
import { measureText } from "@charts/fonts";
import { renderSvg, setupRenderer, type TextBox } from "../src/index.ts";
import { vegaModules, type TextMetrics } from "../src/loadVega.ts";
import { plainBars, partners } from "./fixtures/charts.ts";

beforeAll(() => setupRenderer());

const title = (boxes: TextBox[], role: string, text: string) => boxes.find((b) => b.role === role && b.text === text)!;
const yLabels = (boxes: TextBox[]) => boxes.filter((b) => b.role === "axis-label" && partners.some((p) => p.partner === b.text));

describe("renderSvg", () => {
  test("lays the y axis out with exact label widths, not Vega's 0.8 estimate", async () => {
    const exact = await renderSvg(plainBars());
    const labels = yLabels(exact.boxes);
    expect(labels.map((b) => b.text).sort()).toEqual(partners.map((p) => p.partner).sort());
    // each label box is as wide as harfbuzz measures the label
    for (const label of labels) expect(label.x2 - label.x1).toBeCloseTo(measureText(label.text, { size: 13 }), 6);
    // the rotated title sits titlePadding (5 px) left of the widest label
    const axisTitle = title(exact.boxes, "axis-title", "Trade partner of Vietnam");
    const leftmost = Math.min(...labels.map((b) => b.x1));
    expect(leftmost - axisTitle.x2).toBeGreaterThan(4);
    expect(leftmost - axisTitle.x2).toBeLessThan(6);

    // the same chart with Vega's estimate leaves the title far out
    const { textMetrics } = vegaModules().vega as unknown as { textMetrics: TextMetrics };
    const measure = textMetrics.width;
    textMetrics.width = textMetrics.estimateWidth;
    let estimated: Awaited<ReturnType<typeof renderSvg>>;
    try {
      estimated = await renderSvg(plainBars());
    } finally {
      textMetrics.width = measure;
    }
    const estimatedTitle = title(estimated.boxes, "axis-title", "Trade partner of Vietnam");
    const longest = "United States";
    const offset = 0.8 * longest.length * 13 - measureText(longest, { size: 13 });
    // the estimate widens the widest label by ~60 px, and the whole plot shifts right by as much
    expect(offset).toBeGreaterThan(50);
    const shift = Math.floor(0.8 * longest.length * 13) - measureText(longest, { size: 13 });
    expect(Math.abs(estimated.width - exact.width - shift)).toBeLessThan(1);
    // labels are right-aligned at x2; what is drawn starts at x2 minus the true width,
    // so under the estimate a ~60 px hole opens between title and labels
    const drawnLeft = Math.min(...yLabels(estimated.boxes).map((b) => b.x2 - measureText(b.text, { size: 13 })));
    expect(drawnLeft - estimatedTitle.x2).toBeGreaterThan(50);
  });

  test("truncates to labelLimit with exact widths", async () => {
    const spec = plainBars() as Record<string, any>;
    spec.encoding.y.axis = { labelLimit: 60 };
    const { svg, boxes } = await renderSvg(spec as never);
    const labels = boxes.filter((b) => b.role === "axis-label" && /[A-Z]/.test(b.text));
    const long = labels.filter((b) => b.text.endsWith("…"));
    expect(long.map((b) => b.text).sort()).toEqual(["South K…", "United S…"]);
    for (const box of labels) {
      // the box holds the text as drawn, and is exactly as wide as it
      expect(svg).toContain(`>${box.text}</text>`);
      expect(box.x2 - box.x1).toBeCloseTo(measureText(box.text, { size: 13 }), 6);
      expect(box.x2 - box.x1).toBeLessThan(60);
    }
    // the longest prefix that fits: one more character would not
    for (const [full, shown] of [["United States", "United S"], ["South Korea", "South K"]] as const) {
      expect(measureText(`${full.slice(0, shown.length + 1)}…`, { size: 13 })).toBeGreaterThanOrEqual(60);
    }
  });

  test("writes the house family quoted, as browsers require", async () => {
    const { svg } = await renderSvg(plainBars());
    expect(svg).toContain(`font-family="'Source Sans 3'"`);
    expect(svg).not.toMatch(/font-family="Source Sans 3"/);
  });

  test("formats numbers with the house format type, in the render's locale", async () => {
    const spec = plainBars() as Record<string, any>;
    spec.config.customFormatTypes = true;
    spec.encoding.x.axis = { formatType: "house", format: { unit: "USD billion" } };
    const gb = await renderSvg(spec as never, { locale: "en-GB" });
    expect(gb.boxes.filter((b) => b.role === "axis-label").map((b) => b.text)).toContain("$40bn");
    const fr = await renderSvg(spec as never, { locale: "fr-FR" });
    expect(fr.boxes.filter((b) => b.role === "axis-label").map((b) => b.text)).toContain("40\u202fMd$");
  });

  test("reads local data relative to base", async () => {
    const dir = mkdtempSync(join(tmpdir(), "render-test-"));
    writeFileSync(join(dir, "trade.csv"), "partner,trade\nChina,171.9\nRussia,4.6\n");
    const spec = { ...plainBars(), data: { url: "trade.csv" } };
    const { boxes } = await renderSvg(spec as never, { base: dir });
    expect(yLabels(boxes).map((b) => b.text).sort()).toEqual(["China", "Russia"]);
  });

  test("refuses remote data with a clear error naming the JSON path, instead of an empty chart", async () => {
    const spec = { ...plainBars(), data: { url: "https://example.com/trade.csv" } };
    await expect(renderSvg(spec as never)).rejects.toThrow(`data.url: ${message.urlNotLocal("https://example.com/trade.csv", process.cwd())}`);
  });

  test("fails on a missing data file", async () => {
    const spec = { ...plainBars(), data: { url: "nowhere.csv" } };
    await expect(renderSvg(spec as never, { base: tmpdir() })).rejects.toThrow(/data.url: cannot read "nowhere.csv": no file .*nowhere.csv \(ENOENT\)/);
  });

  test("refuses a font family that is not bundled before rendering, naming its JSON path", async () => {
    const spec = plainBars() as Record<string, any>;
    spec.config.axis.titleFont = "Georgia";
    await expect(renderSvg(spec as never)).rejects.toThrow(`config.axis.titleFont: ${message.fontFamily("Georgia", "Source Sans 3")}`);
  });

  test("refuses a font family built at run time, which the check before rendering cannot see", async () => {
    const spec = plainBars() as Record<string, any>;
    spec.params = [{ name: "family", value: "Georgia" }];
    spec.encoding.y.axis = { labelFont: { expr: "family" } };
    await expect(renderSvg(spec as never)).rejects.toThrow(message.fontFamily("Georgia", "Source Sans 3"));
  });

  test("is deterministic", async () => {
    expect((await renderSvg(plainBars())).svg).toBe((await renderSvg(plainBars())).svg);
  });
});

describe("renderSvg ids", () => {
  test("starts clip ids afresh for each SVG: the same spec gives the same bytes whatever was rendered before", async () => {
    await setupRenderer();
    const clipped = {
      data: { values: [{ a: 1, b: 2 }, { a: 3, b: 4 }] },
      mark: { type: "line", clip: true },
      encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" } },
    };
    const first = (await renderSvg(clipped as never)).svg;
    await renderSvg(clipped as never);
    await renderSvg(clipped as never);
    const again = (await renderSvg(clipped as never)).svg;
    expect(first).toContain('clip-path="url(#clip1)"');
    expect(again).toBe(first);
  });
});
