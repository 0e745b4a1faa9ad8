import { ChartsError } from "@charts/errors";

/**
 * Throws a ChartsError naming the first reference in `svg` to anything
 * outside it: an href/src that is not a fragment (#id) or data URI, a CSS
 * url() that is not, or an @import. A published SVG must render the same
 * from any folder, offline, and inside <img>, which loads nothing.
 */
export function assertSelfContained(svg: string): void {
  const checks: Array<[RegExp, string]> = [
    [/\s(?:xlink:)?(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/g, "attribute"],
    [/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/g, "CSS url()"],
  ];
  for (const [pattern, kind] of checks) {
    for (const match of svg.matchAll(pattern)) {
      const value = (match[1] ?? match[2] ?? match[3] ?? "").trim();
      if (value.startsWith("#") || value.startsWith("data:")) continue;
      throw new ChartsError(`expected a self-contained SVG but it references ${JSON.stringify(value.slice(0, 100))} (${kind})`);
    }
  }
  const importAt = svg.search(/@import\b/);
  if (importAt >= 0) throw new ChartsError(`expected a self-contained SVG but it has a CSS @import: ${svg.slice(importAt, importAt + 80)}`);
}
