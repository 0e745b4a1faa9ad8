import { readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * Every file under `dir`, in a fixed order (names sorted, depth first), so a
 * hash over them is the same on every machine; entries `skip` names (a file
 * or a folder) are left out. Used to hash the tool (toolKey) and the inputs
 * (buildFingerprint).
 */
export function filesUnder(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (skip(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(path, skip));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}
