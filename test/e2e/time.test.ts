// Time, gaps, derived rows and small multiples, rendered: chart definitions
// compiled by @charts/specs and drawn by @charts/render exactly as
// `pnpm charts` draws them, then read back from the SVG (Vega's scenegraph
// written out): axis labels and descriptions, line paths, bands, the footer.
// The date checks go through the real CLI on a scratch project.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Column, Dataset, ProvenanceStatus } from "@charts/datasets";
import { message } from "@charts/errors";
import { compileChart, type ChartDefinition } from "@charts/specs";
import { light } from "@charts/theme";
import { renderChart, setupRenderer, type RenderedChartSvg } from "@charts/render";
import { charts } from "./cli.ts";

type Cells = Record<string, string | number>;
const sources = { wire: { publisher: "A Wire Service", date: "2024-06-01" } };

/** A dataset as loadDataset returns it; rows are stated unless they say otherwise. */
function dataset(name: string, columns: Column[], rows: Array<Cells & { status?: ProvenanceStatus; note?: string }>): Dataset {
  return {
    name,
    dir: `datasets/${name}`,
    metaFile: `datasets/${name}/dataset.json`,
    dataFile: `datasets/${name}/data.csv`,
    meta: { title: name, columns, value: columns.at(-1)!.name },
    rows: rows.map(({ status = "stated", note, ...values }, i) => ({
      row: i + 1,
      values,
      provenance: { source: "wire", figure: "x", status, ...(status === "derived" ? { formula: "2 * figure" } : {}), ...(note ? { note } : {}) },
    })),
  };
}

const year: Column = { name: "year", type: "year" };
const yearly = dataset("arms-yearly", [year, { name: "value", type: "number", unit: "USD million" }], [
  { year: 2013, value: 900 },
  { year: 2014, value: 1000 },
  { year: 2015, value: 800 },
  { year: 2020, value: 150 },
  { year: 2021, value: 120, status: "derived", note: "twice the 2022 figure" },
  { year: 2022, value: 60 },
  { year: 2023, value: 72 },
]);
const quarterly = dataset("cargo", [{ name: "quarter", type: "date" }, { name: "cargo", type: "number", unit: "tonnes million" }], [
  { quarter: "2022-07-01", cargo: 1.0 },
  { quarter: "2022-10-01", cargo: 1.1 },
  { quarter: "2023-01-01", cargo: 1.2 },
  { quarter: "2023-04-01", cargo: 1.4 },
  { quarter: "2024-01-01", cargo: 1.1 },
  { quarter: "2024-04-01", cargo: 1.3 },
]);
const countries = dataset("exports", [{ name: "country", type: "string" }, year, { name: "exports", type: "number", unit: "USD billion" }, { name: "imports", type: "number", unit: "USD billion" }], [
  ...[2016, 2017, 2018, 2019, 2020, 2021].map((y) => ({ country: "China", year: y, exports: 20 + y - 2016, imports: 18 })),
  ...[2016, 2017, 2020, 2021].map((y) => ({ country: "Russia", year: y, exports: 10 + y - 2016, imports: 9 })),
]);
const datasets = new Map([yearly, quarterly, countries].map((d) => [d.name, d]));

function draw(definition: Omit<ChartDefinition, "slug" | "dek" | "alt"> & Partial<ChartDefinition>): Promise<RenderedChartSvg> {
  const compiled = compileChart({ slug: "t", dek: "A dek", alt: "A chart", ...definition } as ChartDefinition, { file: "charts/t.chart.json", datasets, sources, theme: light });
  return renderChart(compiled.spec);
}

/** The attributes of every item drawn by marks of a type (line, rect, symbol: paths; rule: lines) in the SVG. */
function paths(svg: string, mark: string): string[] {
  return [...svg.matchAll(new RegExp(`<g class="mark-${mark} role-mark[^"]*"[^>]*>((?:<(?:path|line)[^>]*/>)+)</g>`, "g"))].flatMap((group) =>
    [...group[1]!.matchAll(/<(?:path|line)([^>]*)\/>/g)].map((path) => path[1]!),
  );
}
const attr = (path: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(path)?.[1];
/** x coordinates of a path's commands. */
const xs = (d: string) => [...d.matchAll(/[ML]([\d.-]+),/g)].map((m) => Number(m[1]));
const text = (chart: RenderedChartSvg, role: string) => chart.boxes.filter((box) => box.role === role).map((box) => box.text);

beforeAll(() => setupRenderer());

describe("a line of years with a gap, as a desk writes it (year quantitative)", () => {
  let chart: RenderedChartSvg;
  beforeAll(async () => {
    chart = await draw({
      headline: "Arms transfers fell",
      data: "arms-yearly",
      plot: { mark: "line", encoding: { x: { field: "year", type: "quantitative", title: null }, y: { field: "value", type: "quantitative", title: null } } },
    });
  });

  it("runs its axis from the first year to the last, labelled as years, described as years", () => {
    const labels = text(chart, "axis-label");
    expect(labels).toContain("2013");
    expect(labels).toContain("2023");
    expect(labels).not.toContain("2,013");
    expect(labels.filter((label) => /^\d{4}$/.test(label)).every((label) => Number(label) >= 2013 && Number(label) <= 2023)).toBe(true);
    // Vega would say "values from 2,013 to 2,023".
    expect(chart.svg).toContain('aria-label="X-axis: years from 2013 to 2023"');
    expect(chart.svg).not.toContain("2,013");
    // The first year stands at the left of the plot, not far right of a zero.
    const yearLabels = chart.boxes.filter((box) => box.role === "axis-label" && /^\d{4}$/.test(box.text)).sort((a, b) => a.x1 - b.x1);
    expect(yearLabels[0]!.text).toBe("2013");
    expect(yearLabels[0]!.x1).toBeLessThan(120);
  });

  it("breaks the line around the gap instead of bridging 2016-2019", () => {
    const lines = paths(chart.svg, "line").map((path) => attr(path, "d")!);
    expect(lines).toHaveLength(2);
    for (const d of lines) expect(d.match(/M/g)).toHaveLength(1);
    const [before, after] = lines.map(xs).sort((a, b) => a[0]! - b[0]!);
    expect(before).toHaveLength(3); // 2013, 2014, 2015
    expect(after).toHaveLength(2); // 2022, 2023: 2021 is derived, its steps dashed
    expect(Math.max(...before!)).toBeLessThan(Math.min(...after!));
  });

  it("shades the missing years between the rows around them", () => {
    const [band] = paths(chart.svg, "rect");
    expect(attr(band!, "fill")).toBe(light.colors.range);
    const [x, width] = /M([\d.-]+),[\d.-]+h([\d.-]+)/.exec(attr(band!, "d")!)!.slice(1).map(Number) as [number, number];
    const lines = paths(chart.svg, "line").map((path) => xs(attr(path, "d")!));
    const end2015 = Math.max(...lines.flat().filter((v) => v < x));
    const start2020 = Math.min(...lines.flat().filter((v) => v > x + width));
    expect(x).toBeGreaterThan(end2015);
    expect(x + width).toBeLessThan(start2020);
    expect(text(chart, "mark")).toEqual(["No figures\nin the sources"]);
  });

  it("explains the gap and the derived year in the footer", () => {
    const notes = text(chart, "notes").join(" ");
    expect(notes).toContain("No figures for 2016\u2009–\u20092019 in the sources.");
    expect(notes).toContain("2021 is derived: twice the 2022 figure.");
  });

  it("dashes the steps that touch the derived year and draws it hollow", () => {
    const dashed = paths(chart.svg, "rule").filter((path) => attr(path, "stroke-dasharray") === "5,3");
    expect(dashed).toHaveLength(2); // 2020-2021 and 2021-2022
    const hollow = paths(chart.svg, "symbol").filter((path) => attr(path, "fill") === light.colors.background);
    expect(hollow).toHaveLength(1);
  });
});

describe("a quarterly series on a date column", () => {
  it("draws quarters on a time axis, breaks at the missing quarters and notes them", async () => {
    const chart = await draw({
      headline: "Cargo by quarter",
      data: "cargo",
      plot: { mark: "line", encoding: { x: { field: "quarter", type: "temporal", title: null }, y: { field: "cargo", type: "quantitative", title: null } } },
    });
    const labels = text(chart, "axis-label");
    expect(labels).toEqual(expect.arrayContaining(["Q3 2022", "Q1 2023", "Q1 2024"]));
    expect(chart.svg).toContain('aria-label="X-axis: quarters from Q3 2022 to Q2 2024"');
    expect(paths(chart.svg, "line")).toHaveLength(2);
    expect(paths(chart.svg, "rect")).toHaveLength(1);
    expect(text(chart, "notes").join(" ")).toContain("No figures for Q3–Q4 2023 in the sources.");
  });

  it("writes months in the chart's locale", async () => {
    const chart = await draw({
      headline: "Fret par trimestre",
      locale: "fr-FR",
      data: "cargo",
      plot: { mark: "bar", encoding: { x: { field: "quarter", type: "temporal", title: null }, y: { field: "cargo", type: "quantitative", title: null } } },
    });
    expect(text(chart, "axis-label")).toEqual(expect.arrayContaining(["T3 2022", "T1 2023"]));
    expect(text(chart, "notes").join(" ")).toContain("Pas de chiffres pour T3–T4 2023 dans les sources.");
  });
});

describe("derived rows, drawn apart without the definition saying so", () => {
  it("draws a derived bar lighter inside a dashed outline, its label italic", async () => {
    const chart = await draw({
      headline: "Arms transfers fell",
      data: { dataset: "arms-yearly", where: { year: [2020, 2021, 2022] } },
      plot: { mark: "bar", encoding: { x: { field: "year", type: "ordinal", title: null }, y: { field: "value", type: "quantitative", title: null } } },
      annotations: [{ type: "values" }],
    });
    const bars = paths(chart.svg, "rect");
    const light_ = bars.filter((path) => attr(path, "fill-opacity") === "0.35");
    expect(light_).toHaveLength(1);
    expect(attr(light_[0]!, "stroke-dasharray")).toBe("4,2");
    expect(bars.filter((path) => attr(path, "fill-opacity") === "1")).toHaveLength(2);
    expect(chart.svg).toMatch(/font-style="italic"[^>]*>\$120m</);
    expect(text(chart, "notes").join(" ")).toBe("2021 is derived: twice the 2022 figure.");
  });
});

describe("small multiples in the house frame", () => {
  const line = { mark: "line", encoding: { x: { field: "year", type: "quantitative", title: null }, y: { field: "exports", type: "quantitative", title: null } } };

  it("draws a facet panel per country, sized to the chart width, each with its own gaps, framed by headline, dek and footer", async () => {
    const chart = await draw({ headline: "Exports by country", data: "exports", plot: { facet: { field: "country", type: "nominal" }, spec: line } });
    expect(chart.width).toBe(light.defaultWidth);
    expect(text(chart, "headline")).toEqual(["Exports by country"]);
    expect(text(chart, "dek")).toEqual(["A dek"]);
    expect(text(chart, "title-text")).toEqual(["China", "Russia"]);
    // Two panels side by side fill the width: the second ends near its right edge.
    const russia = chart.boxes.find((box) => box.text === "Russia")!;
    expect(russia.x1).toBeGreaterThan(light.defaultWidth / 2 - 40);
    expect(paths(chart.svg, "line")).toHaveLength(3); // China whole, Russia in two
    expect(paths(chart.svg, "rect")).toHaveLength(1); // Russia's 2018-2019
    expect(text(chart, "notes").join(" ")).toContain("Russia: no figures for 2018\u2009–\u20092019 in the sources.");
    expect(text(chart, "source")).toEqual(["Source: A Wire Service"]);
  });

  it("draws a repeat of two measures side by side in house formats", async () => {
    const chart = await draw({
      headline: "China's trade",
      data: { dataset: "exports", where: { country: "China" } },
      plot: { repeat: ["exports", "imports"], spec: { ...line, encoding: { ...line.encoding, y: { field: { repeat: "repeat" }, type: "quantitative" } } } },
    });
    expect(chart.width).toBe(light.defaultWidth);
    expect(text(chart, "headline")).toEqual(["China's trade"]);
    expect(paths(chart.svg, "line")).toHaveLength(2);
    // house formats on both panels' axes: money with its unit, years without a separator
    const labels = text(chart, "axis-label");
    expect(labels).toEqual(expect.arrayContaining(["2016", "2020"]));
    expect(labels.some((label) => /^\$\d+bn$/.test(label)), labels.join("|")).toBe(true);
    expect(text(chart, "axis-title")).toEqual(["exports", "imports"]);
  });
});

describe("date columns through the real CLI", () => {
  function project(csv: string): string {
    const dir = mkdtempSync(join(tmpdir(), "charts-dates-"));
    const write = (file: string, content: unknown) => {
      mkdirSync(join(dir, file, ".."), { recursive: true });
      writeFileSync(join(dir, file), typeof content === "string" ? content : JSON.stringify(content, null, 2));
    };
    write("texts/port.txt", "Port Gazette\n\nThe port handled 31,000 riders in January 2023 and 35,000 riders in March 2023.\n");
    write("charts.config.json", { texts: "texts", datasets: "datasets", sources: "datasets/sources.json", charts: "charts", out: "out/charts" });
    write("datasets/sources.json", { port: { publisher: "Port Gazette", date: "2023-04-02" } });
    write("datasets/riders/dataset.json", { title: "Riders", columns: [{ name: "month", type: "date" }, { name: "riders", type: "number", unit: "count" }], value: "riders" });
    write("datasets/riders/data.csv", `month,riders,source,figure,status,context,formula,note\n${csv}`);
    write("charts/riders.chart.json", {
      slug: "riders",
      headline: "Riders rose to 35,000 in March 2023",
      dek: "Riders by month",
      alt: "Bars of riders in January and March 2023.",
      data: "riders",
      plot: { mark: "bar", encoding: { x: { field: "month", type: "temporal", title: null }, y: { field: "riders", type: "quantitative", title: null } } },
    });
    return join(dir, "charts.config.json");
  }

  it("refuses a date in another form than ISO, naming the file, row, column, what it expects and what it got", async () => {
    const run = await charts(["check", "--config", project("2023-01,31000,port,\"31,000 riders\",stated,,,\n03/2023,35000,port,\"35,000 riders\",stated,,,\n")]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`datasets/riders/data.csv, row 2, month: ${message.invalid(message.expectedIsoDate(), "03/2023")}`);
  });

  it("builds good dates on a time axis, leaving February's slot empty and noted", async () => {
    const config = project("2023-01,31000,port,\"31,000 riders\",stated,,,\n2023-03,35000,port,\"35,000 riders\",stated,,,\n");
    const run = await charts(["--config", config]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { readFileSync } = await import("node:fs");
    const svg = readFileSync(join(config, "..", "out/charts/riders.svg"), "utf8");
    expect(svg).toContain('aria-label="X-axis: months from Jan 2023 to Mar 2023"');
    expect(svg).toContain(">No figures for Feb 2023 in the sources.<");
  }, 60_000);
});
