// `pnpm charts` on a publish folder that someone damaged: the next build
// publishes past it, says what was wrong in one line, and never blocks; a
// folder publish did not make is refused and left exactly as it was.
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, truncateSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { charts, scratchProject, type Run } from "./cli.ts";

interface Manifest {
  charts: Array<{ slug: string; changes: unknown[]; variants: Array<{ png: { name: string; stable: string } }> }>;
}
const readManifest = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
const releaseOf = (out: string) => resolve(dirname(out), readlinkSync(out));
/**
 * The lines a build wrote to stderr: warnings ("! ..."), errors, failed charts.
 * The wording is the catalogue's (packages/errors/src/message.ts, tested
 * there against the catalogue); here only what identifies each line is matched.
 */
const complaints = (run: Run) => run.stderr.split("\n").filter((line) => line.trim());

describe("pnpm charts over a damaged publish folder", () => {
  const project = scratchProject();
  const build = () => charts(["--config", project.configFile]);
  let slugs: string[];

  beforeAll(async () => {
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    slugs = readManifest(project.out).charts.map((chart) => chart.slug);
  }, 120_000);

  it("publishes past a truncated manifest, with one warning, every chart afresh", async () => {
    truncateSync(join(project.out, "manifest.json"), 100);
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(complaints(run)).toEqual([expect.stringMatching(/^! .*: the published release cannot be trusted \(.*manifest\.json: cannot read the manifest: .*\); every chart is published afresh, without its corrections trail$/)]);
    expect(readManifest(project.out).charts.map((chart) => chart.slug)).toEqual(slugs);
    expect(run.stdout).toContain(`${slugs.length} charts built, 0 failed`);
  }, 120_000);

  it("publishes past a release folder removed by hand (a dangling symlink), with one warning", async () => {
    rmSync(releaseOf(project.out), { recursive: true });
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(complaints(run)).toEqual([expect.stringMatching(/: the published release cannot be trusted \(points at release \d{8}T\d{9}Z-\w+, which does not exist\); every chart is published afresh/)]);
    expect(existsSync(join(project.out, "manifest.json"))).toBe(true);
  }, 120_000);

  it("publishes afresh only the chart whose file is missing, and says which", async () => {
    const [slug] = slugs;
    const png = readManifest(project.out).charts.find((chart) => chart.slug === slug)!.variants[0]!.png;
    unlinkSync(join(releaseOf(project.out), png.name));
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(complaints(run)).toEqual([expect.stringMatching(new RegExp(`^! .*: the published release cannot be trusted \\(${png.name}: missing\\); ${slug} is published afresh`))]);
    expect(existsSync(join(project.out, png.name))).toBe(true);
  }, 120_000);

  it("notices a file rewritten in place at its size (a new modification time), though the last build's record trusts the others unread", async () => {
    const slug = slugs[1]!;
    const png = readManifest(project.out).charts.find((chart) => chart.slug === slug)!.variants[0]!.png;
    const path = join(releaseOf(project.out), png.name);
    const bytes = readFileSync(path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(path, bytes);
    const run = await build();
    expect(run.code, run.stderr).toBe(0);
    expect(complaints(run)).toEqual([
      expect.stringMatching(new RegExp(`^! .*: the published release cannot be trusted \\(${png.name}: .*\\); ${slug} is published afresh`)),
    ]);
    expect(readFileSync(join(project.out, png.name)).equals(bytes)).toBe(false);
  }, 120_000);

  it("refuses a plain folder where the symlink should be, and leaves it as it was", async () => {
    const release = releaseOf(project.out);
    unlinkSync(project.out);
    mkdirSync(project.out);
    writeFileSync(join(project.out, "notes.txt"), "a desk's own file");
    const run = await build();
    expect(run.code).toBe(1);
    expect(complaints(run)).toEqual([expect.stringMatching(/^error: .*: expected a symlink to a release made by publish \(or nothing\) but found a directory; /)]);
    expect(readdirSync(project.out)).toEqual(["notes.txt"]);
    expect(existsSync(join(release, "manifest.json"))).toBe(true);
  }, 120_000);
});
