import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embedSnippet, escapeHtml, publish, type Manifest, type PublishedChart } from "../src/index.ts";
import { chart, multiVariantChart } from "./fixtures/syntheticChart.ts";

// Real manifest entries, from a real publish, so the snippet sees real file names.
let root: string;
let manifest: Manifest;
const get = (slug: string): PublishedChart => manifest.charts.find((c) => c.slug === slug)!;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "embed-"));
  const escaped = chart("plain", { alt: 'Bars "quoted" <b>not bold</b>', notes: "A & B", source: "Source: Desk" });
  ({ manifest } = await publish({
    outDir: join(root, "charts"),
    charts: [
      escaped,
      multiVariantChart("multi"),
      chart("bare", { notes: undefined, byline: undefined }),
      chart("vietnamese", { source: "Nguồn: Tổng cục Hải quan" }),
    ],
    toolVersion: "1.0.0",
    sync: false,
    baseUrl: "https://cdn.example.org/charts/",
  }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function validationErrors(html: string): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
  const report = await validator.validateString(html);
  return report.results.flatMap((result) => result.messages.map((m) => `${m.ruleId}: ${m.message}`));
}

describe("embedSnippet", () => {
  it("is valid HTML for one variant, with the PNG fallback at 1x and 2x and an escaped caption", async () => {
    const plain = get("plain");
    const html = embedSnippet(plain, manifest.baseUrl);
    expect(await validationErrors(html)).toEqual([]);
    const [only] = plain.variants;
    const url = (name: string) => `https://cdn.example.org/charts/${name}`;
    expect(html).toContain(`<source type="image/svg+xml" srcset="${url(only!.svg.name)}" width="640" height="400">`);
    expect(html).toContain(
      `<img src="${url(only!.png.name)}" srcset="${url(only!.png.name)} 1x, ${url(only!.png2x.name)} 2x" width="640" height="400"`,
    );
    expect(html).toContain('alt="Bars &quot;quoted&quot; &lt;b&gt;not bold&lt;/b&gt;"');
    expect(html).toContain('<p class="chart-notes">A &amp; B</p>');
    // A source line that already says "Source:" is not prefixed twice.
    expect(html).toContain('<p class="chart-source">Source: Desk</p>');
    expect(html).toContain('<p class="chart-byline">Graphics desk</p>');
    expect(html).toMatch(new RegExp(`^<figure class="chart" id="chart-plain" data-chart-slug="plain" data-chart-hash="${plain.hash}">`));
  });

  it("picks the variant by colour scheme and viewport width, each source with its size", async () => {
    const multi = get("multi");
    const html = embedSnippet(multi, "/charts/");
    expect(await validationErrors(html)).toEqual([]);
    const svg = (name: string) => `/charts/${multi.variants.find((v) => v.name === name)!.svg.name}`;
    const sources = html.split("\n").filter((line) => line.includes("<source"));
    // Order matters: the first source whose media matches wins. Each width serves
    // viewports up to the next wider variant's; the narrowest anything narrower.
    expect(sources.map((line) => line.trim())).toEqual([
      `<source media="(prefers-color-scheme: dark) and (max-width: 599px)" type="image/svg+xml" srcset="${svg("320-dark")}" width="320" height="600">`,
      `<source media="(prefers-color-scheme: dark) and (max-width: 999px)" type="image/svg+xml" srcset="${svg("dark")}" width="600" height="420">`,
      `<source media="(prefers-color-scheme: dark)" type="image/svg+xml" srcset="${svg("1000-dark")}" width="1000" height="560">`,
      `<source media="(max-width: 599px)" type="image/svg+xml" srcset="${svg("320")}" width="320" height="600">`,
      `<source media="(max-width: 999px)" type="image/svg+xml" srcset="${svg("default")}" width="600" height="420">`,
      `<source type="image/svg+xml" srcset="${svg("1000")}" width="1000" height="560">`,
    ]);
    // The fallback image is the default variant's PNG, at 1x and 2x.
    const main = multi.variants.find((v) => v.name === "default")!;
    expect(html).toContain(`<img src="/charts/${main.png.name}" srcset="/charts/${main.png.name} 1x, /charts/${main.png2x.name} 2x" width="600" height="420"`);
  });

  it("links the data table, HTML and CSV, in the chart's language", async () => {
    const multi = get("multi");
    const html = embedSnippet(multi, "/charts/");
    expect(html).toContain(
      `<p class="chart-data-links"><a href="/charts/${multi.table!.html.name}">Data table</a> <a href="/charts/${multi.table!.csv.name}" download>Data (CSV)</a></p>`,
    );
    const french = embedSnippet({ ...multi, locale: "fr-FR" }, "/charts/");
    expect(await validationErrors(french)).toEqual([]);
    expect(french).toContain('lang="fr-FR"');
    expect(french).toContain(">Tableau des données</a>");
    expect(embedSnippet({ ...multi, table: undefined }, "/charts/")).not.toContain("chart-data-links");
  });

  it("leaves out the notes and byline a chart does not have, and prefixes the source", async () => {
    const html = embedSnippet(get("bare"), "/charts/");
    expect(await validationErrors(html)).toEqual([]);
    expect(html).not.toContain("chart-notes");
    expect(html).not.toContain("chart-byline");
    expect(html).toContain('<p class="chart-source">Source: Example Agency</p>');
  });

  it("keeps a source line already labelled in the chart's language", () => {
    expect(embedSnippet(get("vietnamese"), "/charts/")).toContain('<p class="chart-source">Nguồn: Tổng cục Hải quan</p>');
  });

  it("is the snippet publish writes as <slug>.html", async () => {
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(join(root, "charts", "multi.html"), "utf8")).toBe(embedSnippet(get("multi"), manifest.baseUrl));
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x">Tom's & Jerry's</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;");
  });
});
