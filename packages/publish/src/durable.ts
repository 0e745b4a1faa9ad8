// File-system steps that survive a crash: a file is complete on disk before
// anything points at it, and a rename is flushed before it is relied upon.
import { constants } from "node:fs";
import { copyFile, link, open, rename } from "node:fs/promises";

/** Writes a new file and flushes it to disk; fails if the file exists (releases never overwrite). */
export async function writeDurable(path: string, content: Buffer | string, sync = true): Promise<void> {
  const handle = await open(path, "wx", 0o644);
  try {
    await handle.writeFile(content);
    if (sync) await handle.datasync();
  } catch (error) {
    throw withPath(error, path);
  } finally {
    await handle.close();
  }
}

/** A failed write on a file handle says which file (Node's errors do not): its message and `path` name it. */
export function withPath(error: unknown, path: string): unknown {
  if (!(error instanceof Error) || "path" in error) return error;
  return Object.assign(error, { path, message: `${error.message} '${path}'` });
}

/**
 * Gives `to` the content of `from` by a hard link (no copy, same bytes), or by
 * a copy where the file system refuses links. Release files are never
 * modified in place, so sharing an inode between releases is safe.
 */
export async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    if (!isCode(error, "EXDEV", "EPERM", "ENOTSUP", "EMLINK")) throw error;
    await copyFile(from, to, constants.COPYFILE_EXCL);
  }
}

/**
 * Flushes files written without a flush (writeDurable with `sync` false),
 * a few at a time: each is complete on disk when this resolves.
 */
export async function flushFiles(paths: readonly string[], parallel = 8): Promise<void> {
  let next = 0;
  const flushOne = async (): Promise<void> => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const handle = await open(path, "r");
      try {
        await handle.datasync();
      } catch (error) {
        throw withPath(error, path);
      } finally {
        await handle.close();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, paths.length) }, flushOne));
}

/** Flushes a directory's entries (new names, renames) to disk. */
export async function syncDir(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes a file under a temporary name, flushes it, then renames it into place. */
export async function replaceDurable(path: string, content: Buffer | string, sync = true): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeDurable(temporary, content, sync);
  await rename(temporary, path);
}

export function isCode(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && "code" in error && codes.includes(String(error.code));
}
