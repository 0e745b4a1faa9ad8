import { chmod, mkdir, mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ChartsError, displayPath, invalid, message } from "@charts/errors";
import { embedSnippet } from "./embedSnippet.ts";
import { tableCsv } from "./tableCsv.ts";
import { tableHtml } from "./tableHtml.ts";
import { isCode, linkOrCopy, replaceDurable, syncDir, writeDurable } from "./durable.ts";
import { hashedName, KINDS, SLUG, stableName, type FileKind } from "./fileNames.ts";
import { sha256, shortHash } from "./hash.ts";
import { acquireLock } from "./lock.ts";
import { previousRelease } from "./previousRelease.ts";
import { pruneReleases } from "./pruneReleases.ts";
import { currentFiles, listedFiles, MANIFEST, releaseLink, releasesDir, SCHEMA, swapTo } from "./release.ts";
import { validateManifest } from "./validateManifest.ts";
import type {
  ChangeReason,
  FailedChart,
  FailedEntry,
  Manifest,
  PublishedChart,
  PublishedFile,
  RenderedChart,
  RendererVersions,
} from "./types.ts";

export interface PublishOptions {
  /** The publish folder, a symlink to the current release (default of the CLI: `dist/charts`). */
  outDir: string;
  charts: RenderedChart[];
  /** Charts that did not build: their last good version stays published, marked stale. */
  failed?: FailedChart[];
  toolVersion: string;
  /** Versions of the software that drew the files, recorded in the manifest (the CLI passes `rendererVersions()`). */
  renderers?: RendererVersions;
  /** The clock of the manifest's dates (default: now). */
  now?: Date;
  /** Address of the publish folder the embed snippets use (default `/charts/`, the service's). */
  baseUrl?: string;
  /** Finished releases kept, the new one included (default 5). */
  keep?: number;
  /** Older releases stay at least this long, for requests still reading them (default 10 minutes). */
  graceMs?: number;
  /** Flush files to disk before the swap (default true; tests of layout may skip it). */
  sync?: boolean;
  /** Called between the steps (with the new release once it exists), for logs and for tests that interrupt a build. */
  onStep?: (step: PublishStep, releaseDir?: string) => void | Promise<void>;
}

/**
 * The moments of a publish, in order: lock taken; each file placed in the new
 * release; manifest written (the release is finished); new symlink made, not
 * yet renamed over the folder; folder swapped; each old release set aside for
 * removal; pruning done.
 */
export type PublishStep = "locked" | "file" | "manifest" | "swapping" | "swapped" | "pruning" | "pruned";

export interface PublishResult {
  manifest: Manifest;
  /** The new release, now the target of `outDir`. */
  releaseDir: string;
  previousReleaseDir?: string;
  /** Slugs published for the first time or whose content changed. */
  changed: string[];
  /** Slugs that failed and keep their last good version. */
  stale: string[];
  /** Slugs of the previous release that this build no longer has. */
  removed: string[];
  /** Release directories removed. */
  pruned: string[];
  /** One line each: a damaged release published past, old releases that could not be removed. */
  warnings: string[];
}

/** A new file of a rendered chart and its bytes. */
interface Placement {
  file: PublishedFile;
  content: Buffer;
}

const SCHEMA_TEXT = readFile(new URL(`../${SCHEMA}`, import.meta.url), "utf8");

/**
 * Publishes a build: prepares a new release directory beside the current one
 * (hashed and stable files, embed snippets, manifest last, all flushed to
 * disk), then points `outDir` at it in one atomic rename. A reader sees the
 * previous release or the new one, never a mix; a build killed at any moment,
 * or failing on a write (disk full, read-only folder), leaves the previous
 * release published and untouched, and the next build clears what it left.
 *
 * - A rendered chart whose content hash equals the published one keeps its
 *   `lastChanged` and `changes`; a different hash appends a change (data, text
 *   or render) and keeps the previous version's hashed files.
 * - A failed chart keeps its last good version with `stale: {since, reason}`;
 *   one never published is listed under `failed`, with no files.
 * - A chart in neither list is no longer published.
 * - A published release that is gone or damaged is published past: what does
 *   not check out is published afresh, and `warnings` says so (previousRelease).
 *   A publish folder that publish did not make is refused, never replaced.
 *
 * @example await publish({ outDir: "dist/charts", charts, failed, toolVersion: "0.1.0", renderers })
 */
export async function publish(options: PublishOptions): Promise<PublishResult> {
  validate(options);
  const outDir = resolve(options.outDir);
  const state: Attempt = {};
  try {
    return await publishLocked(outDir, options, state);
  } catch (error) {
    // Whatever failed before the swap, the folder still points at the old
    // release: remove the new one, which nothing can name (best effort: the
    // next build's prune removes an unfinished release too).
    if (state.prepared && !(await pointsAt(outDir, state.prepared))) {
      await rm(state.prepared, { recursive: true, force: true }).catch(() => {});
    }
    if (error instanceof ChartsError || !isCode(error, ...FILE_SYSTEM_ERRORS)) throw error;
    throw new ChartsError(message.publishFailed((error as Error).message), { file: displayPath(outDir) }, { cause: error });
  }
}

/** Errors of a write the file system refused: the build fails with a ChartsError saying so. */
const FILE_SYSTEM_ERRORS = ["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EIO", "EMLINK", "ENOENT", "EEXIST", "ENOTDIR", "EISDIR"];

/** What a publish made, for the clean-up of a failed one. */
interface Attempt {
  /** The new release directory, once it exists. */
  prepared?: string;
}

async function publishLocked(outDir: string, options: PublishOptions, state: Attempt): Promise<PublishResult> {
  const { charts, failed = [], toolVersion, renderers, baseUrl = "/charts/", keep = 5, graceMs = 10 * 60_000 } = options;
  const sync = options.sync ?? true;
  const now = (options.now ?? new Date()).toISOString();
  const step = async (name: PublishStep) => options.onStep?.(name, state.prepared);

  // Refused before anything is made beside a folder publish did not make.
  await releaseLink(outDir);
  const root = releasesDir(outDir);
  await mkdir(root, { recursive: true });
  const unlock = await acquireLock(join(root, ".lock"));
  try {
    await step("locked");
    const previous = await previousRelease(outDir);
    const warnings = previous?.warning ? [previous.warning] : [];
    const trusted = previous?.manifest;
    const before = new Map(trusted?.charts.map((chart) => [chart.slug, chart]));
    const failedBefore = new Map(trusted?.failed.map((entry) => [entry.slug, entry]));

    // Release names sort by creation time (the real clock: `now` may be fixed in tests).
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(".", "");
    const releaseDir = await mkdtemp(join(root, `${stamp}-`));
    state.prepared = releaseDir;
    // mkdtemp makes it private; a web server running as another user must read it.
    await chmod(releaseDir, 0o755);
    /** What the published release holds that checked out, by name: its listing and its path there. */
    const published = new Map<string, { file: PublishedFile; path: string }>();
    if (previous?.dir && trusted) {
      for (const [name, file] of listedFiles(trusted)) published.set(name, { file, path: join(previous.dir, name) });
    }
    const placed = new Map<string, string>();
    /** Puts a file in the release under `name`: written from its content, or linked from a file already on disk. */
    const place = async (file: PublishedFile, name: string, source: Buffer | string) => {
      const there = placed.get(name);
      if (there === file.sha256) return; // a version that came back: its files are there already
      if (there !== undefined) throw new ChartsError(message.twoContents(), { file: name });
      placed.set(name, file.sha256);
      const target = join(releaseDir, name);
      // Output identical to the published file is linked, not rewritten: same
      // inode and date, so servers deriving ETags from them keep theirs.
      const same = published.get(name);
      if (typeof source !== "string" && same?.file.sha256 === file.sha256) await linkOrCopy(same.path, target);
      else if (typeof source === "string") await linkOrCopy(source, target);
      else await writeDurable(target, source, sync);
      await step("file");
    };
    /** Carries a published file (and its stable name, if it has one) over from the previous release. */
    const carry = async (file: PublishedFile) => {
      const from = published.get(file.name);
      if (!from) throw new ChartsError(message.notPublished(), { file: file.name });
      await place(file, file.name, from.path);
      if (file.stable) await place(file, file.stable, join(releaseDir, file.name));
    };

    const entries: PublishedChart[] = [];
    const changed: string[] = [];
    for (const chart of charts) {
      const old = before.get(chart.slug);
      const { entry, fresh } = prepare(chart, old, { now, toolVersion, baseUrl });
      if (!old || old.hash !== entry.hash) changed.push(chart.slug);
      // Hashed names first, then the stable names as links to the same bytes.
      for (const { file, content } of fresh) await place(file, file.name, content);
      for (const { file } of fresh) if (file.stable) await place(file, file.stable, join(releaseDir, file.name));
      for (const change of entry.changes) for (const file of change.from.files) await carry(file);
      entries.push(entry);
    }

    const stale: string[] = [];
    const failedEntries: FailedEntry[] = [];
    for (const { slug, error } of failed) {
      const old = before.get(slug);
      if (!old) {
        failedEntries.push({ slug, error, since: failedBefore.get(slug)?.since ?? now });
        continue;
      }
      stale.push(slug);
      entries.push({ ...old, stale: { since: old.stale?.since ?? now, reason: error } });
      for (const file of currentFiles(old)) await carry(file);
      for (const change of old.changes) for (const file of change.from.files) await carry(file);
    }

    entries.sort((a, b) => a.slug.localeCompare(b.slug));
    failedEntries.sort((a, b) => a.slug.localeCompare(b.slug));
    const manifest: Manifest = {
      $schema: SCHEMA,
      version: 1,
      toolVersion,
      ...(renderers ? { renderers } : {}),
      publishedAt: now,
      baseUrl,
      charts: entries,
      failed: failedEntries,
    };
    // Never a manifest the CMS would refuse (a renderer without a version...).
    validateManifest(manifest, join(releaseDir, MANIFEST));
    // The manifest goes last, renamed into place whole: a release with a
    // manifest is a finished release.
    await writeDurable(join(releaseDir, SCHEMA), await SCHEMA_TEXT, sync);
    await replaceDurable(join(releaseDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, sync);
    if (sync) await syncDir(releaseDir);
    await step("manifest");

    await swapTo(outDir, releaseDir, () => step("swapping"));
    await step("swapped");
    // Published: from here on a failure is a warning, and the next build retries.
    let pruned: string[] = [];
    try {
      pruned = await pruneReleases(outDir, releaseDir, {
        keep,
        graceMs,
        damaged: previous?.warning && previous.dir ? [previous.dir] : [],
        ...(previous?.dir ? { replaced: previous.dir } : {}),
        onRemoving: () => step("pruning"),
      });
    } catch (error) {
      if (error instanceof ChartsError || !isCode(error, ...FILE_SYSTEM_ERRORS)) throw error;
      warnings.push(`${displayPath(outDir)}: ${message.pruneFailed((error as Error).message)}`);
    }
    await step("pruned");

    const present = new Set([...charts, ...failed].map((chart) => chart.slug));
    return {
      manifest,
      releaseDir,
      previousReleaseDir: previous?.dir,
      changed,
      stale,
      removed: [...before.keys()].filter((slug) => !present.has(slug)),
      pruned,
      warnings,
    };
  } finally {
    // A lock that cannot be removed (a read-only folder) is taken over by the next build.
    await unlock().catch(() => {});
  }
}

/** Whether the publish folder resolves to `dir` now. */
async function pointsAt(outDir: string, dir: string): Promise<boolean> {
  const [a, b] = await Promise.all([realpath(outDir).catch(() => undefined), realpath(dir).catch(() => undefined)]);
  return a !== undefined && a === b;
}

/** The manifest entry of a rendered chart, and the files it needs written. */
function prepare(
  chart: RenderedChart,
  old: PublishedChart | undefined,
  { now, toolVersion, baseUrl }: { now: string; toolVersion: string; baseUrl: string },
): { entry: PublishedChart; fresh: Placement[] } {
  const fresh: Placement[] = [];
  const file = (kind: FileKind, content: Buffer, variant?: string): PublishedFile => {
    const digest = sha256(content);
    const published: PublishedFile = {
      name: hashedName(chart.slug, kind, digest.slice(0, 12), variant),
      stable: stableName(chart.slug, kind, variant),
      type: KINDS[kind].type,
      bytes: content.length,
      sha256: digest,
    };
    fresh.push({ file: published, content });
    return published;
  };

  const vegaLite = file("vegaLite", Buffer.from(chart.vegaLite, "utf8"));
  const variants = chart.variants.map((variant) => ({
    name: variant.name,
    theme: variant.theme,
    width: variant.width,
    height: variant.height,
    svg: file("svg", Buffer.from(variant.svg, "utf8"), variant.name),
    png: file("png", variant.png, variant.name),
    png2x: file("png2x", variant.png2x, variant.name),
    // the default variant's Vega-Lite is the chart's own `<slug>.vl.json`
    ...(variant.name === "default"
      ? { vegaLite }
      : variant.vegaLite === undefined
        ? {}
        : { vegaLite: file("vegaLite", Buffer.from(variant.vegaLite, "utf8"), variant.name) }),
  }));
  const table = chart.table
    ? { csv: file("csv", Buffer.from(tableCsv(chart.table), "utf8")), html: file("table", Buffer.from(tableHtml(chart.table, chart.slug), "utf8")) }
    : undefined;

  // The parts a correction is told apart by; each hash covers what a reader would see change.
  const hashes: Record<ChangeReason, string> = {
    data: shortHash(JSON.stringify([chart.vegaLite, chart.provenance, ...(table ? [table.csv.sha256, table.html.sha256] : [])])),
    text: shortHash(
      JSON.stringify([chart.headline, chart.dek, chart.alt, chart.source, chart.notes ?? null, chart.byline ?? null, chart.datasets, chart.texts, chart.locale ?? null]),
    ),
    render: shortHash(
      JSON.stringify(
        // the default variant's Vega-Lite is the chart's, which the data hash covers
        variants.map((v) => [v.name, v.theme, v.width, v.height, v.svg.sha256, v.png.sha256, v.png2x.sha256, ...(v.vegaLite && v.name !== "default" ? [v.vegaLite.sha256] : [])]),
      ),
    ),
  };
  const hash = shortHash(JSON.stringify([hashes.data, hashes.text, hashes.render]));
  const same = old?.hash === hash;

  const changes = old ? [...old.changes] : [];
  if (old && !same) {
    const reasons = (["data", "text", "render"] as const).filter((part) => old.hashes[part] !== hashes[part]);
    const files = currentFiles(old).map(({ stable: _stable, ...rest }) => rest);
    changes.push({
      date: now,
      reasons,
      to: hash,
      from: { hash: old.hash, lastChanged: old.lastChanged, toolVersion: old.toolVersion, files },
    });
  }

  const text = {
    slug: chart.slug,
    headline: chart.headline,
    dek: chart.dek,
    alt: chart.alt,
    source: chart.source,
    ...(chart.notes === undefined ? {} : { notes: chart.notes }),
    ...(chart.byline === undefined ? {} : { byline: chart.byline }),
    ...(chart.locale === undefined ? {} : { locale: chart.locale }),
  };
  const embed = file("embed", Buffer.from(embedSnippet({ ...text, hash, variants, ...(table ? { table } : {}) }, baseUrl), "utf8"));
  // The tool that wrote these files: unchanged output keeps the version that first wrote it.
  const unchanged = same && old.embed.sha256 === embed.sha256;

  const entry: PublishedChart = {
    ...text,
    hash,
    hashes,
    lastChanged: same ? old.lastChanged : now,
    toolVersion: unchanged ? old.toolVersion : toolVersion,
    variants,
    vegaLite,
    embed,
    ...(table ? { table } : {}),
    datasets: chart.datasets,
    texts: chart.texts,
    provenance: chart.provenance,
    changes,
  };
  return { entry, fresh };
}

/** Refuses a build that could not be published as a consistent set of files. */
function validate({ charts, failed = [] }: PublishOptions): void {
  const slugs = new Set<string>();
  const names = new Map<string, string>();
  for (const [i, chart] of charts.entries()) {
    const label = SLUG.test(chart.slug) ? chart.slug : `charts[${i}]`;
    const where = (field: string) => ({ field: `${label}.${field}` });
    if (!SLUG.test(chart.slug)) throw invalid(where("slug"), "a slug of lower-case words joined by hyphens", chart.slug);
    if (slugs.has(chart.slug)) throw invalid(where("slug"), "a slug used by one chart only", chart.slug);
    slugs.add(chart.slug);
    if (!chart.alt?.trim()) throw invalid(where("alt"), "alt text", chart.alt);
    if (!chart.variants.length) throw invalid(where("variants"), "at least one variant", chart.variants);
    const variantNames = new Set<string>();
    for (const variant of chart.variants) {
      const at = where(`variants.${variant.name}`);
      const atField = (name: string) => ({ field: `${at.field}.${name}` });
      if (!SLUG.test(variant.name)) throw invalid(at, "a variant name of lower-case words joined by hyphens", variant.name);
      if (variantNames.has(variant.name)) throw invalid(at, "a variant name used once per chart", variant.name);
      variantNames.add(variant.name);
      for (const size of ["width", "height"] as const) {
        if (!(variant[size] > 0)) throw invalid(atField(size), "a positive number", variant[size]);
      }
      if (!variant.svg.includes("<svg")) throw invalid(atField("svg"), "SVG text", variant.svg);
      if (variant.name === "default" && variant.vegaLite !== undefined && variant.vegaLite !== chart.vegaLite) {
        throw invalid(atField("vegaLite"), "the chart's vegaLite (the default variant's Vega-Lite is published as <slug>.vl.json)", variant.vegaLite);
      }
      // Two charts must never write one file: `a` with variant `b-dark` and `a-b` with `dark`.
      for (const kind of ["svg", "png", "png2x"] as const) {
        const name = stableName(chart.slug, kind, variant.name);
        const owner = names.get(name);
        if (owner !== undefined && owner !== chart.slug) {
          throw new ChartsError(message.sharedFileName(name, owner), at);
        }
        names.set(name, chart.slug);
      }
    }
  }
  for (const [i, chart] of failed.entries()) {
    if (slugs.has(chart.slug)) {
      throw invalid({ field: `failed[${i}].slug` }, "a chart either rendered or failed, not both", chart.slug);
    }
    slugs.add(chart.slug);
  }
}
