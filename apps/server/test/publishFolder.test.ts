import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { publish, type Manifest } from "@charts/publish";
import { lastModifiedOf, openPublishFolder } from "../src/index.ts";
import { syntheticChart } from "./fixtures/charts.ts";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "publish-folder-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("lastModifiedOf(manifest)", () => {
  it("dates content-covered names by lastChanged, snippets by the release, old versions by their own date", async () => {
    const outDir = join(root, "dates");
    await publish({ outDir, charts: [syntheticChart("arms")], toolVersion: "1", sync: false, now: new Date("2024-06-19T08:00:00Z") });
    const { manifest } = await publish({ outDir, charts: [syntheticChart("arms", 2)], toolVersion: "1", sync: false, now: new Date("2024-06-20T08:00:00Z") });
    const { manifest: last } = await publish({ outDir, charts: [syntheticChart("arms", 2)], toolVersion: "2", sync: false, now: new Date("2024-06-21T08:00:00Z") });
    const dates = lastModifiedOf(last);
    const arms = last.charts[0]!;
    for (const name of ["arms.svg", "arms.png", "arms@2x.png", "arms.vl.json", arms.variants[0]!.svg.name]) expect(dates.get(name), name).toBe("2024-06-20T08:00:00.000Z");
    expect(dates.get("arms.html")).toBe("2024-06-21T08:00:00.000Z");
    expect(dates.get(arms.changes[0]!.from.files[0]!.name)).toBe("2024-06-19T08:00:00.000Z");
    expect(manifest.charts[0]!.lastChanged).toBe(arms.lastChanged);
  });
});

describe("openPublishFolder(dir).current()", () => {
  it("tells nothing published from a release that does not match the manifest schema, naming the file and field", async () => {
    const folder = openPublishFolder(join(root, "nothing"));
    await expect(folder.current()).rejects.toMatchObject({ where: { field: "nothing-published" }, message: expect.stringContaining(message.nothingPublished()) });

    const outDir = join(root, "shape");
    const { releaseDir } = await publish({ outDir, charts: [syntheticChart("arms")], toolVersion: "1", sync: false });
    const manifest = JSON.parse(await readFile(join(releaseDir, "manifest.json"), "utf8")) as Manifest;
    (manifest.charts[0]!.variants[0]!.svg as { type: string }).type = "text/javascript";
    await writeFile(join(releaseDir, "manifest.json"), JSON.stringify(manifest));
    const error = await openPublishFolder(outDir).current().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ChartsError);
    expect((error as ChartsError).where).toEqual({ file: join(releaseDir, "manifest.json"), field: "charts[0].variants[0].svg.type" });
    expect((error as ChartsError).message).toContain('but received "text/javascript" of type string');
  });
});
