import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { loadChartDefinition, loadChartDefinitions, validateDefinition } from "../src/loadChartDefinition.ts";
import { armsChart } from "./fixtures/armsChart.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "charts-specs-"));
});

async function write(name: string, content: unknown): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

const F = "charts/arms.chart.json";
const errorOf = (json: unknown) => {
  try {
    validateDefinition(json, F);
  } catch (error) {
    expect(error).toBeInstanceOf(ChartsError);
    return (error as Error).message;
  }
  throw new Error("expected the definition to be rejected");
};

describe("validateDefinition(json, file)", () => {
  it("accepts the arms chart", () => {
    expect(validateDefinition(armsChart(), F)).toEqual(armsChart());
  });

  it("names the path, what was expected and what was received", () => {
    const chart = armsChart() as unknown as Record<string, unknown>;
    expect(errorOf({ ...chart, headline: 3 })).toBe(`${F}, headline: expected a non-empty string but received 3 of type number`);
    expect(errorOf({ ...chart, headline: undefined })).toBe(`${F}, headline: expected a value (it is required) but received nothing`);
    expect(errorOf({ ...chart, slug: "Arms Chart" })).toBe(
      `${F}, slug: expected a slug of lower-case letters, digits and single hyphens but received "Arms Chart" of type string`,
    );
    expect(errorOf({ ...chart, locale: "de-AT" })).toBe(
      `${F}, locale: expected one of "en-GB", "en-US", "fr-FR", "vi-VN", "de-DE", "es-ES" but received "de-AT" of type string`,
    );
    expect(errorOf({ ...chart, data: { dataset: "arms", filtr: "datum.year > 2014" } })).toBe(
      `${F}, data.filtr: expected one of the properties dataset, filter, where but received "datum.year > 2014" of type string; did you mean "filter"?`,
    );
  });

  it("keeps a size in px out of the plot: the chart's width and height, within their limits, set it", () => {
    const chart = armsChart();
    expect(errorOf({ ...chart, plot: { ...chart.plot, width: 40000 } })).toBe(
      `${F}, plot.width: ${message.invalid(`no width in px in the plot: the chart's width (200 to 2000 px) sets it; {"step": px} sizes bands`, 40000)}`,
    );
    expect(errorOf({ ...chart, width: 40000 })).toBe(`${F}, width: ${message.invalid("a whole number of px from 200 to 2000", 40000)}`);
    expect(validateDefinition({ ...chart, plot: { ...chart.plot, width: { step: 40 } } }, F)).toBeDefined();
  });

  it("takes breakpoints and overrides per breakpoint, and leaves alt text to be drafted", () => {
    const { alt: _, ...bare } = armsChart();
    const chart = { ...bare, breakpoints: [320, 600], at: { "320": { height: 400, plot: { mark: { type: "bar", width: 12 } }, annotations: [] } } };
    expect(validateDefinition(chart, F)).toEqual(chart);
    expect(errorOf({ ...chart, breakpoints: [320, 320] })).toBe(
      `${F}, breakpoints: expected a list of different widths in px from 200 to 2000, such as [320, 600, 1000] but received an array of 2`,
    );
    expect(errorOf({ ...chart, at: { "320": { width: 300 } } })).toBe(
      `${F}, at[320].width: expected one of the properties annotations, height, plot but received 300 of type number`,
    );
    expect(errorOf({ ...chart, at: { "320": { plot: { title: "T" } } } })).toBe(
      `${F}, at[320].plot.title: expected no title in the plot (the headline is the title) but received "T" of type string`,
    );
    expect(errorOf({ ...chart, at: { narrow: { height: 400 } } })).toMatch(new RegExp(`^${F}, at(\\.narrow)?: expected `));
  });

  it("keeps data, title and config out of the plot", () => {
    const chart = armsChart();
    expect(errorOf({ ...chart, plot: { ...chart.plot, title: "Arms" } })).toBe(
      `${F}, plot.title: expected no title in the plot (the headline is the title) but received "Arms" of type string`,
    );
    expect(errorOf({ ...chart, plot: { ...chart.plot, data: { values: [] } } })).toBe(
      `${F}, plot.data: expected no data in the plot (name the dataset in the chart's data) but received {"values":[]} of type object`,
    );
  });

  it("checks each annotation by its type", () => {
    const chart = armsChart();
    expect(errorOf({ ...chart, annotations: [{ type: "lable", at: { year: 2014 }, text: "x" }] })).toBe(
      `${F}, annotations[0].type: expected an annotation of type label, highlight, range, values or line-labels but received "lable" of type string`,
    );
    expect(errorOf({ ...chart, annotations: [{ type: "label", at: { year: 2014 } }] })).toBe(
      `${F}, annotations[0].text: expected a value (it is required) but received nothing`,
    );
    expect(errorOf({ ...chart, annotations: [{ type: "range", field: "year", from: 2015, to: 2021, txt: "gap" }] })).toBe(
      `${F}, annotations[0].txt: expected one of the properties field, from, text, to, type but received "gap" of type string; did you mean "text"?`,
    );
    expect(errorOf({ ...chart, annotations: [{ type: "label", at: {}, text: "x" }] })).toBe(
      `${F}, annotations[0].at: expected an object of field: value naming one data point, e.g. {"year": 2014} but received {} of type object`,
    );
  });
});

describe("validateDefinition(json, file): lint", () => {
  it("takes waivers of lint rules, each with a reason in words", () => {
    const chart = { ...armsChart(), lint: { waive: { "bar-baseline": "index chart starting at 100" } } };
    expect(validateDefinition(chart, F)).toEqual(chart);
    expect(errorOf({ ...chart, lint: { waive: { "bar-baseline": " " } } })).toBe(`${F}, lint.waive.bar-baseline: ${message.invalid("the reason the rule is waived, in words", " ")}`);
    expect(errorOf({ ...chart, lint: { waive: { "bar-baseline": true } } })).toBe(`${F}, lint.waive.bar-baseline: ${message.invalid("the reason the rule is waived, in words", true)}`);
    expect(errorOf({ ...chart, lint: { waiver: {} } })).toMatch(new RegExp(`^${F}, lint.waiver: expected one of the properties waive`));
  });
});

describe("loadChartDefinition(file)", () => {
  it("reads a definition whose slug matches its file name", async () => {
    const file = await write("russia-arms-to-vietnam.chart.json", armsChart());
    expect(await loadChartDefinition(file)).toEqual({ file, definition: armsChart() });
  });

  it("names the file when it is not JSON or its slug differs from its name", async () => {
    const broken = await write("broken.chart.json", '{ "slug": "broken", }');
    await expect(loadChartDefinition(broken)).rejects.toThrow(`broken.chart.json: ${message.invalidJson("Expected double-quoted property name in JSON at position 20 (line 1 column 21)")}`);
    const other = await write("other.chart.json", armsChart());
    await expect(loadChartDefinition(other)).rejects.toThrow(
      `other.chart.json, slug: ${message.invalid(message.expectedSlugOf("other"), "russia-arms-to-vietnam")}`,
    );
  });
});

describe("loadChartDefinitions(dir)", () => {
  it("reads every *.chart.json in name order and ignores other files", async () => {
    const folder = join(dir, "charts");
    await mkdir(folder);
    const b = { ...armsChart(), slug: "b-chart" };
    const a = { ...armsChart(), slug: "a-chart" };
    await writeFile(join(folder, "b-chart.chart.json"), JSON.stringify(b));
    await writeFile(join(folder, "a-chart.chart.json"), JSON.stringify(a));
    await writeFile(join(folder, "notes.json"), "not a chart");
    const charts = await loadChartDefinitions(folder);
    expect(charts.map((c) => c.definition.slug)).toEqual(["a-chart", "b-chart"]);
  });

  it("with onError, reports each definition that does not load by its file and reads the rest", async () => {
    const folder = join(dir, "mixed");
    await mkdir(folder);
    await writeFile(join(folder, "a-chart.chart.json"), JSON.stringify({ ...armsChart(), slug: "a-chart" }));
    await writeFile(join(folder, "b-chart.chart.json"), '{"slug": "b-chart", "slug": "b"}');
    await writeFile(join(folder, "c-chart.chart.json"), Buffer.from([0xff, 0xfe, 0x7b]));
    const failed: Array<[string, string]> = [];
    const charts = await loadChartDefinitions(folder, { root: folder, onError: (error, file) => failed.push([file, error.message]) });
    expect(charts.map((c) => c.definition.slug)).toEqual(["a-chart"]);
    expect(failed).toEqual([
      [join(folder, "b-chart.chart.json"), `b-chart.chart.json, slug: ${message.duplicateKey("slug")}`],
      [join(folder, "c-chart.chart.json"), `c-chart.chart.json: ${message.notUtf8(1, 1, 0xff)}`],
    ]);
  });

  it("refuses a definition over limits.definitionBytes or deeper than limits.jsonDepth before validating it", async () => {
    const big = await write("big.chart.json", { ...armsChart(), slug: "big", notes: "x".repeat(3000) });
    await expect(loadChartDefinition(big, { root: dir, limits: { definitionBytes: 2000 } })).rejects.toThrow(/^big\.chart\.json: the file's size in bytes is \d+, over the limit of 2000 \(raise limits\.definitionBytes/);
    const deep = await write("deep.chart.json", `{"slug": "deep", "plot": ${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}`);
    await expect(loadChartDefinition(deep, { root: dir })).rejects.toThrow(
      new ChartsError(message.overLimit("the nesting depth", 100, 5001, "limits.jsonDepth"), { file: "deep.chart.json", field: "plot.a.a.a.a.a..." }),
    );
  });

  it("says which folder it cannot read", async () => {
    await expect(loadChartDefinitions(join(dir, "missing"))).rejects.toThrow(/missing: cannot read the charts folder: /);
  });
});

describe("chart.schema.json", () => {
  it("allows exactly the house locales of @charts/numbers", async () => {
    const { LOCALES } = await import("@charts/numbers");
    const { readFileSync } = await import("node:fs");
    const schema = JSON.parse(readFileSync(new URL("../chart.schema.json", import.meta.url), "utf8"));
    expect(schema.properties.locale.enum).toEqual([...LOCALES]);
  });
});
