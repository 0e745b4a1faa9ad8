import { lstat, mkdir, stat, mkdtemp, readdir, readFile, readlink, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { displayPath, message } from "@charts/errors";
import { currentRelease, publish, releasesDir, sha256, verifyRelease, type Manifest, type PublishedChart } from "../src/index.ts";
import { snapshotRelease } from "./fixtures/publishFolder.ts";
import { chart, multiVariantChart, variant } from "./fixtures/syntheticChart.ts";

let root: string;
let outDir: string;
const day = (n: number) => new Date(Date.UTC(2024, 5, n, 12));

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "publish-"));
  outDir = join(root, "dist", "charts");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const base = { toolVersion: "1.0.0", sync: false };
const entry = (manifest: Manifest, slug: string): PublishedChart => {
  const found = manifest.charts.find((c) => c.slug === slug);
  if (!found) throw new Error(`no chart ${slug} in the manifest`);
  return found;
};

async function validateSchema(manifest: unknown): Promise<string> {
  const schema = JSON.parse(await readFile(new URL("../manifest.schema.json", import.meta.url), "utf8"));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  validate(manifest);
  return ajv.errorsText(validate.errors);
}

describe("publish", () => {
  it("writes a release with hashed and stable files, and points the publish folder at it", async () => {
    const result = await publish({ ...base, outDir, charts: [chart("arms")], now: day(19) });

    expect((await lstat(outDir)).isSymbolicLink()).toBe(true);
    expect(await readlink(outDir)).toBe(join(".charts.releases", result.releaseDir.split("/").pop()!));
    const manifest = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as Manifest;
    expect(manifest).toEqual(result.manifest);
    expect(await validateSchema(manifest)).toBe("No errors");
    expect(await verifyRelease(result.releaseDir)).toEqual([]);

    const arms = entry(manifest, "arms");
    const svg = await readFile(join(outDir, "arms.svg"));
    expect(arms.variants[0]!.svg).toEqual({
      name: `arms.${sha256(svg).slice(0, 12)}.svg`,
      stable: "arms.svg",
      type: "image/svg+xml",
      bytes: svg.length,
      sha256: sha256(svg),
    });
    expect(await readFile(join(outDir, arms.variants[0]!.svg.name))).toEqual(svg);
    expect(arms.variants[0]!.png2x.stable).toBe("arms@2x.png");
    expect(arms.vegaLite.stable).toBe("arms.vl.json");
    expect(arms.vegaLite.name).toMatch(/^arms\.[0-9a-f]{12}\.vl\.json$/);
    expect(await readFile(join(outDir, "arms.html"), "utf8")).toContain(`src="/charts/${arms.variants[0]!.png.name}"`);
    expect(arms).toMatchObject({
      headline: "Headline of arms",
      alt: "Bar chart of arms: three bars",
      source: "Example Agency",
      notes: "Figures are rounded.",
      byline: "Graphics desk",
      lastChanged: day(19).toISOString(),
      toolVersion: "1.0.0",
      datasets: ["trade"],
      texts: ["story-one"],
      changes: [],
    });
    expect(arms.provenance[0]).toMatchObject({ dataset: "trade", figure: "US$72 million" });
    expect(manifest).toMatchObject({ version: 1, toolVersion: "1.0.0", publishedAt: day(19).toISOString(), failed: [] });
    expect(result.changed).toEqual(["arms"]);
  });

  it("names every variant's files and lists their sizes and themes", async () => {
    const { manifest } = await publish({ ...base, outDir, charts: [multiVariantChart("trade")], now: day(19) });
    const trade = entry(manifest, "trade");
    expect(trade.variants.map((v) => [v.name, v.theme, v.width, v.height, v.svg.stable, v.png2x.stable, v.vegaLite?.stable])).toEqual([
      ["320", "light", 320, 600, "trade-320.svg", "trade-320@2x.png", "trade-320.vl.json"],
      ["320-dark", "dark", 320, 600, "trade-320-dark.svg", "trade-320-dark@2x.png", "trade-320-dark.vl.json"],
      ["default", "light", 600, 420, "trade.svg", "trade@2x.png", "trade.vl.json"],
      ["dark", "dark", 600, 420, "trade-dark.svg", "trade-dark@2x.png", "trade-dark.vl.json"],
      ["1000", "light", 1000, 560, "trade-1000.svg", "trade-1000@2x.png", "trade-1000.vl.json"],
      ["1000-dark", "dark", 1000, 560, "trade-1000-dark.svg", "trade-1000-dark@2x.png", "trade-1000-dark.vl.json"],
    ]);
    expect(await validateSchema(manifest)).toBe("No errors");
    expect(await verifyRelease((await currentRelease(outDir))!.dir)).toEqual([]);
    const files = await readdir(outDir + "/");
    expect(files).toContain("trade-320-dark@2x.png");
    expect(files).toContain(trade.variants[1]!.png2x.name);
  });

  it("publishes each variant's Vega-Lite, the default's as the chart's own, and the data table as CSV and HTML", async () => {
    const rendered = multiVariantChart("trade");
    const { manifest } = await publish({ ...base, outDir, charts: [rendered], now: day(19) });
    const trade = entry(manifest, "trade");
    for (const variant of trade.variants.filter((v) => v.name !== "default")) {
      const given = rendered.variants.find((v) => v.name === variant.name)!;
      expect(await readFile(join(outDir, variant.vegaLite!.stable!), "utf8")).toBe(given.vegaLite);
      expect(await readFile(join(outDir, variant.vegaLite!.name), "utf8")).toBe(given.vegaLite);
    }
    const main = trade.variants.find((v) => v.name === "default")!;
    expect(main.vegaLite).toEqual(trade.vegaLite);
    expect(await readFile(join(outDir, "trade.vl.json"), "utf8")).toBe(rendered.vegaLite);
    expect(trade.table!.csv).toMatchObject({ stable: "trade.csv", type: "text/csv" });
    expect(trade.table!.html).toMatchObject({ stable: "trade.table.html", type: "text/html" });
    expect(trade.table!.html.name).toMatch(/^trade\.[0-9a-f]{12}\.table\.html$/);
    expect(await readFile(join(outDir, "trade.csv"), "utf8")).toMatch(/^year,value_usd_m,unit,source,figure,status,note\n2014,1000,/);
    expect(await readFile(join(outDir, "trade.table.html"), "utf8")).toMatch(/^<table class="chart-data" id="chart-data-trade"/);
    expect(await readFile(join(outDir, "trade.html"), "utf8")).toContain(`href="/charts/${trade.table!.csv.name}"`);
  });

  it("counts a changed data table as a data correction", async () => {
    await publish({ ...base, outDir, charts: [multiVariantChart("trade")], now: day(19) });
    const changedTable = { ...multiVariantChart("trade"), table: { ...multiVariantChart("trade").table!, caption: "Another caption" } };
    const { manifest } = await publish({ ...base, outDir, charts: [changedTable], now: day(20) });
    expect(entry(manifest, "trade").changes.map((c) => c.reasons)).toEqual([["data"]]);
    // the previous table stays published under its hashed name
    const previous = entry(manifest, "trade").changes[0]!.from.files.find((f) => f.name.endsWith(".csv"));
    expect(previous).toBeDefined();
  });

  it("refuses a default variant whose Vega-Lite is not the chart's", async () => {
    const chartWithOther = chart("arms", { variants: [{ ...variant("default", "light", 640, 400, "arms"), vegaLite: "{}" }] });
    await expect(publish({ ...base, outDir, charts: [chartWithOther], now: day(19) })).rejects.toThrow("arms.variants.default.vegaLite: expected the chart's vegaLite");
  });

  it("keeps the date and hashes of a chart rebuilt with identical output", async () => {
    const first = await publish({ ...base, outDir, charts: [chart("arms")], now: day(19) });
    const second = await publish({ ...base, outDir, charts: [chart("arms")], now: day(20), toolVersion: "1.0.1" });

    expect(second.releaseDir).not.toBe(first.releaseDir);
    expect(second.previousReleaseDir).toBe(first.releaseDir);
    const [before, after] = [entry(first.manifest, "arms"), entry(second.manifest, "arms")];
    expect(after).toEqual(before);
    expect(after.lastChanged).toBe(day(19).toISOString());
    expect(after.toolVersion).toBe("1.0.0");
    expect(second.manifest.publishedAt).toBe(day(20).toISOString());
    expect(second.manifest.toolVersion).toBe("1.0.1");
    expect(second.changed).toEqual([]);
    // Unchanged files are links to the published ones (same inode and date), not new copies.
    const svg = after.variants[0]!.svg.name;
    const [old, now] = await Promise.all([stat(join(first.releaseDir, svg)), stat(join(second.releaseDir, svg))]);
    expect(now.ino).toBe(old.ino);
    expect((await stat(second.releaseDir)).mode & 0o777).toBe(0o755);
  });

  it("records a data correction and keeps the previous version's files", async () => {
    const first = await publish({ ...base, outDir, charts: [chart("arms")], now: day(19) });
    const corrected = chart("arms", { vegaLite: JSON.stringify({ mark: "bar", data: { values: [{ a: 3 }] } }) });
    const second = await publish({ ...base, outDir, charts: [corrected], now: day(21) });

    const [before, after] = [entry(first.manifest, "arms"), entry(second.manifest, "arms")];
    expect(after.hash).not.toBe(before.hash);
    expect(after.lastChanged).toBe(day(21).toISOString());
    expect(after.changes).toHaveLength(1);
    const [change] = after.changes;
    expect(change).toMatchObject({
      date: day(21).toISOString(),
      reasons: ["data"],
      to: after.hash,
      from: { hash: before.hash, lastChanged: day(19).toISOString(), toolVersion: "1.0.0" },
    });
    expect(change!.from.files.map((f) => f.name).sort()).toEqual(
      [
        before.vegaLite.name,
        before.embed.name,
        before.variants[0]!.svg.name,
        before.variants[0]!.png.name,
        before.variants[0]!.png2x.name,
        before.table!.csv.name,
        before.table!.html.name,
      ].sort(),
    );
    expect(change!.from.files.every((f) => f.stable === undefined)).toBe(true);
    // The old Vega-Lite stays under its hashed name; the stable name has the new one.
    expect(await readFile(join(outDir, before.vegaLite.name), "utf8")).toBe(chart("arms").vegaLite);
    expect(await readFile(join(outDir, "arms.vl.json"), "utf8")).toBe(corrected.vegaLite);
    expect(await verifyRelease(second.releaseDir)).toEqual([]);
    expect(await validateSchema(second.manifest)).toBe("No errors");
    expect(second.changed).toEqual(["arms"]);

    // A third version keeps the whole trail, and the first version's files with it.
    const third = await publish({ ...base, outDir, charts: [chart("arms", { headline: "Headline, corrected" })], now: day(22) });
    const trail = entry(third.manifest, "arms").changes;
    expect(trail.map((c) => [c.date, c.reasons])).toEqual([
      [day(21).toISOString(), ["data"]],
      [day(22).toISOString(), ["data", "text"]],
    ]);
    expect(await readFile(join(outDir, before.vegaLite.name), "utf8")).toBe(chart("arms").vegaLite);
    expect(await verifyRelease(third.releaseDir)).toEqual([]);
  });

  it("tells a text correction from a render-only change", async () => {
    await publish({ ...base, outDir, charts: [chart("arms")], now: day(19) });
    const retitled = chart("arms", { headline: "New headline", variants: [variant("default", "light", 640, 400, "New headline")] });
    const second = await publish({ ...base, outDir, charts: [retitled], now: day(20) });
    expect(entry(second.manifest, "arms").changes.at(-1)!.reasons).toEqual(["text", "render"]);

    const redrawn = chart("arms", { headline: "New headline", variants: [variant("default", "light", 600, 400, "New headline")] });
    const third = await publish({ ...base, outDir, charts: [redrawn], now: day(21) });
    expect(entry(third.manifest, "arms").changes.at(-1)!.reasons).toEqual(["render"]);
  });

  it("keeps a failed chart's last good version, marked stale, until it builds again", async () => {
    const first = await publish({ ...base, outDir, charts: [chart("arms"), chart("trade")], now: day(19) });
    const good = entry(first.manifest, "arms");

    const failing = { slug: "arms", error: "datasets/arms/data.csv, row 3, value: expected a number" };
    const second = await publish({ ...base, outDir, charts: [chart("trade")], failed: [failing], now: day(20) });
    expect(entry(second.manifest, "arms")).toEqual({ ...good, stale: { since: day(20).toISOString(), reason: failing.error } });
    expect(second.stale).toEqual(["arms"]);
    expect(await readFile(join(outDir, "arms.svg"), "utf8")).toBe(chart("arms").variants[0]!.svg);
    expect(await verifyRelease(second.releaseDir)).toEqual([]);
    expect(await validateSchema(second.manifest)).toBe("No errors");

    // Still failing: `since` stays the first failure's date, the reason is the latest.
    const third = await publish({ ...base, outDir, charts: [chart("trade")], failed: [{ ...failing, error: "other" }], now: day(21) });
    expect(entry(third.manifest, "arms").stale).toEqual({ since: day(20).toISOString(), reason: "other" });

    const fourth = await publish({ ...base, outDir, charts: [chart("arms"), chart("trade")], now: day(22) });
    expect(entry(fourth.manifest, "arms")).toEqual(good);
  });

  it("lists a chart that never built under failed, with no files", async () => {
    const first = await publish({ ...base, outDir, charts: [chart("trade")], failed: [{ slug: "arms", error: "broken" }], now: day(19) });
    expect(first.manifest.failed).toEqual([{ slug: "arms", error: "broken", since: day(19).toISOString() }]);
    expect(first.manifest.charts.map((c) => c.slug)).toEqual(["trade"]);
    expect((await readdir(outDir + "/")).filter((name) => name.startsWith("arms"))).toEqual([]);

    const second = await publish({ ...base, outDir, charts: [chart("trade")], failed: [{ slug: "arms", error: "still" }], now: day(20) });
    expect(second.manifest.failed).toEqual([{ slug: "arms", error: "still", since: day(19).toISOString() }]);
  });

  it("stops publishing a chart the build no longer has", async () => {
    await publish({ ...base, outDir, charts: [chart("arms"), chart("trade")], now: day(19) });
    const second = await publish({ ...base, outDir, charts: [chart("trade")], now: day(20) });
    expect(second.removed).toEqual(["arms"]);
    expect(second.manifest.charts.map((c) => c.slug)).toEqual(["trade"]);
    expect((await readdir(outDir + "/")).filter((name) => name.startsWith("arms"))).toEqual([]);
  });

  it("prunes old and unfinished releases but keeps the newest", async () => {
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await publish({ ...base, outDir, charts: [chart("arms")], keep: 2, graceMs: 0 }));
    // A killed build's leftovers: a release without a manifest.
    const leftover = join(releasesDir(outDir), "00000000T000000000Z-dead");
    await mkdir(leftover);
    await writeFile(join(leftover, "arms.svg"), "<svg");
    const last = await publish({ ...base, outDir, charts: [chart("arms")], keep: 2, graceMs: 0 });

    const left = (await readdir(releasesDir(outDir))).filter((name) => !name.startsWith("."));
    expect(left.sort()).toEqual([results[2]!.releaseDir, last.releaseDir].map((dir) => dir.split("/").pop()).sort());
    expect(last.pruned).toContain("00000000T000000000Z-dead");
  });

  it("keeps releases younger than the grace period", async () => {
    const first = await publish({ ...base, outDir, charts: [chart("arms")], keep: 1 });
    await publish({ ...base, outDir, charts: [chart("arms")], keep: 1 });
    expect(await verifyRelease(first.releaseDir)).toEqual([]);
  });

  it("refuses a publish folder that is a plain directory or file, and makes nothing beside it", async () => {
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, "notes.txt"), "someone's notes");
    await expect(publish({ ...base, outDir, charts: [chart("arms")] })).rejects.toThrow(`${outDir}: ${message.notAReleaseLink("a directory")}`);
    expect(await readdir(outDir)).toEqual(["notes.txt"]);
    expect(await readdir(join(outDir, ".."))).toEqual(["charts"]);
    await rm(outDir, { recursive: true });
    await writeFile(outDir, "a file");
    await expect(publish({ ...base, outDir, charts: [chart("arms")] })).rejects.toThrow(`${outDir}: ${message.notAReleaseLink("a file")}`);
    expect(await readFile(outDir, "utf8")).toBe("a file");
  });

  it("records the renderers' versions in the manifest", async () => {
    const renderers = { vega: "6.4.0", "vega-lite": "6.5.0", font: "Source Sans 3 Version 3.052" };
    const { manifest } = await publish({ ...base, outDir, charts: [chart("arms")], renderers });
    expect(manifest.renderers).toEqual(renderers);
    expect(JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")).renderers).toEqual(renderers);
    expect(await validateSchema(manifest)).toBe("No errors");
    // A renderer without a version is refused before anything is published.
    await expect(publish({ ...base, outDir, charts: [chart("arms")], renderers: { vega: "" } })).rejects.toThrow(
      `renderers.vega: ${message.manifestInvalid("minLength", "must NOT have fewer than 1 characters", "")}`,
    );
    expect((await currentRelease(outDir))!.manifest).toEqual(manifest);
  });

  it("refuses builds that cannot be published as one consistent folder", async () => {
    const attempt = (charts = [chart("arms")], failed: { slug: string; error: string }[] = []) =>
      publish({ ...base, outDir, charts, failed });
    await expect(attempt([chart("Arms Deals")])).rejects.toThrow(
      'charts[0].slug: expected a slug of lower-case words joined by hyphens but received "Arms Deals" of type string',
    );
    await expect(attempt([chart("arms"), chart("arms")])).rejects.toThrow(
      'arms.slug: expected a slug used by one chart only but received "arms" of type string',
    );
    await expect(attempt([chart("arms", { alt: " " })])).rejects.toThrow('arms.alt: expected alt text but received " " of type string');
    await expect(attempt([chart("arms", { variants: [] })])).rejects.toThrow(
      "arms.variants: expected at least one variant but received an array of 0",
    );
    await expect(
      attempt([chart("a", { variants: [variant("b-dark", "dark", 10, 10, "x")] }), chart("a-b", { variants: [variant("dark", "dark", 10, 10, "x")] })]),
    ).rejects.toThrow("a-b.variants.dark: a-b-dark.svg would also be a file of chart a; rename the chart or the variant");
    await expect(attempt([chart("arms")], [{ slug: "arms", error: "x" }])).rejects.toThrow(
      'failed[0].slug: expected a chart either rendered or failed, not both but received "arms" of type string',
    );
    // Nothing was published by the refused builds.
    await expect(lstat(outDir)).rejects.toThrow(/ENOENT/);
  });
});

describe("publish over a damaged release", () => {
  const corrected = chart("arms", { vegaLite: JSON.stringify({ mark: "bar", data: { values: [{ a: 3 }] } }) });
  /** Two versions of arms (so it has a corrections trail) and one of trade. */
  async function withTrail() {
    await publish({ ...base, outDir, charts: [chart("arms"), chart("trade")], now: day(19) });
    return publish({ ...base, outDir, charts: [corrected, chart("trade")], now: day(20) });
  }

  it("publishes every chart afresh, without a trail, when the manifest is truncated, and says so once", async () => {
    const second = await withTrail();
    expect(entry(second.manifest, "arms").changes).toHaveLength(1);
    await truncate(join(second.releaseDir, "manifest.json"), 100);

    const third = await publish({ ...base, outDir, charts: [corrected, chart("trade")], failed: [{ slug: "gone", error: "x" }], now: day(21) });
    expect(third.warnings).toHaveLength(1);
    expect(third.warnings[0]).toMatch(/^.*: the published release cannot be trusted \(.*manifest\.json: cannot read the manifest: .*\); every chart is published afresh, without its corrections trail$/);
    for (const slug of ["arms", "trade"]) expect(entry(third.manifest, slug)).toMatchObject({ changes: [], lastChanged: day(21).toISOString() });
    expect(third.changed).toEqual(["arms", "trade"]);
    expect(await verifyRelease(third.releaseDir)).toEqual([]);
    expect(await validateSchema(third.manifest)).toBe("No errors");
    // The damaged release is not deleted by the repair: it waits for the grace period like any other.
    expect(await readdir(releasesDir(outDir))).toContain(second.releaseDir.split("/").pop());
    const fourth = await publish({ ...base, outDir, charts: [corrected, chart("trade")], now: day(22), graceMs: 0, keep: 5 });
    expect(fourth.warnings).toEqual([]);
    expect(fourth.pruned).toContain(second.releaseDir.split("/").pop());
  });

  it("publishes afresh the chart whose files are missing, carries the others, and lists it under failed if it fails now", async () => {
    const second = await withTrail();
    const trade = entry(second.manifest, "trade");
    await rm(join(second.releaseDir, entry(second.manifest, "arms").changes[0]!.from.files[0]!.name));

    const third = await publish({ ...base, outDir, charts: [chart("trade")], failed: [{ slug: "arms", error: "broken" }], now: day(21) });
    expect(third.warnings).toHaveLength(1);
    expect(third.warnings[0]).toMatch(/; arms is published afresh, without its corrections trail$/);
    expect(entry(third.manifest, "trade")).toEqual(trade);
    expect(third.manifest.charts.map((c) => c.slug)).toEqual(["trade"]);
    expect(third.manifest.failed).toEqual([{ slug: "arms", error: "broken", since: day(21).toISOString() }]);
    expect(await verifyRelease(third.releaseDir)).toEqual([]);
  });

  it("publishes every chart afresh when the release is gone", async () => {
    const second = await withTrail();
    await rm(second.releaseDir, { recursive: true });
    const third = await publish({ ...base, outDir, charts: [corrected, chart("trade")], now: day(21) });
    expect(third.warnings).toEqual([`${displayPath(outDir)}: ${message.untrustedRelease(message.releaseMissing(second.releaseDir.split("/").pop()!), "all")}`]);
    expect(entry(third.manifest, "arms").changes).toEqual([]);
    expect(third.previousReleaseDir).toBeUndefined();
    expect(await verifyRelease(third.releaseDir)).toEqual([]);
  });
});

describe("a publish that fails before the swap", () => {
  it("leaves the old release published and untouched, and removes what it made", async () => {
    const first = await publish({ ...base, outDir, charts: [chart("arms")] });
    const untouched = await snapshotRelease(first.releaseDir);
    for (const [at, count] of [["file", 3], ["manifest", 1], ["swapping", 1]] as const) {
      let seen = 0;
      const failing = publish({
        ...base,
        outDir,
        charts: [chart("arms", { headline: `changed at ${at}` })],
        onStep: (step) => {
          if (step === at && ++seen === count) throw new Error(`stopped at ${at}`);
        },
      });
      await expect(failing).rejects.toThrow(`stopped at ${at}`);
      expect((await currentRelease(outDir))!.dir).toBe(first.releaseDir);
      expect(await snapshotRelease(first.releaseDir)).toEqual(untouched);
      expect((await readdir(releasesDir(outDir))).filter((name) => !name.startsWith("."))).toEqual([first.releaseDir.split("/").pop()]);
      expect(await readdir(join(outDir, ".."))).toEqual([".charts.releases", "charts"]);
    }
  });
});
