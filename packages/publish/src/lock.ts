import { link, readdir, readFile, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { ChartsError, message } from "@charts/errors";
import { isCode, withPath } from "./durable.ts";

/** Locks this process holds now: a lock naming this process but not held here was left by a build that could not remove it. */
const held = new Set<string>();

/**
 * Takes the publish lock (a file holding the owner's pid), so two builds never
 * prepare releases side by side and prune each other's work. A lock left by a
 * process that no longer runs (a killed build), or by an earlier build of this
 * process that could not remove it (a read-only folder), is taken over.
 * Returns the function that releases it.
 */
export async function acquireLock(path: string): Promise<() => Promise<void>> {
  // The pid is written first and linked into place, so a lock is never seen empty.
  const mine = `${path}.${process.pid}`;
  try {
    await writeFile(mine, `${process.pid}\n`).catch((error: unknown) => Promise.reject(withPath(error, mine)));
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, path);
        held.add(path);
        await removeStaleClaims(path);
        return async () => {
          held.delete(path);
          await removeIfThere(path);
        };
      } catch (error) {
        if (!isCode(error, "EEXIST")) throw error;
      }
      const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      const stale = owner === process.pid ? !held.has(path) : !isRunning(owner);
      if (Number.isInteger(owner) && !stale) throw new ChartsError(message.lockHeld(owner), { file: path });
      await removeIfThere(path);
    }
    throw new ChartsError(message.lockUnavailable(), { file: path });
  } finally {
    await removeIfThere(mine);
  }
}

/** Removes the `<lock>.<pid>` files of builds killed while taking the lock. */
async function removeStaleClaims(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  for (const name of await readdir(dirname(path))) {
    const pid = Number(name.slice(prefix.length));
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) {
      await removeIfThere(join(dirname(path), name));
    }
  }
}

async function removeIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isCode(error, "ENOENT")) throw error;
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, "EPERM");
  }
}
