// The gates that keep `pnpm test` honest: turbo never replays a green log for a
// test task that reads the project's data or the source texts, a changed dataset
// row fails the snapshot comparison, and under CI a missing snapshot fails
// instead of being written.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { charts, root, scratchProject } from "./cli.ts";
import { comparePng, normalizeSvg } from "./snapshot.ts";

interface DryTask {
  taskId: string;
  task: string;
  package: string;
  directory: string;
  resolvedTaskDefinition: { cache: boolean; passThroughEnv: string[] | null };
}

const turbo = join(root, "node_modules/.bin/turbo");

function dryRun(): DryTask[] {
  const out = execFileSync(turbo, ["run", "typecheck", "test", "--dry=json"], { cwd: root, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  return (JSON.parse(out) as { tasks: DryTask[] }).tasks;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === "node_modules" || name.startsWith(".")) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.[cm]?ts$/.test(name) ? [path] : [];
  });
}

describe("turbo's cache", () => {
  const tasks = dryRun().filter((task) => task.task === "test");

  it("never caches the tasks that read the datasets, charts, config, snapshots or texts", () => {
    const uncached = tasks.filter((task) => !task.resolvedTaskDefinition.cache).map((task) => task.package);
    expect(uncached.sort()).toEqual(["@charts/e2e", "@charts/texts"]);
    for (const task of tasks.filter((t) => !t.resolvedTaskDefinition.cache)) {
      // turbo's strict mode hides undeclared variables: without this the texts folder a desk set would be ignored
      expect(task.resolvedTaskDefinition.passThroughEnv).toContain("CHARTS_TEXTS");
    }
  });

  it("caches only packages whose tests stay inside their own folder (a test climbing out of it must be uncached)", () => {
    // A tripwire, not a proof: a path built from the test file's own folder
    // that climbs three folders up from a package's test/ reaches the repository
    // root (datasets/, charts/, the texts beside it). Hostile strings a test
    // feeds to a check ("../../../etc/passwd") are not paths it reads.
    const climbsOut = /import\.meta\.(?:dirname|url)[^;\n]*?(?:(?:\.\.\/){3}|["'`]\.\.["'`]\s*,\s*["'`]\.\.["'`]\s*,\s*["'`]\.\.["'`])/;
    for (const task of tasks.filter((t) => t.resolvedTaskDefinition.cache)) {
      for (const file of filesUnder(join(root, task.directory, "test"))) {
        const text = readFileSync(file, "utf8");
        expect(climbsOut.test(text), `${relative(root, file)} reads outside ${task.directory}, so ${task.taskId} must not be cached`).toBe(false);
      }
    }
  });
});

describe("a changed dataset row", () => {
  it("changes the published SVG, so the committed snapshot no longer matches and pnpm test fails", async () => {
    // An unchecked build (no texts) of a consistent edit, value and the words
    // quoting it, as a desk's correction would be: the build itself passes.
    const project = scratchProject({ texts: "/nonexistent/texts" });
    const edit = (file: string, from: string, to: string) => {
      const path = join(project.dir, file);
      const original = readFileSync(path, "utf8");
      expect(original).toContain(from);
      writeFileSync(path, original.split(from).join(to));
    };
    edit("datasets/russia-arms-transfers/data.csv", "2022,72,", "2022,73,");
    edit("charts/russia-arms-transfers.chart.json", "$72m", "$73m");
    const run = await charts(["--config", project.configFile, "--allow-unchecked"]);
    expect(run.code).toBe(0);
    const svg = normalizeSvg(readFileSync(join(project.out, "russia-arms-transfers.svg"), "utf8"));
    const snapshot = readFileSync(join(root, "test/snapshots/russia-arms-transfers.svg"), "utf8");
    expect(svg).not.toBe(snapshot);
    expect(svg).toContain("$73m");
  });
});

describe("snapshots under CI", () => {
  it("a missing PNG snapshot fails under CI=true instead of being written", () => {
    const dir = mkdtempSync(join(tmpdir(), "charts-gates-"));
    const png = readFileSync(join(root, "test/snapshots/russia-arms-transfers.png"));
    const file = join(dir, "new-chart.png");
    const saved = process.env.CI;
    try {
      process.env.CI = "true";
      expect(() => comparePng(png, file, 0.005)).toThrow(/missing PNG snapshot/);
      expect(existsSync(file)).toBe(false);
      delete process.env.CI;
      expect(comparePng(png, file, 0.005).written).toBe(file);
    } finally {
      if (saved === undefined) delete process.env.CI;
      else process.env.CI = saved;
    }
  });

  it("a missing SVG file snapshot fails under CI=true instead of being written (vitest's own rule)", () => {
    // inside the repository, so the probe resolves vitest; .tmp/ is git-ignored
    mkdirSync(join(root, "test/.tmp"), { recursive: true });
    const dir = mkdtempSync(join(root, "test/.tmp/gates-"));
    const testFile = join(dir, "probe.test.ts");
    const snapshot = join(dir, "probe.svg");
    writeFileSync(
      testFile,
      `import { expect, it } from "vitest";\nit("probe", async () => { await expect("<svg/>").toMatchFileSnapshot(${JSON.stringify(snapshot)}); });\n`,
    );
    const vitest = join(root, "node_modules/.bin/vitest");
    const run = (ci: boolean) => {
      try {
        execFileSync(vitest, ["run", "--root", dir, testFile], {
          cwd: dir,
          env: { ...process.env, CI: ci ? "true" : "" },
          stdio: "pipe",
        });
        return 0;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    expect(run(true)).not.toBe(0);
    expect(existsSync(snapshot)).toBe(false);
    expect(run(false)).toBe(0);
    expect(readFileSync(snapshot, "utf8")).toBe("<svg/>");
    rmSync(dir, { recursive: true, force: true });
  });
});
