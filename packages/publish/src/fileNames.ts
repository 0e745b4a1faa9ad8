// How published files are named. Every name is a single path segment from a
// small alphabet, so a name can never point outside the publish folder.

/** A slug or variant name: lower-case words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Any file name a release may hold (stable or hashed); no slash, no leading dot. */
export const FILE_NAME = /^[a-z0-9][a-z0-9@.-]*$/;

/** The kinds of file a chart publishes, with their extension and media type. */
export const KINDS = {
  svg: { ext: "svg", type: "image/svg+xml" },
  png: { ext: "png", type: "image/png" },
  png2x: { ext: "png", type: "image/png" },
  vegaLite: { ext: "vl.json", type: "application/json" },
  embed: { ext: "html", type: "text/html" },
  csv: { ext: "csv", type: "text/csv" },
  table: { ext: "table.html", type: "text/html" },
} as const;

export type FileKind = keyof typeof KINDS;

/**
 * The stable name of a chart's file: `arms.svg`, `arms@2x.png`, `arms-dark.svg`,
 * `arms-320.vl.json`, `arms.vl.json`, `arms.html`, `arms.csv`, `arms.table.html`.
 * Variants other than `default` add their name.
 */
export function stableName(slug: string, kind: FileKind, variant = "default"): string {
  const base = variant === "default" ? slug : `${slug}-${variant}`;
  return `${base}${kind === "png2x" ? "@2x" : ""}.${KINDS[kind].ext}`;
}

/** The immutable name of a content: the hash goes before the extension, `arms.3f2a9c0d1b7e.svg`. */
export function hashedName(slug: string, kind: FileKind, hash: string, variant = "default"): string {
  const stable = stableName(slug, kind, variant);
  const ext = KINDS[kind].ext;
  return `${stable.slice(0, -ext.length - 1)}.${hash}.${ext}`;
}
