import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ChartsError, DEFAULT_LIMITS, message } from "@charts/errors";
import { DEFAULT_SETTINGS } from "@charts/lint";
import { DEFAULT_SEED } from "@charts/render";
import { display, loadConfig, parseNow, parseSeed, parseShard } from "../src/config.ts";
import { lintSettings } from "../src/build/lintSettings.ts";

function project(config: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "charts-config-"));
  writeFileSync(join(dir, "charts.config.json"), JSON.stringify(config));
  return dir;
}
const valid = { texts: "../texts", datasets: "datasets", sources: "datasets/sources.json", charts: "charts", out: "dist/charts" };

describe("loadConfig(options)", () => {
  const saved = process.env.CHARTS_TEXTS;
  afterEach(() => {
    if (saved === undefined) delete process.env.CHARTS_TEXTS;
    else process.env.CHARTS_TEXTS = saved;
  });

  it("finds charts.config.json from a folder below the root and resolves its folders against the root", () => {
    const root = project(valid);
    mkdirSync(join(root, "charts/deep"), { recursive: true });
    delete process.env.CHARTS_TEXTS;
    const config = loadConfig({ start: join(root, "charts/deep") });
    expect(config.root).toBe(root);
    expect(config.texts).toBe(join(root, "../texts"));
    expect(config.out).toBe(join(root, "dist/charts"));
    expect(display(config, config.out)).toBe("dist/charts");
    expect(display(config, "/elsewhere/x")).toBe("/elsewhere/x");
  });

  it("reads the breakpoints, narrowest first, and uses 320, 600 and 1000 when the file names none", () => {
    expect(loadConfig({ start: project(valid) }).breakpoints).toEqual([320, 600, 1000]);
    expect(loadConfig({ start: project({ ...valid, breakpoints: [1200, 360] }) }).breakpoints).toEqual([360, 1200]);
    for (const bad of [[], [320, 320], [100], [320.5], "320", [320, "600"]]) {
      const root = project({ ...valid, breakpoints: bad });
      expect(() => loadConfig({ start: root }), JSON.stringify(bad)).toThrow(
        `${join(root, "charts.config.json")}, breakpoints: ${message.invalid(message.expectedBreakpoints(), bad)}`,
      );
    }
  });

  it("lets --texts win over CHARTS_TEXTS, which wins over the file", () => {
    const root = project(valid);
    process.env.CHARTS_TEXTS = "/from/env";
    expect(loadConfig({ start: root }).texts).toBe("/from/env");
    expect(loadConfig({ start: root, texts: "/from/option" }).texts).toBe("/from/option");
    expect(loadConfig({ start: root, out: "/tmp/out" }).out).toBe("/tmp/out");
  });

  it("names the file and the key of a bad value, and says when there is no config at all", () => {
    const root = project({ ...valid, out: 3 });
    expect(() => loadConfig({ start: root })).toThrow(
      `${join(root, "charts.config.json")}, out: expected a folder path but received 3 of type number`,
    );
    expect(() => loadConfig({ start: "/" })).toThrow("no charts.config.json in / or any folder above it");
    const badBase = project({ ...valid, baseUrl: "https://cdn.example/charts" });
    expect(() => loadConfig({ start: badBase })).toThrow("baseUrl: expected a URL or path ending in / but received");
    expect(loadConfig({ start: project({ ...valid, baseUrl: "https://cdn.example/charts/" }) }).baseUrl).toBe("https://cdn.example/charts/");
  });
});

describe("lint", () => {
  it("takes every rule at its default, changed by the file's `lint`, and names a bad key (read by lintSettings, not by loadConfig)", () => {
    expect(lintSettings(loadConfig({ start: project(valid) }))).toEqual(DEFAULT_SETTINGS);
    const lint = lintSettings(loadConfig({ start: project({ ...valid, lint: { "dual-axis": "error", "text-size": { min: 11 } } }) }));
    expect([lint["dual-axis"]!.severity, lint["text-size"]!.options.min, lint["text-contrast"]]).toEqual(["error", 11, DEFAULT_SETTINGS["text-contrast"]]);
    const root = project({ ...valid, lint: { "dual-axes": "error" } });
    // loading the config leaves the linter's rules unloaded: the bad key is found where charts are linted
    const config = loadConfig({ start: root });
    expect(() => lintSettings(config)).toThrow(`${join(root, "charts.config.json")}, lint.dual-axes: expected one of the lint rules`);
  });

});

describe("allowLinks and --seed", () => {
  it("keeps links by default and refuses them with allowLinks: false; anything else is an error", () => {
    expect(loadConfig({ start: project(valid) }).allowLinks).toBe(true);
    expect(loadConfig({ start: project({ ...valid, allowLinks: false }) }).allowLinks).toBe(false);
    expect(() => loadConfig({ start: project({ ...valid, allowLinks: "no" }) })).toThrow(/allowLinks: expected true or false but received "no" of type string/);
  });

  it("parses --seed as a whole number, default DEFAULT_SEED", () => {
    expect(parseSeed(undefined)).toBe(DEFAULT_SEED);
    expect(parseSeed("42")).toBe(42);
    expect(parseSeed("4294967295")).toBe(4294967295);
    for (const bad of ["-1", "1.5", "x", "4294967296", ""]) expect(() => parseSeed(bad)).toThrow(`--seed: ${message.seed(bad)}`);
  });
});

describe("limits", () => {
  it("are the defaults unless charts.config.json raises or lowers some of them", () => {
    expect(loadConfig({ start: project(valid) }).limits).toEqual(DEFAULT_LIMITS);
    expect(loadConfig({ start: project({ ...valid, limits: { datasetRows: 50_000, plotPixels: 100_000_000 } }) }).limits).toEqual({
      ...DEFAULT_LIMITS,
      datasetRows: 50_000,
      plotPixels: 100_000_000,
    });
  });

  it("names the file and the key of a limit that is unknown or not a whole number above 0", () => {
    const file = (root: string) => join(root, "charts.config.json");
    const known = Object.keys(DEFAULT_LIMITS);
    const unknown = project({ ...valid, limits: { rows: 10 } });
    expect(() => loadConfig({ start: unknown })).toThrow(new ChartsError(message.invalid(message.expectedLimitName(known), "rows"), { file: file(unknown), field: "limits.rows" }));
    for (const bad of [0, -1, 1.5, "10", null]) {
      const root = project({ ...valid, limits: { datasetRows: bad } });
      expect(() => loadConfig({ start: root })).toThrow(new ChartsError(message.invalid(message.expectedLimitValue(), bad), { file: file(root), field: "limits.datasetRows" }));
    }
    const list = project({ ...valid, limits: [1] });
    expect(() => loadConfig({ start: list })).toThrow(new ChartsError(message.invalid(message.expectedLimits(known), [1]), { file: file(list), field: "limits" }));
  });

  it("refuses a key written twice in the config, as every JSON file a desk writes", () => {
    const root = mkdtempSync(join(tmpdir(), "charts-config-"));
    writeFileSync(join(root, "charts.config.json"), '{"texts": "a", "texts": "b"}');
    expect(() => loadConfig({ start: root })).toThrow(new ChartsError(message.duplicateKey("texts"), { file: join(root, "charts.config.json"), field: "texts" }));
  });
});

describe("parseShard(value)", () => {
  it("reads I/N, the I-th of N parts, and refuses anything else with the value received", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard("1/1")).toEqual({ index: 1, count: 1 });
    for (const bad of ["0/4", "5/4", "2", "a/b", "2/0", "-1/3"]) {
      expect(() => parseShard(bad)).toThrow(new ChartsError(message.invalid(message.expectedShard(), bad), { field: "--shard" }).message);
    }
  });
});

describe("parseNow(value)", () => {
  const saved = process.env.SOURCE_DATE_EPOCH;
  afterEach(() => {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  });

  it("takes --now, else SOURCE_DATE_EPOCH, else the real clock (undefined)", () => {
    delete process.env.SOURCE_DATE_EPOCH;
    expect(parseNow(undefined)).toBeUndefined();
    expect(parseNow("2024-06-20T08:00:00Z")!.toISOString()).toBe("2024-06-20T08:00:00.000Z");
    process.env.SOURCE_DATE_EPOCH = "1718870400";
    expect(parseNow(undefined)!.toISOString()).toBe("2024-06-20T08:00:00.000Z");
    expect(parseNow("2024-06-21T00:00:00Z")!.toISOString()).toBe("2024-06-21T00:00:00.000Z");
  });

  it("refuses a date that is not an ISO date and time, and an epoch that is not whole seconds", () => {
    expect(() => parseNow("yesterday")).toThrow(`--now: ${message.invalid(message.expectedNow(), "yesterday")}`);
    expect(() => parseNow("2024-06-20")).toThrow(`--now: ${message.invalid(message.expectedNow(), "2024-06-20")}`);
    process.env.SOURCE_DATE_EPOCH = "soon";
    expect(() => parseNow(undefined)).toThrow(`SOURCE_DATE_EPOCH: ${message.invalid(message.expectedEpoch(), "soon")}`);
  });
});

describe("the cache folder", () => {
  it("is beside the publish folder by default, or where charts.config.json's cache says", () => {
    expect(loadConfig({ file: join(project(valid), "charts.config.json") }).cache).toMatch(/\/dist\/\.charts\.cache$/);
    const root = project({ ...valid, cache: "tmp/cache" });
    expect(loadConfig({ file: join(root, "charts.config.json") }).cache).toBe(join(root, "tmp/cache"));
    expect(() => loadConfig({ file: join(project({ ...valid, cache: 3 }), "charts.config.json") })).toThrow(`cache: ${message.invalid(message.expectedFolderPath(), 3)}`);
  });
});
