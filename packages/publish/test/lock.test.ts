import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireLock } from "../src/lock.ts";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "lock-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("acquireLock", () => {
  it("holds the lock with its pid and frees it", async () => {
    const path = join(root, "a.lock");
    const release = await acquireLock(path);
    expect(await readFile(path, "utf8")).toBe(`${process.pid}\n`);
    await expect(acquireLock(path)).rejects.toThrow(`${path}: another build (pid ${process.pid}) is publishing; wait for it to finish`);
    await release();
    await (await acquireLock(path))();
  });

  it("takes over the lock of a build that no longer runs", async () => {
    const path = join(root, "b.lock");
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    await writeFile(path, `${dead}\n`);
    const release = await acquireLock(path);
    expect(await readFile(path, "utf8")).toBe(`${process.pid}\n`);
    await release();
  });
});
