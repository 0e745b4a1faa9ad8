import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import {
  currentRelease,
  damagedFiles,
  listedFiles,
  publish,
  readManifest,
  releaseLink,
  releaseNames,
  releasesDir,
  verifyRelease,
} from "../src/index.ts";
import { chart } from "./fixtures/syntheticChart.ts";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "release-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const base = { toolVersion: "1", sync: false };

describe("releaseLink(outDir)", () => {
  it("names the release publish's symlink points at, or nothing before the first publish", async () => {
    const outDir = join(root, "link", "charts");
    expect(await releaseLink(outDir)).toBeUndefined();
    const { releaseDir } = await publish({ ...base, outDir, charts: [chart("arms")] });
    expect(await releaseLink(outDir)).toBe(releaseDir);
  });

  it("refuses a directory, a file or a symlink publish did not make, which may hold someone's files", async () => {
    const dir = join(root, "refused");
    await mkdir(join(dir, "a"), { recursive: true });
    await writeFile(join(dir, "b"), "someone's notes");
    await symlink("/tmp", join(dir, "c"));
    // A symlink into the releases folder, but to a name publish never gives a release.
    await symlink(".d.releases/mine", join(dir, "d"));
    await expect(releaseLink(join(dir, "a"))).rejects.toThrow(`${join(dir, "a")}: ${message.notAReleaseLink("a directory")}`);
    await expect(releaseLink(join(dir, "b"))).rejects.toThrow(`${join(dir, "b")}: ${message.notAReleaseLink("a file")}`);
    await expect(releaseLink(join(dir, "c"))).rejects.toThrow(`${join(dir, "c")}: ${message.notAReleaseLink("a symlink to /tmp")}`);
    await expect(releaseLink(join(dir, "d"))).rejects.toThrow(message.notAReleaseLink(`a symlink to ${join(dir, ".d.releases/mine")}`));
  });
});

describe("currentRelease(outDir)", () => {
  it("says which release is gone, instead of a stack trace, when its folder was removed", async () => {
    const outDir = join(root, "gone", "charts");
    const { releaseDir } = await publish({ ...base, outDir, charts: [chart("arms")] });
    await rm(releaseDir, { recursive: true });
    await expect(currentRelease(outDir)).rejects.toThrow(`${outDir}: ${message.releaseMissing(releaseDir.split("/").pop()!)}`);
  });
});

describe("readManifest(releaseDir)", () => {
  it("names the file and the JSON path of a manifest that does not match the schema", async () => {
    const outDir = join(root, "read", "charts");
    const { releaseDir } = await publish({ ...base, outDir, charts: [chart("arms")] });
    const file = join(releaseDir, "manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8"));
    // Test-only tampering with an immutable release, to prove the check looks.
    await rm(file);
    await writeFile(file, JSON.stringify({ ...manifest, charts: [{ ...manifest.charts[0], hash: "x" }] }));
    await expect(readManifest(releaseDir)).rejects.toThrow(
      `${file}, charts[0].hash: ${message.manifestInvalid("pattern", 'must match pattern "^[0-9a-f]{12}$"', "x")}`,
    );
    await rm(file);
    await writeFile(file, JSON.stringify({ ...manifest, version: 2 }));
    await expect(readManifest(releaseDir)).rejects.toThrow(`${file}, version: expected manifest version 1 but received 2 of type number`);
    await rm(file);
    await writeFile(file, '{"$schema": "manifest.sch');
    await expect(readManifest(releaseDir)).rejects.toThrow(`${file}: ${message.manifestUnreadable("Unterminated string in JSON at position 25 (line 1 column 26)")}`);
  });
});

describe("verifyRelease", () => {
  it("finds a truncated or altered file", async () => {
    const dir = join(root, "verify");
    const { releaseDir, manifest } = await publish({ ...base, outDir: dir, charts: [chart("arms")] });
    const svg = manifest.charts[0]!.variants[0]!.svg;
    // Test-only tampering with an immutable release, to prove the check looks.
    await rm(join(releaseDir, svg.name));
    await writeFile(join(releaseDir, svg.name), "<svg/>");
    await rm(join(releaseDir, "arms.vl.json"));
    expect(await verifyRelease(releaseDir)).toEqual([
      `${svg.name}: ${message.fileAltered(svg.bytes, 6)}`,
      `arms.vl.json: ${message.fileMissing()}`,
    ]);
    // The same bytes with one changed: the hash tells.
    const png = manifest.charts[0]!.variants[0]!.png;
    const bytes = await readFile(join(releaseDir, png.name));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    await rm(join(releaseDir, png.name));
    await writeFile(join(releaseDir, png.name), bytes);
    expect((await damagedFiles(releaseDir, manifest)).get(png.name)).toBe(message.fileAltered(png.bytes, png.bytes));
  });
});

describe("damagedFiles(dir, manifest, trusted)", () => {
  it("takes a trusted file whose size, time and inode are unchanged as good without reading it, and reads one changed since", async () => {
    const dir = join(root, "trusted");
    const { releaseDir, manifest } = await publish({ ...base, outDir: dir, charts: [chart("arms")] });
    const stats = (names: string[]) => Object.fromEntries(names.map((name) => [name, statOf(join(releaseDir, name))]));
    const png = manifest.charts[0]!.variants[0]!.png;
    const svg = manifest.charts[0]!.variants[0]!.svg;
    // one byte flipped in place before the sizes and times were recorded: only a read would find it
    const bytes = await readFile(join(releaseDir, png.name));
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 1, bytes.length - 1);
    writeFileSync(join(releaseDir, png.name), bytes);
    const trusted = stats([...listedFiles(manifest).keys()]);
    expect((await damagedFiles(releaseDir, manifest, trusted)).size).toBe(0);
    expect((await damagedFiles(releaseDir, manifest)).get(png.name)).toBe(message.fileAltered(png.bytes, png.bytes));
    // rewritten (a new size and time; its stable name is the same file): read and hashed, trusted or not
    writeFileSync(join(releaseDir, svg.name), "<svg/>");
    expect([...(await damagedFiles(releaseDir, manifest, trusted)).keys()]).toEqual([svg.name, svg.stable]);
  });
});

function statOf(path: string): [number, number, number] {
  const info = statSync(path);
  return [info.size, info.mtimeMs, info.ino];
}

describe("listedFiles", () => {
  it("refuses a manifest naming a file outside the release", async () => {
    const dir = join(root, "listed");
    const { manifest } = await publish({ ...base, outDir: dir, charts: [chart("arms")] });
    manifest.charts[0]!.embed.stable = "../../etc/passwd";
    expect(() => listedFiles(manifest)).toThrow('manifest.json: expected a plain file name but received "../../etc/passwd" of type string');
  });
});

describe("releaseNames(root)", () => {
  it("lists releases newest first, and nothing publish did not name", async () => {
    const outDir = join(root, "names", "charts");
    const first = await publish({ ...base, outDir, charts: [chart("arms")] });
    const second = await publish({ ...base, outDir, charts: [chart("arms")], keep: 5 });
    await mkdir(join(releasesDir(outDir), "backup"));
    await writeFile(join(releasesDir(outDir), "20990101T000000000Z-file"), "");
    expect(await releaseNames(releasesDir(outDir))).toEqual([second.releaseDir, first.releaseDir].map((d) => d.split("/").pop()));
  });
});
