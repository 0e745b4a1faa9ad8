import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
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
    await expect(acquireLock(path)).rejects.toThrow(`${path}: ${message.lockHeld(process.pid)}`);
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

  it("removes the claims of builds killed while taking the lock", async () => {
    const path = join(root, "c.lock");
    await writeFile(`${path}.${deadPid()}`, "claim of a killed build\n");
    await writeFile(join(root, "c.lock.notes"), "not a claim");
    const release = await acquireLock(path);
    expect((await readdir(root)).filter((name) => name.startsWith("c.lock")).sort()).toEqual(["c.lock", "c.lock.notes"]);
    await release();
  });

  it("takes over a lock of this process that an earlier build could not remove", async () => {
    const path = join(root, "d.lock");
    // What a build in a folder turned read-only leaves: its own pid, no longer held.
    await writeFile(path, `${process.pid}\n`);
    const release = await acquireLock(path);
    await expect(acquireLock(path)).rejects.toThrow(message.lockHeld(process.pid));
    await release();
  });
});

function deadPid(): string {
  return spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
}
