// A slice of the bad-input corpus through the real `charts` command: bad
// inputs fail only the charts that use them, one ✗ line each with the root
// cause, the rest build, the summary names every failure, the exit code is 1,
// and what was published for a failed chart stays as it was, marked stale.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { editCell, editJson, HARBOURS_CSV, shipsChart, writeProject } from "../fixtures/bad/project.ts";
import { charts, type Run } from "./cli.ts";

interface Manifest {
  charts: Array<{ slug: string; stale?: { reason: string }; variants: Array<{ svg: { sha256: string } }> }>;
  failed: Array<{ slug: string; error: string }>;
}
const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, "out/charts/manifest.json"), "utf8")) as Manifest;
const escape = (text: string) => text.replace(/[$.*+?()[\]\\^{}|]/g, "\\$&");
/** The ✗ line of a chart: its slug, then the root cause exactly as the catalogue words it. */
const failedLine = (slug: string, cause: string) => new RegExp(`^✗ ${escape(slug)} +${escape(cause)}$`, "m");
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}[1]${"}".repeat(depth - 1)}`;
const overLimit = (what: string, limit: number, received: number | string, key: string) => message.overLimit(what, limit, received, `limits.${key}`);

/** The corpus project plus a second text, and charts of their own for quay tonnage and for labels. */
function storyOfSix(): string {
  return writeProject({
    "texts/quay.txt": "Corra quay report\n\nThe quay at Corra took in 1,200 tonnes in 2022.\n",
    "datasets/sources.json": editJson((json) => ({ ...json, quay: { publisher: "Corra Quay Office", date: "2024-03-02" } })),
    "datasets/quay/dataset.json": JSON.stringify({ title: "Quay", columns: [{ name: "year", type: "year" }, { name: "tonnes", type: "number", unit: "tonnes" }], value: "tonnes" }),
    "datasets/quay/data.csv": 'year,tonnes,source,figure,status,context,formula,note\n2022,1200,quay,"1,200 tonnes",stated,,,\n',
    "datasets/labels/dataset.json": JSON.stringify({ title: "Ships", columns: [{ name: "harbour", type: "string" }, { name: "year", type: "year" }, { name: "ships", type: "number", unit: "count" }], value: "ships" }),
    "datasets/labels/data.csv": HARBOURS_CSV,
    "charts/quay.chart.json": JSON.stringify({
      slug: "quay",
      headline: "The quay at Corra handled cargo",
      dek: "Tonnes, 2022",
      alt: "One bar for the tonnes the quay at Corra took in.",
      data: "quay",
      plot: { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "tonnes", type: "quantitative", title: null } } },
    }),
    "charts/labels.chart.json": JSON.stringify({ ...shipsChart(), slug: "labels", data: "labels" }),
  });
}

describe("pnpm charts over bad inputs (the real command)", () => {
  const dir = storyOfSix();
  const config = join(dir, "charts.config.json");
  let first: Run;
  let second: Run;
  let before: Manifest;

  beforeAll(async () => {
    first = await charts(["--config", config]);
    before = readManifest(dir);
    // then a desk breaks five things, and adds a dataset no chart uses yet
    const write = (path: string, content: string) => writeFileSync(join(dir, path), content);
    const read = (path: string) => readFileSync(join(dir, path), "utf8");
    write("datasets/sources.json", editJson((json: any) => void (json.quay.publisher = ""))(read("datasets/sources.json")));
    write("datasets/labels/data.csv", editCell("harbour", 1, "Lumen 🚢")(read("datasets/labels/data.csv")) as string);
    write("charts/deep.chart.json", JSON.stringify({ ...shipsChart(), slug: "deep" }).replace('"mark":"bar"', `"usermeta":${nested(20_000)},"mark":"bar"`));
    write("charts/huge.chart.json", JSON.stringify({ ...shipsChart(), slug: "huge", plot: { ...shipsChart().plot, height: { step: 200_000 } } }));
    write("charts/tonnage.chart.json", JSON.stringify({ ...shipsChart(), slug: "tonnage", data: "tonnage" }));
    writeProjectFiles(dir, {
      "datasets/tonnage/dataset.json": read("datasets/harbours/dataset.json"),
      "datasets/tonnage/data.csv": HARBOURS_CSV.replace("harbour,", "Harbour,"),
      "datasets/draft/dataset.json": JSON.stringify({ title: "Draft", columns: [], value: "x" }),
      "datasets/draft/data.csv": "x\n",
    });
    second = await charts(["--config", config]);
  }, 240_000);

  it("builds the story when nothing is wrong", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(before.charts.map((c) => c.slug).sort()).toEqual(["fees", "labels", "quay", "ships"]);
  });

  it("fails only the charts that use a bad input, one ✗ line each naming the root cause once", () => {
    const lines = second.stderr.split("\n").filter((line) => line.startsWith("✗"));
    expect(lines).toHaveLength(5);
    expect(second.stderr).toMatch(failedLine("deep", `charts/deep.chart.json, plot.usermeta.a.a.a.a...: ${overLimit("the nesting depth", 100, 20_002, "jsonDepth")}`));
    expect(second.stderr).toMatch(
      failedLine("huge", `charts/huge.chart.json: ${overLimit("the PNG's size in pixels (width x height x scale x scale)", 50_000_000, "524839680 (319.6 x 410031 px at scale 2)", "plotPixels")}`),
    );
    expect(second.stderr).toMatch(
      failedLine("labels", `datasets/labels/data.csv, row 1, harbour: text "Lumen 🚢": Source Sans 3 Regular has no glyph for "🚢" (U+1F6A2)`),
    );
    expect(second.stderr).toMatch(failedLine("quay", `datasets/sources.json, quay.publisher: ${message.invalid("a non-empty string", "")}`));
    expect(second.stderr).toMatch(
      failedLine(
        "tonnage",
        `datasets/tonnage/data.csv, header: ${message.invalid(message.expectedHeaderColumns(["harbour", "year", "ships"], "source, figure, status, context, formula, note"), "Harbour")}`,
      ),
    );
    // the two charts whose inputs are as published are carried over without rendering (an incremental build)
    expect(second.stdout).toContain("= 2 charts unchanged (inputs as published): carried over, not rendered");
    for (const slug of ["fees", "ships"]) expect(second.stderr).not.toMatch(new RegExp(`^✗ ${slug} `, "m"));
    expect(second.stderr).not.toMatch(/\n\s+at |RangeError|TypeError/);
  });

  it("names the input no chart uses, lists every failure in the summary and exits 1", () => {
    expect(second.stderr).toContain(`error: datasets/draft/dataset.json, columns: ${message.invalid("at least 1 item", [])}`);
    const last = second.stdout.trim().split("\n").at(-1)!;
    expect(last).toMatch(/^2 charts built, 5 failed \(deep, huge, labels, quay, tonnage\); dataset draft also failed, used by no chart in [\d.]+ s -> out\/charts$/);
    expect(second.code).toBe(1);
  });

  it("keeps the last good version of a failed chart, marked stale with the root cause; the new ones are listed as failed", () => {
    const after = readManifest(dir);
    const bySlug = new Map(after.charts.map((c) => [c.slug, c]));
    for (const slug of ["labels", "quay"]) {
      const old = before.charts.find((c) => c.slug === slug)!;
      expect(bySlug.get(slug)!.variants[0]!.svg.sha256).toBe(old.variants[0]!.svg.sha256);
      expect(bySlug.get(slug)!.stale?.reason).toBe(second.stderr.split("\n").find((l) => l.startsWith(`✗ ${slug} `))!.replace(/^✗ \S+ +/, ""));
    }
    expect(bySlug.get("fees")!.stale).toBeUndefined();
    expect(after.failed.map((f) => f.slug)).toEqual(["deep", "huge", "tonnage"]);
  });
});

describe("charts check, extract and render over bad inputs", () => {
  it("charts check reports a dataset that does not load and checks the others", async () => {
    const dir = writeProject({ "datasets/fees/data.csv": "year,fees\n" });
    const run = await charts(["check", "--config", join(dir, "charts.config.json")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("✗ fees: does not load");
    expect(run.stdout).toContain("✓ harbours: 2 of 2 figures found in their texts");
    expect(run.stderr).toContain(`error: datasets/fees/data.csv, header: ${message.missingColumn("source", false, "source, figure, status, context, formula, note")}`);
  });

  it("charts extract refuses a binary file instead of listing its bytes as figures", async () => {
    const dir = writeProject();
    const file = join(dir, "texts/photo.txt");
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x31, 0x32]));
    const run = await charts(["extract", file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(`error: ${file}: ${message.notUtf8(1, 1, 0x89)}`);
  });

  it("charts render refuses a spec too large for its PNG and a broken expression, naming the file and path", async () => {
    const dir = writeProject();
    const spec = (name: string, json: unknown) => {
      writeFileSync(join(dir, name), JSON.stringify(json));
      return join(dir, name);
    };
    const bars = { $schema: "https://vega.github.io/schema/vega-lite/v6.json", data: { values: [{ a: "x", b: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } };
    const big = spec("big.vl.json", { ...bars, width: 40_000, height: 40_000 });
    const pixels = await charts(["render", big, "-o", join(dir, "big.png"), "--scale", "2", "--config", join(dir, "charts.config.json")]);
    expect(pixels.code).toBe(1);
    expect(pixels.stderr.trim()).toBe(`error: ${big}, width: ${overLimit("the PNG's size in pixels (width x height x scale x scale)", 50_000_000, "6400000000 (40000 x 40000 px at scale 2)", "plotPixels")}`);
    const callee = spec("callee.vl.json", { ...bars, transform: [{ calculate: "datum.b()()", as: "c" }] });
    const expression = await charts(["render", callee, "-o", join(dir, "callee.svg")]);
    expect(expression.code).toBe(1);
    expect(expression.stderr.trim()).toBe(`error: ${callee}, transform[0].calculate: ${message.vegaParse("Illegal callee type: CallExpression")}`);
  });
});

function writeProjectFiles(dir: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}
