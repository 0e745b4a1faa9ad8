import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
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
