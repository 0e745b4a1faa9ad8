import { link, readFile, unlink, writeFile } from "node:fs/promises";
import { ChartsError } from "@charts/errors";
import { isCode } from "./durable.ts";

/**
 * Takes the publish lock (a file holding the owner's pid), so two builds never
 * prepare releases side by side and prune each other's work. A lock left by a
 * process that no longer runs (a killed build) is taken over.
 * Returns the function that releases it.
 */
export async function acquireLock(path: string): Promise<() => Promise<void>> {
  // The pid is written first and linked into place, so a lock is never seen empty.
  const mine = `${path}.${process.pid}`;
  await writeFile(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(mine, path);
        return () => removeIfThere(path);
      } catch (error) {
        if (!isCode(error, "EEXIST")) throw error;
      }
      const owner = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
      if (Number.isInteger(owner) && isRunning(owner)) {
        throw new ChartsError(`another build (pid ${owner}) is publishing; wait for it to finish`, { file: path });
      }
      await removeIfThere(path);
    }
    throw new ChartsError("could not take the publish lock", { file: path });
  } finally {
    await removeIfThere(mine);
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
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, "EPERM");
  }
}
