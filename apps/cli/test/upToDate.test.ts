import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Config } from "../src/config.ts";
import { forgetBuild, lastRelease, recordBuild } from "../src/build/upToDate.ts";

describe("lastRelease(config)", () => {
  it("gives the release the last clean build recorded, each file's size, time and inode; nothing once forgotten or before any", () => {
    const dir = mkdtempSync(join(tmpdir(), "up-to-date-"));
    const config = { cache: join(dir, "cache") } as Config;
    expect(lastRelease(config)).toBeUndefined();
    const release = join(dir, "releases", "20240620T080000000Z-abc");
    mkdirSync(release, { recursive: true });
    writeFileSync(join(release, "arms.svg"), "<svg/>");
    writeFileSync(join(release, "manifest.json"), "{}");
    recordBuild(config, { fingerprint: "f", charts: 1, exitCode: 0 }, release, ["arms.svg", "manifest.json"]);
    const info = statSync(join(release, "arms.svg"));
    expect(lastRelease(config)).toEqual({
      release: basename(release),
      files: { "arms.svg": [6, info.mtimeMs, info.ino], "manifest.json": [2, expect.any(Number), expect.any(Number)] },
    });
    forgetBuild(config);
    expect(lastRelease(config)).toBeUndefined();
  });
});
