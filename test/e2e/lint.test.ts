// The linter through the real CLI: `charts lint` alone (a table, JSON, its exit
// code) and the build's gate (a chart with a lint error is not published: its
// last good version stays, stale with the first finding; warnings are printed
// and counted; a waiver lets a chart through, its reason shown).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { lintSettings, loadConfig } from "@charts/cli";
import { DEFAULT_SETTINGS, type Finding } from "@charts/lint";
import { charts, root, scratchProject } from "./cli.ts";

const SLUG = "russia-vietnam-trade";

/**
 * The chart's derived-bar label as it was before the linter: centred on the bar. Where it would cross the
 * bar's edges (320 and 600 px) the build moves it below the plot and leaves its marker "A" in the bar; the
 * marker there, and the label inside the bar at 1000 px, are grey on the bar's #0072b2 at 35%: 4.19:1.
 */
function breakLabel(dir: string, extra: Record<string, unknown> = {}): void {
  const file = join(dir, "charts", `${SLUG}.chart.json`);
  const definition = JSON.parse(readFileSync(file, "utf8"));
  const label = definition.annotations.find((a: { type: string }) => a.type === "label");
  delete label.align;
  delete label.dx;
  label.dy = 30;
  writeFileSync(file, JSON.stringify({ ...definition, ...extra }, null, 2));
}

interface ManifestChart {
  slug: string;
  hash: string;
  stale?: { since: string; reason: string };
  variants: Array<{ name: string; svg: { sha256: string } }>;
}
const manifest = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { charts: ManifestChart[] };

describe("charts.config.json", () => {
  it("spells out every lint rule at its default (a desk changing its policy changes this test and the README)", () => {
    expect(lintSettings(loadConfig({ file: join(root, "charts.config.json") }))).toEqual(DEFAULT_SETTINGS);
  });
});

describe("pnpm charts lint", () => {
  it("passes the first story: no findings, exit 0", async () => {
    const run = await charts(["lint"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("0 errors, 0 warnings in 4 charts");
    expect(run.code).toBe(0);
  }, 120_000);

  describe("on a chart that breaks a rule", () => {
    const project = scratchProject();
    let table: Awaited<ReturnType<typeof charts>>;
    let json: Awaited<ReturnType<typeof charts>>;
    beforeAll(async () => {
      breakLabel(project.dir);
      [table, json] = [await charts(["lint", "--config", project.configFile]), await charts(["lint", SLUG, "--json", "--config", project.configFile])];
    }, 180_000);

    it("prints a table: chart, variant, rule, severity, element, measured against threshold; a count; exit 1", () => {
      const lines = table.stdout.trim().split("\n");
      expect(lines[0]).toMatch(/^chart +variant +rule +severity +element +measured +threshold$/);
      expect(lines.slice(1, -1)).toEqual([
        expect.stringMatching(/^russia-vietnam-trade +320, default +text-contrast +error +label "A" +4\.\d\d:1 +≥ 4\.5:1$/),
        expect.stringMatching(/^russia-vietnam-trade +1000 +text-contrast +error +label "Derived: twice the 2023 figure" +4\.\d\d:1 +≥ 4\.5:1$/),
      ]);
      expect(lines.at(-1)).toBe("2 errors, 0 warnings in 4 charts");
      expect(table.stderr).toBe("");
      expect(table.code).toBe(1);
    });

    it("prints the findings of the charts named as JSON with --json", () => {
      const findings = JSON.parse(json.stdout) as Finding[];
      expect(findings.map((f) => [f.chart, f.file, f.rule, f.severity, f.variants])).toEqual([
        [SLUG, `charts/${SLUG}.chart.json`, "text-contrast", "error", ["320", "default"]],
        [SLUG, `charts/${SLUG}.chart.json`, "text-contrast", "error", ["1000"]],
      ]);
      expect(findings[1]!.message).toMatch(/^label "Derived: twice the 2023 figure" in #595959 on #a6cee4 has 4\.\d\d:1, under 4\.5:1 \(WCAG 1\.4\.3\)$/);
      expect(json.code).toBe(1);
    });

    it("refuses a slug that names no chart", async () => {
      const run = await charts(["lint", "russia-arms", "--config", project.configFile]);
      expect(run.stderr).toMatch(/^error: charts lint: expected the slug of a chart in charts \(russia-arms-transfers, .*\) but received "russia-arms"/);
      expect(run.code).toBe(1);
    }, 60_000);
  });
});

describe("pnpm charts, gated by the linter", () => {
  const project = scratchProject();
  let first: Awaited<ReturnType<typeof charts>>;
  let broken: Awaited<ReturnType<typeof charts>>;
  let findings: Finding[];
  let before: ManifestChart;
  beforeAll(async () => {
    first = await charts(["--config", project.configFile]);
    before = manifest(project.out).charts.find((c) => c.slug === SLUG)!;
    breakLabel(project.dir);
    broken = await charts(["--config", project.configFile]);
    findings = JSON.parse((await charts(["lint", SLUG, "--json", "--config", project.configFile])).stdout);
  }, 300_000);

  it("publishes the others and fails the chart with one ✗ line naming its first finding and the count, exit 1", () => {
    expect(first.code).toBe(0);
    const [error] = findings;
    const line = `charts/${SLUG}.chart.json: ${message.lintFailed(`${error!.rule} (${error!.variants.join(", ")}): ${error!.message}`, findings.length)}`;
    expect(broken.stderr.trim().split("\n")).toEqual([`✗ ${SLUG.padEnd(32)} ${line}`]);
    // the other three, unchanged, are carried over as published (incremental build)
    expect(broken.stdout).toMatch(/^= 3 charts unchanged \(inputs as published\): carried over, not rendered$/m);
    expect(broken.stdout).toMatch(/^3 charts built, 1 failed \(russia-vietnam-trade\) in [\d.]+ s -> out\/charts$/m);
    expect(broken.code).toBe(1);
  });

  it("keeps the chart's last good version, marked stale with the finding as reason", () => {
    const published = manifest(project.out).charts.find((c) => c.slug === SLUG)!;
    expect(published.stale?.reason).toBe(broken.stderr.trim().replace(/^✗ \S+ +/, ""));
    expect(published.stale?.reason).toContain('text-contrast (320, default): label "A" in #595959 on #a6cee4 has 4.19:1, under 4.5:1 (WCAG 1.4.3)');
    expect(published.stale?.reason).toContain("(and 1 more lint error: pnpm charts lint lists them)");
    // the version of the build before, its files untouched
    expect(published.hash).toBe(before.hash);
    expect(published.variants.map((v) => v.svg.sha256)).toEqual(before.variants.map((v) => v.svg.sha256));
    const sha256 = createHash("sha256").update(readFileSync(join(project.out, `${SLUG}.svg`))).digest("hex");
    expect(sha256).toBe(before.variants.find((v) => v.name === "default")!.svg.sha256);
  });

  it("publishes a chart that waives the rules with reasons, shows the reasons, and prints and counts its warnings", async () => {
    breakLabel(project.dir, {
      lint: { waive: { "text-contrast": "tested with readers at 4.19:1" } },
    });
    // the alt text of another chart left to be drafted: a warning
    const arms = join(project.dir, "charts/russia-arms-transfers.chart.json");
    const { alt: _, ...drafted } = JSON.parse(readFileSync(arms, "utf8"));
    writeFileSync(arms, JSON.stringify(drafted, null, 2));
    const build = await charts(["--config", project.configFile]);
    expect(build.stderr.trim().split("\n")).toEqual([`! russia-arms-transfers alt-drafted (all): ${message.altDrafted()}`]);
    expect(build.stdout).toMatch(/^4 charts built, 0 failed in [\d.]+ s -> out\/charts; 1 lint warning$/m);
    expect(build.code).toBe(0);
    expect(manifest(project.out).charts.find((c) => c.slug === SLUG)!.stale).toBeUndefined();
    const lint = await charts(["lint", "--config", project.configFile]);
    const waived = lint.stdout.split("\n").filter((l) => / waived /.test(l));
    expect(waived).toEqual([
      expect.stringMatching(/ text-contrast +waived .* \(waived: tested with readers at 4\.19:1\)$/),
      expect.stringMatching(/ text-contrast +waived .* \(waived: tested with readers at 4\.19:1\)$/),
    ]);
    expect(lint.stdout.trim().split("\n").at(-1)).toBe("0 errors, 1 warning (2 waived) in 4 charts");
    expect(lint.code).toBe(0);
  }, 300_000);
});
