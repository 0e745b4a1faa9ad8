import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "@charts/errors";
import { DEFAULT_SETTINGS } from "@charts/lint";
import type { ChartDefinition } from "@charts/specs";
import { chartInputs, type BuildSettings } from "../src/build/chartInputs.ts";
import { loadInputs } from "../src/build/loadInputs.ts";
import { loadConfig } from "../src/config.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));

describe("chartInputs", () => {
  let inputs: Awaited<ReturnType<typeof loadInputs>>;
  let definition: ChartDefinition;
  const settings: BuildSettings = { tool: "t", lint: DEFAULT_SETTINGS, breakpoints: [320, 600, 1000], seed: 1, allowLinks: true, limits: DEFAULT_LIMITS, baseUrl: "/charts/" };
  beforeAll(async () => {
    inputs = await loadInputs(loadConfig({ file: join(root, "charts.config.json") }));
    ({ definition } = inputs.usable(inputs.charts.find((chart) => chart.slug === "russia-arms-transfers")!, (path) => path));
  });
  const key = (of: ChartDefinition, more: Partial<BuildSettings> = {}) =>
    chartInputs(of, "charts/russia-arms-transfers.chart.json", { datasets: inputs.datasets, sources: inputs.sources, verification: undefined, settings: { ...settings, ...more } });

  it("holds the build's clock only for a chart whose expressions call now()", () => {
    expect(key(definition, { now: "2024-06-20T08:00:00.000Z" })).toBe(key(definition));
    expect(key(definition, { now: "2030-01-01T00:00:00.000Z" })).toBe(key(definition));
    const recent = { ...definition, data: { dataset: "russia-arms-transfers", filter: "datum.year >= year(now()) - 10" } };
    expect(key(recent, { now: "2024-06-20T08:00:00.000Z" })).not.toBe(key(recent, { now: "2030-01-01T00:00:00.000Z" }));
    expect(key(recent, { now: "2024-06-20T08:00:00.000Z" })).toBe(key(recent, { now: "2024-06-20T08:00:00.000Z" }));
    // without a clock given, the chart is drawn at the build's start and re-rendered only when its inputs change
    expect(key(recent)).toBe(key(recent));
  });

  it("changes with anything the chart is made from: a setting, the seed", () => {
    expect(key(definition, { seed: 2 })).not.toBe(key(definition));
    expect(key(definition, { breakpoints: [320] })).not.toBe(key(definition));
  });
});
