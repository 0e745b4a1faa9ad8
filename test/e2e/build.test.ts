import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { message } from "@charts/errors";
import { charts, editedTexts, root, scratchProject } from "./cli.ts";
import { comparePng, normalizeSvg } from "./snapshot.ts";
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";
import { parse } from "csv-parse/sync";
import { dark, light } from "@charts/theme";

const slugs = readdirSync(join(root, "charts"))
  .filter((f) => f.endsWith(".chart.json"))
  .map((f) => f.replace(/\.chart\.json$/, ""))
  .sort();

interface ManifestFile { name: string; stable: string; bytes: number; sha256: string; type: string }
interface ManifestVariant { name: string; theme: "light" | "dark"; width: number; height: number; svg: ManifestFile; png: ManifestFile; png2x: ManifestFile; vegaLite: ManifestFile }
interface ManifestChart {
  slug: string;
  headline: string;
  dek: string;
  alt: string;
  source: string;
  locale: string;
  variants: ManifestVariant[];
  vegaLite: ManifestFile;
  embed: ManifestFile;
  table: { csv: ManifestFile; html: ManifestFile };
  datasets: string[];
  texts: string[];
  provenance: Array<{ dataset: string; row: number; source: string; figure: string; status: string; sentence?: string }>;
  stale?: { since: string; reason: string };
}
const readManifest = (out: string) =>
  JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { charts: ManifestChart[]; failed: Array<{ slug: string; error: string }> };

/** The variants the build makes of every chart: three widths, light and dark; the 600 px light one is the default. */
const VARIANTS = [
  ["320", "light", 320],
  ["320-dark", "dark", 320],
  ["default", "light", 600],
  ["dark", "dark", 600],
  ["1000", "light", 1000],
  ["1000-dark", "dark", 1000],
] as const;

/** Every element under `node`, depth first. */
function* elements(node: Node): Generator<Element> {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === child.ELEMENT_NODE) {
      yield child as Element;
      yield* elements(child);
    }
  }
}

describe("pnpm charts (the whole pipeline on the real datasets and texts)", () => {
  const project = scratchProject();
  let run: Awaited<ReturnType<typeof charts>>;

  beforeAll(async () => {
    run = await charts(["--config", project.configFile]);
  }, 240_000);

  it("checks the figures, builds every chart, prints a line each and a summary", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ \d+ figures checked against /m);
    for (const slug of slugs) expect(run.stdout).toMatch(new RegExp(`^✓ ${slug} +600×\\d+  6 variants \\(320, 600, 1000 px, light and dark\\)`, "m"));
    expect(run.stdout).toContain(`${slugs.length} charts built, 0 failed`);
    expect(slugs.length).toBeGreaterThanOrEqual(4);
  });

  it("writes a manifest listing each chart with its metadata, files, datasets and source texts", () => {
    const manifest = readManifest(project.out);
    expect(manifest.charts.map((c) => c.slug).sort()).toEqual(slugs);
    for (const chart of manifest.charts) {
      expect(chart.headline.length).toBeGreaterThan(20);
      expect(chart.alt.length).toBeGreaterThan(40);
      expect(chart.source).toMatch(/^Sources?: /);
      expect(chart.locale).toBe("en-GB");
      expect(chart.datasets.length).toBeGreaterThan(0);
      expect(chart.texts.length).toBeGreaterThan(0);
      for (const p of chart.provenance) {
        expect(chart.texts).toContain(p.source);
        expect(p.sentence, `${chart.slug} row ${p.row} has its sentence`).toBeTruthy();
      }
      for (const file of [chart.vegaLite, chart.embed, chart.table.csv, chart.table.html]) {
        expect(existsSync(join(project.out, file.name))).toBe(true);
        expect(readFileSync(join(project.out, file.stable)).length).toBe(file.bytes);
      }
    }
  });

  it("publishes every chart at 320, 600 and 1000 px, light and dark, each variant with its files", () => {
    for (const chart of readManifest(project.out).charts) {
      expect(chart.variants.map((v) => [v.name, v.theme, v.width]), chart.slug).toEqual(VARIANTS.map((v) => [...v]));
      for (const variant of chart.variants) {
        const where = `${chart.slug} ${variant.name}`;
        for (const file of [variant.svg, variant.png, variant.png2x, variant.vegaLite]) {
          expect(existsSync(join(project.out, file.name)), `${where} ${file.name}`).toBe(true);
          expect(readFileSync(join(project.out, file.stable)).length, `${where} ${file.stable}`).toBe(file.bytes);
        }
        const stem = variant.name === "default" ? chart.slug : `${chart.slug}-${variant.name}`;
        expect([variant.svg.stable, variant.png.stable, variant.png2x.stable, variant.vegaLite.stable]).toEqual([
          `${stem}.svg`,
          `${stem}.png`,
          `${stem}@2x.png`,
          `${stem}.vl.json`,
        ]);
        // the Vega-Lite published for the variant is the one it was drawn from: its size and theme
        const spec = JSON.parse(readFileSync(join(project.out, variant.vegaLite.stable), "utf8"));
        expect(spec.width, where).toBe(variant.width);
        expect(spec.config.background, where).toBe(variant.theme === "dark" ? dark.colors.background : light.colors.background);
      }
      // the names the CMS uses today hold the 600 px light variant
      const main = chart.variants.find((v) => v.name === "default")!;
      expect(readFileSync(join(project.out, `${chart.slug}.svg`), "utf8")).toBe(readFileSync(join(project.out, main.svg.name), "utf8"));
      expect(chart.vegaLite.sha256).toBe(main.vegaLite.sha256);
    }
  });

  it("renders PNGs at 1x and 2x of each SVG's size", () => {
    for (const chart of readManifest(project.out).charts) {
      for (const v of chart.variants) {
        const png = PNG.sync.read(readFileSync(join(project.out, v.png.stable)));
        const png2x = PNG.sync.read(readFileSync(join(project.out, v.png2x.stable)));
        expect([png.width, png.height], `${chart.slug} ${v.name}`).toEqual([v.width, v.height]);
        expect([png2x.width, png2x.height]).toEqual([v.width * 2, v.height * 2]);
        const svg = readFileSync(join(project.out, v.svg.stable), "utf8");
        expect(svg).toContain(`width="${v.width}" height="${v.height}"`);
      }
    }
  });

  it("makes every SVG an accessible image: role img, labelled by its title (headline) and desc (alt text)", () => {
    for (const chart of readManifest(project.out).charts) {
      for (const v of chart.variants) {
        const where = `${chart.slug} ${v.name}`;
        const document = new DOMParser().parseFromString(readFileSync(join(project.out, v.svg.stable), "utf8"), "image/svg+xml");
        const root = document.documentElement!;
        expect(root.getAttribute("role"), where).toBe("img");
        expect(root.getAttribute("lang"), where).toBe("en-GB");
        const [titleId, descId] = root.getAttribute("aria-labelledby")!.split(" ");
        const byId = (id: string | undefined) => [...elements(document)].find((e) => e.getAttribute("id") === id);
        expect(byId(titleId)?.tagName, where).toBe("title");
        expect(byId(titleId)?.textContent, where).toBe(chart.headline);
        expect(byId(descId)?.tagName, where).toBe("desc");
        expect(byId(descId)?.textContent, where).toBe(chart.alt);
        // ids unique per variant, for a page that inlines several
        expect(titleId, where).toBe(`chart-${chart.slug}-${v.width}${v.theme === "dark" ? "-dark" : ""}-title`);
        // decoration hidden; axis descriptions in house format, never "2,014"
        const background = [...elements(document)].find((e) => e.getAttribute("class") === "background");
        expect(background?.getAttribute("aria-hidden"), where).toBe("true");
        const axes = [...elements(document)].filter((e) => e.getAttribute("aria-roledescription") === "axis").map((e) => e.getAttribute("aria-label")!);
        expect(axes.length, where).toBeGreaterThanOrEqual(2);
        for (const label of axes) expect(label, where).not.toMatch(/\b\d,\d{3}\b/);
      }
    }
  });

  it("publishes the data table of every chart, CSV and HTML, with the rows drawn and their provenance", () => {
    for (const chart of readManifest(project.out).charts) {
      const table = parse(readFileSync(join(project.out, chart.table.csv.stable), "utf8"), { columns: true }) as Array<Record<string, string>>;
      expect(Object.keys(table[0]!).slice(-4), chart.slug).toEqual(["source", "figure", "status", "note"]);
      expect(Object.keys(table[0]!)).toContain("unit");
      // one line per row the chart draws (the rows the spec inlines), none it only cites
      const drawn = JSON.parse(readFileSync(join(project.out, chart.vegaLite.stable), "utf8")).data.values as unknown[];
      expect(table.length, chart.slug).toBe(drawn.length);
      for (const row of table) {
        // the tourists' 2019 row is derived from the same figure as the 2023 row, which is stated
        const cited = chart.provenance.find((p) => p.figure === row.figure && p.status === row.status);
        expect(cited, `${chart.slug}: ${row.figure} (${row.status})`).toBeDefined();
        expect(["ISEAS-Yusof Ishak Institute", "20 Minutes", "The New York Times"]).toContain(row.source);
      }
      const html = readFileSync(join(project.out, chart.table.html.stable), "utf8");
      expect(html).toMatch(new RegExp(`^<table class="chart-data" id="chart-data-${chart.slug}" lang="en-GB">`));
      expect(html).toContain(`<span class="chart-data-source">${chart.source}</span></caption>`);
      expect(html).toContain("<th scope=\"col\">Figure as written</th>");
      const embed = readFileSync(join(project.out, chart.embed.stable), "utf8");
      expect(embed).toContain(`href="/charts/${chart.table.html.name}"`);
      expect(embed).toContain(`href="/charts/${chart.table.csv.name}" download`);
    }
  });

  const variantFiles = slugs.flatMap((slug) => VARIANTS.map(([name]) => (name === "default" ? slug : `${slug}-${name}`)));

  it.each(variantFiles)("%s matches its committed SVG snapshot", async (stem) => {
    const svg = readFileSync(join(project.out, `${stem}.svg`), "utf8");
    await expect(normalizeSvg(svg)).toMatchFileSnapshot(join(root, "test/snapshots", `${stem}.svg`));
  });

  it.each(variantFiles)("%s matches its committed PNG within half a percent of pixels", (stem) => {
    const result = comparePng(readFileSync(join(project.out, `${stem}.png`)), join(root, "test/snapshots", `${stem}.png`), 0.005);
    expect(result.differing).toBeLessThanOrEqual(0.005);
  });

  it("publishes for each variant the Vega-Lite it was drawn from: charts render turns it into the same SVG", async () => {
    const [chart] = readManifest(project.out).charts;
    for (const name of ["320-dark", "default"]) {
      const variant = chart!.variants.find((v) => v.name === name)!;
      const out = join(project.dir, `${name}.svg`);
      const rendered = await charts(["render", join(project.out, variant.vegaLite.stable), "-o", out]);
      expect(rendered.code, rendered.stderr).toBe(0);
      expect(readFileSync(out, "utf8"), `${chart!.slug} ${name}`).toBe(readFileSync(join(project.out, variant.svg.stable), "utf8"));
    }
  }, 60_000);

  it("puts every figure's value in the compiled spec only from dataset rows", () => {
    for (const chart of readManifest(project.out).charts) {
      for (const variant of chart.variants) {
        const spec = JSON.parse(readFileSync(join(project.out, variant.vegaLite.stable), "utf8"));
        const values = spec.data.values as Array<Record<string, unknown>>;
        expect(values.length).toBeGreaterThan(0);
        for (const row of values) expect(["stated", "implied", "derived"]).toContain(row.status);
      }
    }
  });
});

describe("pnpm charts when things go wrong", () => {
  it("builds from the committed datasets when the texts are missing, says so in its last line and exits 3", async () => {
    const project = scratchProject({ texts: "/nonexistent/texts" });
    const run = await charts(["--config", project.configFile]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("the source texts are not at /nonexistent/texts");
    const last = run.stdout.trim().split("\n").at(-1)!;
    expect(last).toContain(`${slugs.length} charts built, 0 failed`);
    expect(last).toContain(message.uncheckedBuild("/nonexistent/texts"));
    const allowed = await charts(["--config", project.configFile, "--allow-unchecked"]);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout.trim().split("\n").at(-1)).toContain("UNCHECKED");
  });

  it("fails the chart whose figure a text no longer supports, builds the rest, keeps the last good version", async () => {
    const project = scratchProject();
    expect((await charts(["--config", project.configFile])).code).toBe(0);
    const before = readManifest(project.out).charts.find((c) => c.slug === "russia-arms-transfers")!;

    const edit = JSON.parse(readFileSync(join(root, "test/fixtures/edited-figure.json"), "utf8"));
    const run = await charts(["--config", project.configFile, "--texts", editedTexts(edit)]);
    expect(run.code).toBe(1);
    // the root cause on the chart's line, once: the row, and what the text no longer says
    const line = `datasets/russia-arms-transfers/data.csv, row 2, figure: ${message.figureNotInText(edit.text, edit.from)}`;
    expect(run.stderr.split("\n").filter((l) => l.includes(edit.from))).toEqual([expect.stringMatching(new RegExp(`^✗ russia-arms-transfers +${line.replace(/[$.*+?()[\]\\^{}|]/g, "\\$&")}$`))]);
    expect(run.stdout).toContain(`${slugs.length - 1} charts built, 1 failed (russia-arms-transfers)`);

    const after = readManifest(project.out).charts.find((c) => c.slug === "russia-arms-transfers")!;
    expect(after.stale?.reason).toContain("US$72 million");
    expect(after.variants.map((v) => v.svg.sha256)).toEqual(before.variants.map((v) => v.svg.sha256));
    expect(existsSync(join(project.out, "russia-arms-transfers.svg"))).toBe(true);
  });

  it("names the chart file and the misspelt field, and never publishes a blank chart", async () => {
    const project = scratchProject();
    const file = join(project.dir, "charts/russia-vietnam-trade.chart.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"field": "trade_usd_bn"', '"field": "trade_usd_nb"'));
    const run = await charts(["--config", project.configFile]);
    expect(run.code).toBe(1);
    const line = run.stderr.split("\n").find((l) => l.startsWith("✗ russia-vietnam-trade"));
    expect(line).toContain("charts/russia-vietnam-trade.chart.json");
    expect(line).toContain("trade_usd_nb");
    expect(existsSync(join(project.out, "russia-vietnam-trade.svg"))).toBe(false);
    expect(readManifest(project.out).failed.map((f) => f.slug)).toContain("russia-vietnam-trade");
  });
});
