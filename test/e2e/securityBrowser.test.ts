// What a reader's browser does with the published SVGs: opened directly as a
// document (where script would run) and through <img> (as a CMS embeds them),
// nothing runs and nothing is fetched, for the real charts and for charts
// whose every text, label, description, data value and link was built to break out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { launchChromium } from "@charts/testkit";
import { loadDatasets, loadSources } from "@charts/datasets";
import { compileChart, loadChartDefinitions } from "@charts/specs";
import { light, vegaLiteConfig } from "@charts/theme";
import { renderChart } from "@charts/render";
import { root } from "./cli.ts";
import { HOSTILE, svgProblems } from "./svgSafety.ts";

const dir = mkdtempSync(join(tmpdir(), "charts-browser-security-"));
let browser: Browser | undefined;
const svgs: Array<{ name: string; svg: string }> = [];

/** A framed chart whose every string is `text`. */
function hostileChart(text: string) {
  return {
    width: 400,
    height: 160,
    usermeta: {
      chart: { slug: "hostile", headline: text, dek: text, notes: text, source: text, byline: text, alt: text, locale: "en-GB" },
    },
    description: text,
    title: { text, subtitle: text },
    data: { values: [{ k: text, v: 1, link: `https://example.com/?q=${text}` }, { k: `${text} again`, v: 2, link: "https://example.com/" }] },
    layer: [
      {
        mark: { type: "bar", description: text },
        encoding: {
          y: { field: "k", type: "nominal", title: text },
          x: { field: "v", type: "quantitative", title: text },
          color: { field: "k", type: "nominal", title: text },
          href: { field: "link" },
          tooltip: { field: "k" },
          description: { field: "k" },
        },
      },
      { mark: { type: "text", dx: 4, align: "left" }, encoding: { y: { field: "k", type: "nominal" }, x: { field: "v", type: "quantitative" }, text: { field: "k" } } },
    ],
    config: vegaLiteConfig(light),
  };
}

beforeAll(async () => {
  const datasets = await loadDatasets(join(root, "datasets"), { root });
  const sources = await loadSources(join(root, "datasets/sources.json"), { root });
  for (const { file, definition } of await loadChartDefinitions(join(root, "charts"))) {
    const compiled = compileChart(definition, { file, datasets, sources, theme: light });
    svgs.push({ name: definition.slug, svg: (await renderChart(compiled.spec, { base: join(root, "datasets") })).svg });
  }
  for (const [i, text] of HOSTILE.entries()) svgs.push({ name: `hostile-${i}`, svg: (await renderChart(hostileChart(text) as never)).svg });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** Opens `url` and reports every dialog, page error and request that is not the file itself or a data URI. */
async function open(url: string) {
  const page = await browser!.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.route("**/*", async (route) => {
    const requested = route.request().url();
    if (requested.startsWith("data:") || requested.startsWith("file:")) return route.continue();
    requests.push(requested);
    return route.abort();
  });
  page.on("request", (request) => {
    const requested = request.url();
    if (!requested.startsWith("data:") && !requested.startsWith("file:")) requests.push(requested);
  });
  await page.goto(url, { waitUntil: "load" });
  // hover and click every link and mark: handlers that needed an event would fire now
  const marks = await page.$$("path, rect, text, a");
  for (const mark of marks.slice(0, 40)) await mark.hover({ force: true, timeout: 1000 }).catch(() => undefined);
  await page.waitForTimeout(100);
  const state = await page.evaluate(() => ({
    scripts: document.querySelectorAll("script").length,
    title: document.title,
    images: [...document.images].filter((image) => image.complete && image.naturalWidth > 0).length,
  }));
  await page.close();
  return { dialogs, errors, requests, ...state };
}

describe("published SVGs in headless Chromium", () => {
  it("are inert and self-contained when read with an XML parser", () => {
    expect(svgs.length).toBeGreaterThanOrEqual(4 + HOSTILE.length);
    for (const { name, svg } of svgs) expect(svgProblems(svg), name).toEqual([]);
  });

  it("(control) the same checks see script, handlers and fetches where they are", async () => {
    const file = join(dir, "control.svg");
    writeFileSync(
      file,
      `<svg xmlns="http://www.w3.org/2000/svg" onload="alert('onload')"><script>alert('script')</script><image href="http://127.0.0.1:9/x.png" width="1" height="1"/></svg>`,
    );
    const seen = await open(pathToFileURL(file).href);
    expect(seen.dialogs.sort()).toEqual(["onload", "script"]);
    expect(seen.requests).toContain("http://127.0.0.1:9/x.png");
    expect(svgProblems(readFileSync(file, "utf8")).length).toBeGreaterThanOrEqual(3);
  });

  it("run no script and fetch nothing, opened directly as a document", async () => {
    for (const { name, svg } of svgs) {
      const file = join(dir, `${name}.svg`);
      writeFileSync(file, svg);
      const seen = await open(pathToFileURL(file).href);
      expect(seen, name).toMatchObject({ dialogs: [], errors: [], requests: [], scripts: 0 });
    }
  }, 120_000);

  it("run no script and fetch nothing through <img>, as a CMS embeds them", async () => {
    const html = join(dir, "embed.html");
    const images = svgs.map(({ name }) => `<img alt="${name}" src="${name}.svg">`).join("\n");
    writeFileSync(html, `<!doctype html><meta charset="utf-8"><title>embed</title><body>${images}</body>`);
    const seen = await open(pathToFileURL(html).href);
    expect(seen).toMatchObject({ dialogs: [], errors: [], requests: [], scripts: 0, title: "embed", images: svgs.length });
  }, 120_000);
});
