// The renderers that drew the committed snapshots are recorded beside them,
// in test/snapshots/renderers.json. When the installed ones differ, this test
// fails and names them, so the snapshot diffs that come with an upgrade are
// read as what they are: a renderer's change, not a chart's.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rendererVersions } from "@charts/render";
import { charts, root, scratchProject } from "./cli.ts";

const file = join(root, "test/snapshots/renderers.json");
const update = "CHARTS_UPDATE_SNAPSHOTS=1 pnpm --filter @charts/e2e test -u";

describe("the renderers", () => {
  it("are those that drew the committed snapshots (test/snapshots/renderers.json)", async () => {
    const installed: Record<string, string> = await rendererVersions();
    if (process.env.CHARTS_UPDATE_SNAPSHOTS === "1") writeFileSync(file, `${JSON.stringify(installed, null, 2)}\n`);
    expect(existsSync(file), `${file} is missing: run ${update} and commit it with the snapshots`).toBe(true);
    const recorded = JSON.parse(readFileSync(file, "utf8")) as Record<string, string>;
    const changed = [...new Set([...Object.keys(recorded), ...Object.keys(installed)])]
      .filter((name) => recorded[name] !== installed[name])
      .map((name) => `${name} ${recorded[name] ?? "(not recorded)"} -> ${installed[name] ?? "(not installed)"}`);
    expect(
      changed,
      `The renderers changed since the snapshots were made (${changed.join(", ")}): read the SVG and PNG snapshot ` +
        `diffs as what this upgrade changed, then rewrite the snapshots and test/snapshots/renderers.json with ` +
        `\`${update}\` and commit them together.`,
    ).toEqual([]);
  });

  it("are recorded in the manifest of a build", async () => {
    const project = scratchProject();
    const run = await charts(["--config", project.configFile]);
    expect(run.code, run.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(project.out, "manifest.json"), "utf8"));
    expect(manifest.renderers).toEqual(await rendererVersions());
  }, 120_000);
});
