// A second story, in other units and locales than the first: a scratch
// project with its own text, datasets in `count million` and `EUR million`,
// and two charts in fr-FR and vi-VN whose headlines, alt texts and notes
// quote the house formatter's own output. It is built through the real CLI
// and its number check must pass: whatever the formatter writes, the check
// reads; whatever the text writes, the figure check converts.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { formatValue } from "@charts/theme";
import { charts } from "./cli.ts";

// A made-up article (no source text is copied): two counts and two sums in euros.
const TEXT = [
  "Metro ridership climbs again",
  "",
  "The city's metro carried 36.4 million riders in 2023, up from 31.2 million riders in 2022.",
  "The operator spent €1.2 billion on the network in 2023, against €950 million in 2022.",
  "",
].join("\n");

const riders = { 2022: 31.2, 2023: 36.4 };
const spending = { 2022: 950, 2023: 1200 };

function write(dir: string, file: string, content: unknown): void {
  mkdirSync(join(dir, file, ".."), { recursive: true });
  writeFileSync(join(dir, file), typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
}

/** The story's project: texts, sources, two datasets, two charts. */
function storyProject(): { dir: string; configFile: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "charts-story-"));
  write(dir, "texts/metro.txt", TEXT);
  write(dir, "charts.config.json", { texts: "texts", datasets: "datasets", sources: "datasets/sources.json", charts: "charts", out: "out/charts" });
  write(dir, "datasets/sources.json", { metro: { publisher: "Metro Gazette", date: "2024-03-01" } });
  write(dir, "datasets/metro-riders/dataset.json", {
    title: "Metro riders",
    columns: [
      { name: "year", type: "year" },
      { name: "riders", type: "number", unit: "count million" },
    ],
    value: "riders",
  });
  write(
    dir,
    "datasets/metro-riders/data.csv",
    "year,riders,source,figure,status,context,formula,note\n2022,31.2,metro,31.2 million riders,stated,,,\n2023,36.4,metro,36.4 million riders,stated,,,\n",
  );
  write(dir, "datasets/metro-spending/dataset.json", {
    title: "Metro spending",
    columns: [
      { name: "year", type: "year" },
      { name: "spending", type: "number", unit: "EUR million" },
    ],
    value: "spending",
  });
  write(
    dir,
    "datasets/metro-spending/data.csv",
    "year,spending,source,figure,status,context,formula,note\n2022,950,metro,€950 million,stated,,,\n2023,1200,metro,€1.2 billion,stated,,,\n",
  );
  const fr = (value: number) => formatValue(value, { unit: "count million", locale: "fr-FR" });
  const vi = (value: number) => formatValue(value, { unit: "EUR million", locale: "vi-VN" });
  const plot = (field: string) => ({
    mark: { type: "bar", width: 60 },
    encoding: { x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } }, y: { field, type: "quantitative", title: null } },
  });
  write(dir, "charts/metro-riders.chart.json", {
    slug: "metro-riders",
    locale: "fr-FR",
    headline: `Le métro a transporté ${fr(riders[2023])} de voyageurs en 2023`,
    dek: "Voyageurs du métro par an",
    notes: `Contre ${fr(riders[2022])} en 2022.`,
    byline: "Service graphique",
    alt: `Diagramme en barres : ${fr(riders[2022])} de voyageurs en 2022, ${fr(riders[2023])} en 2023.`,
    data: "metro-riders",
    plot: plot("riders"),
    annotations: [{ type: "values" }],
  });
  write(dir, "charts/metro-spending.chart.json", {
    slug: "metro-spending",
    locale: "vi-VN",
    headline: `Chi tiêu cho tàu điện ngầm đạt ${vi(spending[2023])} năm 2023`,
    dek: "Chi tiêu của nhà điều hành mỗi năm",
    notes: `So với ${vi(spending[2022])} năm 2022.`,
    byline: "Ban đồ họa",
    alt: `Biểu đồ cột: ${vi(spending[2022])} năm 2022, ${vi(spending[2023])} năm 2023.`,
    data: "metro-spending",
    plot: plot("spending"),
    annotations: [{ type: "values" }],
  });
  return { dir, configFile: join(dir, "charts.config.json"), out: join(dir, "out/charts") };
}

describe("a story in count million and EUR million, in fr-FR and vi-VN, through the real CLI", () => {
  const project = storyProject();
  let build: Awaited<ReturnType<typeof charts>>;

  beforeAll(async () => {
    build = await charts(["--config", project.configFile]);
  }, 120_000);

  it("checks every figure (€1.2 billion is 1200 in EUR million) and builds both charts, the number check passing", async () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/^✓ 4 figures checked against /m);
    expect(build.stdout).toContain("2 charts built, 0 failed");
    const check = await charts(["check", "--config", project.configFile]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("✓ metro-spending: 2 of 2 figures found in their texts");
  });

  it("writes the formatter's numbers on the charts and in the manifest", () => {
    const manifest = JSON.parse(readFileSync(join(project.out, "manifest.json"), "utf8")) as { charts: Array<{ slug: string; headline: string; source: string; variants: Array<{ svg: { stable: string } }> }> };
    const bySlug = new Map(manifest.charts.map((chart) => [chart.slug, chart]));
    const ridersChart = bySlug.get("metro-riders")!;
    const spendingChart = bySlug.get("metro-spending")!;
    expect(ridersChart.headline).toBe("Le métro a transporté 36,4\u202fmillions de voyageurs en 2023");
    expect(spendingChart.headline).toBe("Chi tiêu cho tàu điện ngầm đạt 1,2\u00a0tỷ EUR năm 2023");
    expect(ridersChart.source).toBe("Source\u00a0: Metro Gazette");
    const svg = (chart: typeof ridersChart) => readFileSync(join(project.out, chart.variants[0]!.svg.stable), "utf8");
    // Value labels, in the chart's locale and unit.
    expect(svg(ridersChart)).toContain("36,4\u202fmillions");
    expect(svg(spendingChart)).toContain("950\u00a0triệu EUR");
    expect(svg(spendingChart)).toContain("1,2\u00a0tỷ EUR");
  });

  it("refuses a unit the grammar does not know when the dataset loads, naming the file and column", async () => {
    const broken = storyProject();
    const file = join(broken.dir, "datasets/metro-spending/dataset.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"EUR million"', '"EURO million"'));
    const run = await charts(["check", "--config", broken.configFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`datasets/metro-spending/dataset.json, columns[1].unit: ${message.invalid(message.expectedUnit(), "EURO million")}`);
  });

  it("refuses a figure in another currency than its column", async () => {
    const broken = storyProject();
    const file = join(broken.dir, "datasets/metro-spending/dataset.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"EUR million"', '"USD million"'));
    const run = await charts(["check", "--config", broken.configFile]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message.invalid(message.expectedAmountIn("USD", "USD million"), "€1.2 billion"));
  });
});
