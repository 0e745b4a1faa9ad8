// The command line as a desk meets it: versions, help, exit codes, options
// that do not apply, and the scripts beside `charts`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import cliPackage from "../../apps/cli/package.json" with { type: "json" };
import { charts, root } from "./cli.ts";

/** A root script as `pnpm <name>` runs it (same node, same preload). */
function script(name: string, args: string[]) {
  const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  const [, ...nodeArgs] = scripts[name]!.split(" ");
  return spawnSync(process.execPath, [...nodeArgs, ...args], { cwd: root, encoding: "utf8", timeout: 30_000 });
}

describe("charts", () => {
  it("--version prints the tool's version", async () => {
    const run = await charts(["--version"]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(cliPackage.version);
  });

  it("exits 2 on a usage error (unknown option, missing argument), naming it", async () => {
    const unknown = await charts(["--bogus"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown option '--bogus'");
    const missing = await charts(["extract"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument");
  });

  it("has --help on every command", async () => {
    for (const command of ["build", "check", "extract", "render"]) {
      const run = await charts([command, "--help"]);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toContain(`Usage: charts ${command}`);
    }
  });

  it("refuses --scale for an SVG output instead of ignoring it", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "charts-cli-")), "x.svg");
    const run = await charts(["render", join(root, "test/fixtures/standalone.vl.json"), "-o", out, "--scale", "2"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`--scale: ${message.optionDoesNotApply("an SVG has no pixels; give an output ending in .png")}`);
  });
});

describe("the other root scripts", () => {
  it("pnpm serve --help and pnpm bench --help print their usage and exit 0", () => {
    for (const name of ["serve", "bench"]) {
      const run = script(name, ["--help"]);
      expect(run.status, `${name}: ${run.stderr}`).toBe(0);
      expect(run.stdout).toContain(`pnpm ${name}`);
      expect(run.stderr).toBe("");
    }
  });

  it("pnpm bench with an unknown option says so, without a stack trace, and exits 2", () => {
    const run = script("bench", ["--nope"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--nope'");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
