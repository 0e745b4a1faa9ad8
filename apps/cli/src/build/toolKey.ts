// What the tool itself contributes to a chart's output, as one hash: its own
// source (every stage's src/, schemas and package.json), the bundled fonts, the
// lockfile (the exact version of vega, vega-lite, sharp and its libvips,
// harfbuzz, subset-font... and of everything else installed), the platform
// (sharp's binaries differ) and Node.js (its ICU writes the numbers). Any
// change to any of them makes every chart's inputs hash new, so a rebuild
// after a code change or an upgrade re-renders everything: conservative, and
// cheap to compute (a few hundred files) without loading any renderer.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { filesUnder } from "./filesUnder.ts";

/** The repository the tool runs from: apps/cli/src/build/ is four folders down. */
const TOOL_ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** What is hashed, relative to the tool's root: stage folders, and what in them. */
const PARTS = [
  { under: "apps/cli", take: (path: string) => path.startsWith("src/") || path === "package.json" },
  {
    under: "packages",
    // each package's src/, its JSON (schemas, package.json), the bundled font files; not tests
    take: (path: string) => /^[^/]+\/(src\/|[^/]+\.json$|files\/)/.test(path),
  },
] as const;

let memo: string | undefined;

/**
 * The hash of the tool as installed. Computed once per process.
 * @example toolKey() // "3f2a…" (64 hex digits)
 */
export function toolKey(): string {
  if (memo) return memo;
  const hash = createHash("sha256");
  for (const { under, take } of PARTS) {
    const base = join(TOOL_ROOT, under);
    for (const path of filesUnder(base, (name) => name === "node_modules" || name.startsWith(".")).filter((file) => take(relative(base, file)))) {
      hash.update(`${relative(TOOL_ROOT, path)}\0`).update(readFileSync(path)).update("\0");
    }
  }
  const lockfile = join(TOOL_ROOT, "pnpm-lock.yaml");
  hash.update(existsSync(lockfile) ? readFileSync(lockfile) : "no lockfile");
  hash.update(`\0${process.platform}-${process.arch}\0${process.version}`);
  return (memo = hash.digest("hex"));
}
