import { DOMParser, type Element } from "@xmldom/xmldom";
import { beforeAll, describe, expect, test } from "vitest";
import { dark, light, vegaLiteConfig } from "@charts/theme";
import { measureText } from "@charts/fonts";
import { frameChart, renderChart, renderSvg, setupRenderer, type TextBox } from "../src/index.ts";
import { barChart } from "./fixtures/charts.ts";

beforeAll(() => setupRenderer());

/** Every element under `root`, depth first. */
function* elements(root: Element): Generator<Element> {
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE) {
      yield node as Element;
      yield* elements(node as Element);
    }
  }
}

const overlap = (a: TextBox, b: TextBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

describe("frameChart", () => {
  const meta = {
    slug: "t",
    headline: "A finding long enough that it has to wrap onto a second line at this narrow width of the chart",
    dek: "What is plotted, and in which unit",
    notes: "A note about the data.",
    source: "Customs offices",
    byline: "Graphic: Desk",
    alt: "A chart",
    locale: "en-GB",
  };

  test("frames a narrower plot (small multiples sized by their panels) at the chart's width, the plot at the left", async () => {
    const plot = await renderSvg(barChart());
    const framed = frameChart({ ...plot, width: 380 }, { ...meta, width: 400 }, light);
    expect(framed.width).toBe(400);
    expect(framed.svg).toMatch(/^<svg [^>]*width="400"/);
    expect(framed.svg).toContain('<svg x="0" y=');
    const byline = framed.boxes.find((b) => b.role === "byline")!;
    expect(byline.x2).toBeCloseTo(400 - light.spacing.padding, 9);
    // A plot wider than the chart is never cut.
    expect(frameChart({ ...plot, width: 420 }, { ...meta, width: 400 }, light).width).toBe(420);
  });

  test("wraps the header to the chart width and stacks header, plot and footer", async () => {
    const plot = await renderSvg(barChart());
    const framed = frameChart({ ...plot, width: 400 }, meta, light);
    const roles = framed.boxes.filter((b) => !b.role.startsWith("axis")).map((b) => b.role);
    expect(roles.filter((r) => r === "headline").length).toBeGreaterThan(1);
    expect(roles).toEqual([...roles.filter((r) => r === "headline"), "dek", "notes", "source", "byline"]);
    const { padding } = light.spacing;
    for (const box of framed.boxes.filter((b) => ["headline", "dek", "notes", "source"].includes(b.role))) {
      expect(box.x1).toBe(padding);
      expect(box.x2).toBeLessThanOrEqual(400 - padding);
    }
    const byline = framed.boxes.find((b) => b.role === "byline")!;
    expect(byline.x2).toBeCloseTo(400 - padding, 9);
    const source = framed.boxes.find((b) => b.role === "source")!;
    expect(source.text).toBe("Source: Customs offices");
    expect(byline.y1).toBe(source.y1);
    // the plot sits between the header and the footer
    const plotTop = Number(/<svg x="0" y="(\d+)"/.exec(framed.svg)![1]);
    const header = framed.boxes.filter((b) => b.role === "headline" || b.role === "dek");
    expect(Math.max(...header.map((b) => b.y2))).toBeLessThanOrEqual(plotTop);
    expect(framed.boxes.find((b) => b.role === "notes")!.y1).toBeGreaterThanOrEqual(plotTop + plot.height);
    expect(framed.height).toBeGreaterThan(plotTop + plot.height);
    expect(framed.svg).toContain(`<rect class="background" aria-hidden="true" width="400" height="${framed.height}" fill="#ffffff"/>`);
  });

  test("is an accessible image: role img, labelled by its title (the headline) and desc (the alt text)", async () => {
    const plot = await renderSvg(barChart());
    const framed = frameChart(plot, { ...meta, alt: 'Bars: "A" & <B>' }, light, { id: "chart-t-320-dark" });
    const document = new DOMParser().parseFromString(framed.svg, "image/svg+xml");
    const root = document.documentElement!;
    expect(root.getAttribute("role")).toBe("img");
    expect(root.getAttribute("lang")).toBe("en-GB");
    const ids = root.getAttribute("aria-labelledby")!.split(" ");
    expect(ids).toEqual(["chart-t-320-dark-title", "chart-t-320-dark-desc"]);
    const [title, desc] = ids.map((id) => [...elements(root)].find((e) => e.getAttribute("id") === id)!);
    expect(title!.tagName).toBe("title");
    expect(title!.textContent).toBe(meta.headline);
    expect(desc!.tagName).toBe("desc");
    expect(desc!.textContent).toBe('Bars: "A" & <B>');
    // both are the first children, before anything drawn
    expect([...root.childNodes].slice(0, 2).map((n) => (n as Element).tagName)).toEqual(["title", "desc"]);
    // the page and the plot's own background are decoration
    const backgrounds = [...elements(root)].filter((e) => e.tagName === "rect" && (e.getAttribute("class") === "background" || e.parentNode === root.getElementsByTagName("svg")[0]));
    expect(backgrounds.length).toBeGreaterThanOrEqual(2);
    for (const rect of backgrounds.slice(0, 2)) expect(rect.getAttribute("aria-hidden")).toBe("true");
    // the default id is the slug's
    expect(frameChart(plot, meta, light).svg).toContain('aria-labelledby="chart-t-title chart-t-desc"');
  });

  test("draws annotations moved below the plot above the notes, marker in bold, text beside it", async () => {
    const plot = await renderSvg(barChart());
    const below = [
      { marker: "A", text: "Pandemic, then direct flights stopped. No figures in the sources for these three years" },
      { marker: "B", text: "Derived" },
    ];
    const framed = frameChart({ ...plot, width: 320 }, { ...meta, below }, light);
    const boxes = framed.boxes.filter((b) => b.role === "below");
    const [a, ...rest] = boxes;
    expect(a).toMatchObject({ text: "A", fontWeight: 700, x1: light.spacing.padding });
    const textA = rest.filter((b) => b.y1 < boxes.find((x) => x.text === "B")!.y1);
    expect(textA.length).toBeGreaterThan(1); // wrapped, with a hanging indent
    for (const line of textA) {
      expect(line.x1).toBeGreaterThan(a!.x2);
      expect(line.x2).toBeLessThanOrEqual(320 - light.spacing.padding);
    }
    const plotTop = Number(/<svg x="0" y="(\d+)"/.exec(framed.svg)![1]);
    const notes = framed.boxes.find((b) => b.role === "notes")!;
    for (const box of boxes) {
      expect(box.y1).toBeGreaterThanOrEqual(plotTop + plot.height);
      expect(box.y2).toBeLessThan(notes.y1);
    }
  });

  test("puts the plot's scene in the chart's coordinates, on the theme's page", async () => {
    const plot = await renderSvg(barChart());
    const framed = frameChart(plot, meta, light);
    const plotTop = Number(/<svg x="0" y="(\d+)"/.exec(framed.svg)![1]);
    expect(framed.scene.background).toBe(light.colors.background);
    expect(framed.scene.plot.y1).toBe(plot.scene.plot.y1 + plotTop);
    expect(framed.scene.marks.length).toBe(plot.scene.marks.length);
    expect(framed.scene.marks[0]!.y1).toBe(plot.scene.marks[0]!.y1 + plotTop);
    expect(framed.scene.axes.map((a) => a.y1)).toEqual(plot.scene.axes.map((a) => a.y1 + plotTop));
    // a vertical axis's range runs along y and moves with it; a horizontal one's runs along x and does not
    const y = (scene: typeof plot.scene) => scene.axes.find((a) => a.orient === "left")!;
    const x = (scene: typeof plot.scene) => scene.axes.find((a) => a.orient === "bottom")!;
    expect(y(framed.scene).range).toEqual(y(plot.scene).range.map((v) => v + plotTop));
    expect(x(framed.scene).range).toEqual(x(plot.scene).range);
    expect(framed.scene.scales).toEqual(plot.scene.scales);
  });

  test("moves the byline below the source when they do not fit on one line", async () => {
    const plot = await renderSvg(barChart());
    const font = { size: light.text.source.size };
    // room for the source line alone, not for the byline beside it
    const width = Math.ceil(measureText("Source: Customs offices", font)) + 2 * light.spacing.padding + 10;
    const framed = frameChart({ ...plot, width }, meta, light);
    const source = framed.boxes.filter((b) => b.role === "source");
    const byline = framed.boxes.find((b) => b.role === "byline")!;
    expect(source.map((b) => b.text)).toEqual(["Source: Customs offices"]);
    expect(byline.x1).toBe(light.spacing.padding);
    expect(byline.y1).toBeGreaterThan(source[0]!.y2);
  });

  test("never cuts a word: an over-long word overflows visibly on its own line", async () => {
    const plot = await renderSvg(barChart());
    const word = "Vladivostok-Khabarovsk-Irkutsk-Novosibirsk-Yekaterinburg";
    const framed = frameChart({ ...plot, width: 300 }, { ...meta, headline: `To ${word} by rail` }, light);
    const lines = framed.boxes.filter((b) => b.role === "headline").map((b) => b.text);
    expect(lines).toEqual(["To", word, "by rail"]);
    expect(measureText(word, { size: light.text.headline.size, weight: 700 })).toBeGreaterThan(300);
  });

  test("names the field and character a font cannot draw", async () => {
    const plot = await renderSvg(barChart());
    expect(() => frameChart(plot, { ...meta, dek: "Trade in 万 dollars" }, light)).toThrow(
      'dek: text "Trade in 万 dollars": Source Sans 3 Regular has no glyph for "万" (U+4E07)',
    );
  });

  test("draws the theme's logo at the bottom right, below the footer text, inside the canvas", async () => {
    const plot = await renderSvg(barChart());
    const logo = { svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 80 20"><rect width="80" height="20" fill="#c00"/></svg>', width: 80, height: 20 };
    const without = frameChart(plot, meta, light);
    const framed = frameChart(plot, meta, { ...light, logo });
    expect(framed.height).toBe(without.height + light.spacing.dekGap + 20);
    const x = framed.width - light.spacing.padding - 80;
    expect(framed.svg).toContain(`<svg class="logo" aria-hidden="true" x="${x}" y="`);
    const y = Number(/class="logo" aria-hidden="true" x="[\d.]+" y="([\d.]+)"/.exec(framed.svg)![1]);
    const lowestText = Math.max(...framed.boxes.map((b) => b.y2));
    expect(y).toBeGreaterThanOrEqual(lowestText);
    expect(y + 20).toBeLessThanOrEqual(framed.height - light.spacing.padding);
  });

});

describe("renderChart", () => {
  test("no text box overlaps another or leaves the canvas", async () => {
    for (const width of [560, 360]) {
      const chart = await renderChart({ ...barChart(), width } as never);
      expect(chart.width).toBe(width);
      expect(chart.boxes.length).toBeGreaterThan(10);
      for (const box of chart.boxes) {
        expect(box.x1).toBeGreaterThanOrEqual(0);
        expect(box.y1).toBeGreaterThanOrEqual(0);
        expect(box.x2).toBeLessThanOrEqual(chart.width);
        expect(box.y2).toBeLessThanOrEqual(chart.height);
      }
      const clashes = chart.boxes.flatMap((a, i) => chart.boxes.slice(i + 1).filter((b) => overlap(a, b)).map((b) => `${a.text} / ${b.text}`));
      expect(clashes).toEqual([]);
    }
  });

  test("embeds its fonts and references nothing outside itself", async () => {
    const { svg } = await renderChart(barChart());
    const urls = [...svg.matchAll(/url\(([^)]*)\)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThanOrEqual(3); // regular, semibold, bold
    for (const url of urls) expect(url).toMatch(/^(data:font\/woff2;base64,|#)/);
    for (const [, value] of svg.matchAll(/(?:href|src)\s*=\s*"([^"]*)"/g)) expect(value).toMatch(/^#/);
    expect(svg).not.toMatch(/@import|<image|<script|<foreignObject/);
    expect(svg.length).toBeLessThan(120_000);
  });

  test("frames the plot in the theme the spec was compiled with (usermeta.theme), ids after width and theme", async () => {
    const spec = { ...barChart(), config: vegaLiteConfig(dark), usermeta: { ...(barChart() as { usermeta: object }).usermeta, theme: "dark" } };
    const chart = await renderChart(spec as never);
    expect(chart.theme).toBe("dark");
    expect(chart.svg).toContain(`<rect class="background" aria-hidden="true" width="560" height="${chart.height}" fill="${dark.colors.background}"/>`);
    expect(chart.svg).toContain('aria-labelledby="chart-trade-partners-560-dark-title chart-trade-partners-560-dark-desc"');
    expect((await renderChart(barChart())).svg).toContain('aria-labelledby="chart-trade-partners-560-title');
    await expect(renderChart({ ...spec, usermeta: { ...spec.usermeta, theme: "sepia" } } as never)).rejects.toThrow('usermeta.theme: expected one of the themes light, dark but received "sepia" of type string');
  });

  test("takes its header and footer from usermeta.chart, and checks it", async () => {
    const chart = await renderChart(barChart({ headline: "Short finding" }));
    expect(chart.meta.headline).toBe("Short finding");
    expect(chart.boxes.find((b) => b.role === "headline")!.text).toBe("Short finding");
    const bare = { ...barChart(), usermeta: {} };
    await expect(renderChart(bare as never)).rejects.toThrow(
      'usermeta.chart: expected the chart\'s metadata (headline, dek, source, ...) but received nothing',
    );
    await expect(renderChart(barChart({ headline: 7 }))).rejects.toThrow(
      "usermeta.chart.headline: expected a non-empty string but received 7 of type number",
    );
  });
});
