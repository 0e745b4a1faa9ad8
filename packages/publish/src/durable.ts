// File-system steps that survive a crash: a file is complete on disk before
// anything points at it, and a rename is flushed before it is relied upon.
//
// Writes and links are synchronous calls: a build's main thread only
// coordinates, while libuv's thread pool, where asynchronous file calls
// queue, is busy rasterising (sharp). Each call returns in microseconds
// from the page cache; queued behind the rasteriser, a chart's forty files
// took a second, and carrying a thousand charts over took 16 s.
import { closeSync, constants, copyFileSync, fdatasyncSync, linkSync, openSync, writeFileSync } from "node:fs";
import { open, rename } from "node:fs/promises";

/** Writes a new file and flushes it to disk (unless `sync` is false: flushFiles later); fails if the file exists (releases never overwrite). */
export async function writeDurable(path: string, content: Buffer | string, sync = true): Promise<void> {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    throw withPath(error, path);
  }
  try {
    writeFileSync(fd, content);
    if (sync) fdatasyncSync(fd);
  } catch (error) {
    throw withPath(error, path);
  } finally {
    closeSync(fd);
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
    linkSync(from, to);
  } catch (error) {
    if (!isCode(error, "EXDEV", "EPERM", "ENOTSUP", "EMLINK")) throw error;
    copyFileSync(from, to, constants.COPYFILE_EXCL);
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
