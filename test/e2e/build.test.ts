import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { message } from "@charts/errors";
import { charts, editedTexts, root, scratchProject } from "./cli.ts";
import { comparePng, normalizeSvg } from "./snapshot.ts";

const slugs = readdirSync(join(root, "charts"))
  .filter((f) => f.endsWith(".chart.json"))
  .map((f) => f.replace(/\.chart\.json$/, ""))
  .sort();

interface ManifestFile { name: string; stable: string; bytes: number; sha256: string }
interface ManifestChart {
  slug: string;
  headline: string;
  dek: string;
  alt: string;
  source: string;
  variants: Array<{ name: string; width: number; height: number; svg: ManifestFile; png: ManifestFile; png2x: ManifestFile }>;
  vegaLite: ManifestFile;
  datasets: string[];
  texts: string[];
  provenance: Array<{ dataset: string; row: number; source: string; figure: string; status: string; sentence?: string }>;
  stale?: { since: string; reason: string };
}
const readManifest = (out: string) =>
  JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { charts: ManifestChart[]; failed: Array<{ slug: string; error: string }> };

describe("pnpm charts (the whole pipeline on the real datasets and texts)", () => {
  const project = scratchProject();
  let run: Awaited<ReturnType<typeof charts>>;

  beforeAll(async () => {
    run = await charts(["--config", project.configFile]);
  }, 120_000);

  it("checks the figures, builds every chart, prints a line each and a summary", () => {
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ \d+ figures checked against /m);
    for (const slug of slugs) expect(run.stdout).toMatch(new RegExp(`^✓ ${slug} +\\d+×\\d+`, "m"));
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
      expect(chart.datasets.length).toBeGreaterThan(0);
      expect(chart.texts.length).toBeGreaterThan(0);
      for (const p of chart.provenance) {
        expect(chart.texts).toContain(p.source);
        expect(p.sentence, `${chart.slug} row ${p.row} has its sentence`).toBeTruthy();
      }
      const variant = chart.variants.find((v) => v.name === "default")!;
      for (const file of [variant.svg, variant.png, variant.png2x, chart.vegaLite]) {
        expect(existsSync(join(project.out, file.name))).toBe(true);
        expect(readFileSync(join(project.out, file.stable)).length).toBe(file.bytes);
      }
    }
  });

  it("renders PNGs at 1x and 2x of the SVG's size", () => {
    for (const chart of readManifest(project.out).charts) {
      const v = chart.variants[0]!;
      const png = PNG.sync.read(readFileSync(join(project.out, v.png.stable)));
      const png2x = PNG.sync.read(readFileSync(join(project.out, v.png2x.stable)));
      expect([png.width, png.height]).toEqual([v.width, v.height]);
      expect([png2x.width, png2x.height]).toEqual([v.width * 2, v.height * 2]);
      const svg = readFileSync(join(project.out, v.svg.stable), "utf8");
      expect(svg).toContain(`width="${v.width}"`);
    }
  });

  it.each(slugs)("%s matches its committed SVG snapshot", async (slug) => {
    const svg = readFileSync(join(project.out, `${slug}.svg`), "utf8");
    await expect(normalizeSvg(svg)).toMatchFileSnapshot(join(root, "test/snapshots", `${slug}.svg`));
  });

  it.each(slugs)("%s matches its committed PNG within 0.5%% of pixels", (slug) => {
    const result = comparePng(readFileSync(join(project.out, `${slug}.png`)), join(root, "test/snapshots", `${slug}.png`), 0.005);
    expect(result.differing).toBeLessThanOrEqual(0.005);
  });

  it("puts every figure's value in the compiled spec only from dataset rows", () => {
    for (const slug of slugs) {
      const spec = JSON.parse(readFileSync(join(project.out, `${slug}.vl.json`), "utf8"));
      const values = spec.data.values as Array<Record<string, unknown>>;
      expect(values.length).toBeGreaterThan(0);
      for (const row of values) expect(["stated", "implied", "derived"]).toContain(row.status);
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
    expect(after.variants[0]!.svg.sha256).toBe(before.variants[0]!.svg.sha256);
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
