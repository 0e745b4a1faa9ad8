import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { message } from "@charts/errors";
import { charts, root } from "./cli.ts";

const fixtures = join(root, "test/fixtures");

describe("charts render SPEC -o OUT", () => {
  const out = mkdtempSync(join(tmpdir(), "charts-render-"));

  it("renders a Vega-Lite spec with a relative data URL to SVG, resolving the URL against the spec's folder", async () => {
    const run = await charts(["render", join(fixtures, "standalone.vl.json"), "-o", join(out, "a.svg")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const svg = readFileSync(join(out, "a.svg"), "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    for (const label of [">A<", ">B<", ">C<"]) expect(svg).toContain(label);
  });

  it("renders to PNG at --scale 2, with --base for the data URLs", async () => {
    const run = await charts(["render", join(fixtures, "standalone.vl.json"), "-o", join(out, "a.png"), "--scale", "2", "--base", fixtures]);
    expect(run.code).toBe(0);
    const one = await charts(["render", join(fixtures, "standalone.vl.json"), "-o", join(out, "b.png")]);
    expect(one.code).toBe(0);
    const a = PNG.sync.read(readFileSync(join(out, "a.png")));
    const b = PNG.sync.read(readFileSync(join(out, "b.png")));
    expect([a.width, a.height]).toEqual([b.width * 2, b.height * 2]);
  });

  it("renders a Vega spec", async () => {
    const run = await charts(["render", join(fixtures, "standalone.vg.json"), "-o", join(out, "c.svg")]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(out, "c.svg"), "utf8")).toContain("<path");
  });

  it("rejects a bad scale and a wrong base with the value received", async () => {
    const bad = await charts(["render", join(fixtures, "standalone.vl.json"), "-o", join(out, "d.png"), "--scale", "0"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--scale: expected a number above 0 and at most 10 but received \"0\" of type string");
    const missing = await charts(["render", join(fixtures, "standalone.vl.json"), "-o", join(out, "e.svg"), "--base", "/nonexistent"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("standalone.csv");
  });
});

describe("charts render A B ... -o DIR (batch)", () => {
  const dir = mkdtempSync(join(tmpdir(), "charts-render-batch-"));
  const specs = join(dir, "specs");

  it("renders several specs in one process, each to the bytes a render of it alone gives", async () => {
    cpSync(join(fixtures, "data"), join(specs, "data"), { recursive: true });
    cpSync(join(fixtures, "standalone.vl.json"), join(specs, "bars.vl.json"));
    cpSync(join(fixtures, "standalone.vg.json"), join(specs, "lines.vg.json"));
    const batch = await charts(["render", join(specs, "bars.vl.json"), join(specs, "lines.vg.json"), "-o", join(dir, "out")]);
    expect(batch.stderr).toBe("");
    expect(batch.code).toBe(0);
    expect(batch.stdout.trim().split("\n")).toEqual([
      `✓ ${join(specs, "bars.vl.json")} -> ${join(dir, "out", "bars.svg")}`,
      `✓ ${join(specs, "lines.vg.json")} -> ${join(dir, "out", "lines.svg")}`,
      `2 of 2 specs rendered, 0 failed -> ${join(dir, "out")}`,
    ]);
    for (const name of ["bars", "lines"]) {
      const spec = join(specs, `${name}.${name === "bars" ? "vl" : "vg"}.json`);
      const alone = await charts(["render", spec, "-o", join(dir, `${name}-alone.svg`)]);
      expect(alone.code).toBe(0);
      expect(readFileSync(join(dir, "out", `${name}.svg`), "utf8")).toBe(readFileSync(join(dir, `${name}-alone.svg`), "utf8"));
    }
  });

  it("renders a folder of specs to PNG; a bad spec fails alone, with its line, and the exit code says so", async () => {
    const folder = join(dir, "folder");
    cpSync(specs, folder, { recursive: true });
    writeFileSync(join(folder, "wrong.vl.json"), JSON.stringify({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitive" } } }));
    const run = await charts(["render", folder, "-o", join(dir, "png"), "--format", "png", "--scale", "2"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`✗ ${join(folder, "wrong.vl.json")}: ${message.vegaLiteCompile('Invalid field type "undefined".')}`);
    expect(run.stdout).toMatch(/^2 of 3 specs rendered, 1 failed/m);
    expect(readdirSync(join(dir, "png")).sort()).toEqual(["bars.png", "lines.png"]);
    const png = PNG.sync.read(readFileSync(join(dir, "png", "bars.png")));
    const alone = await charts(["render", join(specs, "bars.vl.json"), "-o", join(dir, "bars-1x.png")]);
    expect(alone.code).toBe(0);
    expect(png.width).toBe(2 * PNG.sync.read(readFileSync(join(dir, "bars-1x.png"))).width);
  });

  it("refuses a file as the output of several specs, and --format for one", async () => {
    const several = await charts(["render", join(specs, "bars.vl.json"), join(specs, "lines.vg.json"), "-o", join(dir, "x.svg")]);
    expect(several.code).toBe(1);
    expect(several.stderr).toContain(`-o: ${message.invalid(message.expectedOutputFolder(), join(dir, "x.svg"))}`);
    const one = await charts(["render", join(specs, "bars.vl.json"), "-o", join(dir, "y.svg"), "--format", "png"]);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain("--format: does not apply here");
  });
});

describe("charts --help", () => {
  it("documents every command and option", async () => {
    const run = await charts(["--help"]);
    expect(run.code).toBe(0);
    for (const word of ["build", "check", "extract", "render", "CHARTS_TEXTS"]) expect(run.stdout).toContain(word);
    const render = await charts(["render", "--help"]);
    for (const option of ["--out", "--scale", "--base"]) expect(render.stdout).toContain(option);
    const build = await charts(["build", "--help"]);
    for (const option of ["--texts", "--out", "--config"]) expect(build.stdout).toContain(option);
  });
});
