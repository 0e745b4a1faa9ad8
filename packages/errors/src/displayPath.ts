import { isAbsolute, relative, resolve } from "node:path";

/**
 * A path as users type it: relative to `root` (the project, by default the
 * working directory) when inside it, else absolute. Error messages use it.
 */
export function displayPath(path: string, root: string = process.cwd()): string {
  const absolute = resolve(path);
  const shown = relative(resolve(root), absolute);
  return shown && !shown.startsWith("..") && !isAbsolute(shown) ? shown.split("\\").join("/") : absolute;
}
