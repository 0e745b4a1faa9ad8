// A release published as the build goes: opened (lock, the published release
// checked, a new release folder), charts added one at a time as they are
// rendered (their files written at once, their bytes not kept), then finished
// (manifest last, one atomic swap, prune) or aborted. Memory stays flat in the
// number of charts: a release keeps only the manifest entries.
//
//   const release = await openRelease({ outDir, toolVersion, renderers })
//   await release.add(chart, inputs)        a rendered chart
//   await release.reuse(slug, inputs)       a chart whose inputs are those published: its files carried over
//   await release.addOutput(output, dir)    a chart a shard prepared (charts merge)
//   await release.fail({ slug, error })     a chart that did not build: its last good version, marked stale
//   await release.finish()                  manifest, swap, prune -> PublishResult
//
// Every guarantee of publish() holds: until finish() swaps, the publish folder
// points at the old release, untouched; a write that fails (disk full,
// read-only) or a bug aborts the release and removes it; a build killed at any
// moment leaves it for the next build to clear.
import { readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ChartsError, displayPath, message } from "@charts/errors";
import { flushFiles, isCode, linkOrCopy, replaceDurable, syncDir, writeDurable } from "./durable.ts";
import { acquireLock } from "./lock.ts";
import { outputOf, prepareChart, ReleaseClaims, withHistory } from "./prepareChart.ts";
import { previousRelease, type PreviousRelease, type TrustedRelease } from "./previousRelease.ts";
import { pruneReleases } from "./pruneReleases.ts";
import { alteredContent, currentFiles, listedFiles, MANIFEST, releaseLink, releasesDir, SCHEMA, swapTo } from "./release.ts";
import { validateManifest } from "./validateManifest.ts";
import type { ChartOutput, FailedChart, FailedEntry, Manifest, PublishedChart, PublishedFile, RenderedChart, RendererVersions } from "./types.ts";

export interface ReleaseOptions {
  /** The publish folder, a symlink to the current release (default of the CLI: `dist/charts`). */
  outDir: string;
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
  /** The published release's files as the last clean build left them: those unchanged are not read again (previousRelease). */
  trusted?: TrustedRelease;
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

export interface Release {
  /** The new release directory (not published until finish()). */
  readonly dir: string;
  /** The published release's charts that check out, by slug: what the build may reuse (their `inputs`). */
  readonly published: ReadonlyMap<string, PublishedChart>;
  /** The published release's manifest, as far as it checks out (previousRelease); undefined before the first publish. */
  readonly previous: Manifest | undefined;
  /** Publishes a rendered chart; its bytes are written now and not kept. */
  add(chart: RenderedChart, inputs?: string): Promise<PublishedChart>;
  /** Publishes a chart of the published release again, unchanged (its files linked over), with this build's `inputs`. */
  reuse(slug: string, inputs?: string): Promise<PublishedChart>;
  /** Publishes a chart prepared elsewhere (a shard): its files, by their hashed names, are read from `dir` and checked. */
  addOutput(output: ChartOutput, dir: string): Promise<PublishedChart>;
  /** A chart that did not build: its last good version stays, marked stale; one never published is listed as failed. */
  fail(chart: FailedChart): Promise<void>;
  /** Writes the manifest, swaps the publish folder to the new release, prunes old ones. */
  finish(): Promise<PublishResult>;
  /** Gives up: removes the new release and the lock; what is published is untouched. */
  abort(): Promise<void>;
}

const SCHEMA_TEXT = readFile(new URL(`../${SCHEMA}`, import.meta.url), "utf8");

/** Errors of a write the file system refused: the build fails with a ChartsError saying so. */
const FILE_SYSTEM_ERRORS = ["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EIO", "EMLINK", "ENOENT", "EEXIST", "ENOTDIR", "EISDIR"];

/**
 * Opens a new release beside the published one: refuses a publish folder it
 * did not make, takes the publish lock, reads what the folder publishes now
 * (as far as it checks out: previousRelease) and makes the release directory.
 *
 * @example const release = await openRelease({ outDir: "dist/charts", toolVersion: "0.1.0" })
 */
export async function openRelease(options: ReleaseOptions): Promise<Release> {
  const outDir = resolve(options.outDir);
  const state: { prepared?: string; unlock?: () => Promise<void> } = {};
  try {
    // Refused before anything is made beside a folder publish did not make.
    await releaseLink(outDir);
    const root = releasesDir(outDir);
    await mkdir(root, { recursive: true });
    state.unlock = await acquireLock(join(root, ".lock"));
    await options.onStep?.("locked");
    const previous = await previousRelease(outDir, options.trusted);
    // Release names sort by creation time (the real clock: `now` may be fixed in tests).
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(".", "");
    const dir = await mkdtemp(join(root, `${stamp}-`));
    state.prepared = dir;
    // mkdtemp makes it private; a web server running as another user must read it.
    await chmod(dir, 0o755);
    return new OpenRelease(outDir, dir, previous, options, state.unlock);
  } catch (error) {
    if (state.prepared) await rm(state.prepared, { recursive: true, force: true }).catch(() => {});
    await state.unlock?.().catch(() => {});
    throw asPublishError(error, outDir);
  }
}

class OpenRelease implements Release {
  readonly published: ReadonlyMap<string, PublishedChart>;
  readonly previous: Manifest | undefined;
  private readonly now: string;
  private readonly baseUrl: string;
  private readonly sync: boolean;
  private readonly failedBefore: Map<string, FailedEntry>;
  /** What the published release holds that checked out, by name: its listing and its path there. */
  private readonly publishedFiles = new Map<string, { file: PublishedFile; path: string }>();
  private readonly placed = new Map<string, string>();
  private readonly claims = new ReleaseClaims();
  private readonly entries: PublishedChart[] = [];
  private readonly failedEntries: FailedEntry[] = [];
  private readonly changed: string[] = [];
  private readonly stale: string[] = [];
  private readonly warnings: string[];
  /** Files written and not yet flushed to disk (flushFiles, before the manifest). */
  private readonly unflushed: string[] = [];
  /** finish() or abort() has begun: no more charts. */
  private closed = false;
  private swapped = false;

  readonly dir: string;
  private readonly outDir: string;
  private readonly before: PreviousRelease | undefined;
  private readonly options: ReleaseOptions;
  private readonly unlock: () => Promise<void>;

  constructor(outDir: string, dir: string, previous: PreviousRelease | undefined, options: ReleaseOptions, unlock: () => Promise<void>) {
    this.outDir = outDir;
    this.dir = dir;
    this.before = previous;
    this.previous = previous?.manifest;
    this.options = options;
    this.unlock = unlock;
    this.published = new Map(this.previous?.charts.map((chart) => [chart.slug, chart]));
    this.failedBefore = new Map(this.previous?.failed.map((entry) => [entry.slug, entry]));
    this.now = (options.now ?? new Date()).toISOString();
    this.baseUrl = options.baseUrl ?? "/charts/";
    this.sync = options.sync ?? true;
    this.warnings = previous?.warning ? [previous.warning] : [];
    if (previous?.dir && this.previous) {
      for (const [name, file] of listedFiles(this.previous)) this.publishedFiles.set(name, { file, path: join(previous.dir, name) });
    }
  }

  add(chart: RenderedChart, inputs?: string): Promise<PublishedChart> {
    return this.guard(async () => {
      this.claims.chart(chart, chart.slug, chart.vegaLite);
      const { output, files } = prepareChart(chart, this.baseUrl, inputs);
      // Hashed names first, then the stable names as links to the same bytes.
      for (const { file, content } of files) await this.place(file, file.name, content);
      for (const { file } of files) if (file.stable) await this.place(file, file.stable, join(this.dir, file.name));
      return this.publish(output);
    });
  }

  reuse(slug: string, inputs?: string): Promise<PublishedChart> {
    return this.guard(async () => {
      const old = this.published.get(slug);
      if (!old) throw new ChartsError(message.notPublished(), { field: slug });
      this.claims.chart(old, slug);
      for (const file of currentFiles(old)) await this.carry(file);
      return this.publish(outputOf(old, inputs));
    });
  }

  addOutput(output: ChartOutput, from: string): Promise<PublishedChart> {
    return this.guard(async () => {
      this.claims.chart(output, output.slug);
      for (const file of currentFiles(output)) {
        const same = this.publishedFiles.get(file.name);
        const path = same?.file.sha256 === file.sha256 ? same.path : join(from, file.name);
        if (path !== same?.path) checkFile(path, file);
        await this.placeWithStable(file, path);
      }
      return this.publish(output);
    });
  }

  fail({ slug, error }: FailedChart): Promise<void> {
    return this.guard(async () => {
      this.claims.fail(slug, slug);
      const old = this.published.get(slug);
      if (!old) {
        this.failedEntries.push({ slug, error, since: this.failedBefore.get(slug)?.since ?? this.now });
        return;
      }
      this.stale.push(slug);
      this.entries.push({ ...old, stale: { since: old.stale?.since ?? this.now, reason: error } });
      for (const file of currentFiles(old)) await this.carry(file);
      for (const change of old.changes) for (const file of change.from.files) await this.carry(file);
    });
  }

  finish(): Promise<PublishResult> {
    return this.guard(async () => {
      const { options, dir, outDir, before: previous } = this;
      const entries = [...this.entries].sort((a, b) => a.slug.localeCompare(b.slug));
      const failed = [...this.failedEntries].sort((a, b) => a.slug.localeCompare(b.slug));
      const manifest: Manifest = {
        $schema: SCHEMA,
        version: 1,
        toolVersion: options.toolVersion,
        ...(options.renderers ? { renderers: options.renderers } : {}),
        publishedAt: this.now,
        baseUrl: this.baseUrl,
        charts: entries,
        failed,
      };
      // Never a manifest the CMS would refuse (a renderer without a version...).
      validateManifest(manifest, join(dir, MANIFEST));
      // Every file on disk before the manifest names it; the manifest goes
      // last, renamed into place whole: a release with a manifest is a
      // finished release.
      if (this.sync) await flushFiles(this.unflushed.splice(0));
      await writeDurable(join(dir, SCHEMA), await SCHEMA_TEXT, this.sync);
      await replaceDurable(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, this.sync);
      if (this.sync) await syncDir(dir);
      await this.step("manifest");

      await swapTo(outDir, dir, () => this.step("swapping"));
      this.swapped = true;
      await this.step("swapped");
      // Published: from here on a failure is a warning, and the next build retries.
      let pruned: string[] = [];
      try {
        pruned = await pruneReleases(outDir, dir, {
          keep: options.keep ?? 5,
          graceMs: options.graceMs ?? 10 * 60_000,
          damaged: previous?.warning && previous.dir ? [previous.dir] : [],
          ...(previous?.dir ? { replaced: previous.dir } : {}),
          onRemoving: () => this.step("pruning"),
        });
      } catch (error) {
        if (error instanceof ChartsError || !isCode(error, ...FILE_SYSTEM_ERRORS)) throw error;
        this.warnings.push(`${displayPath(outDir)}: ${message.pruneFailed((error as Error).message)}`);
      }
      await this.step("pruned");
      this.closed = true;
      await this.unlock().catch(() => {});
      const present = new Set([...entries, ...failed].map((chart) => chart.slug));
      return {
        manifest,
        releaseDir: dir,
        previousReleaseDir: previous?.dir,
        changed: this.changed,
        stale: this.stale,
        removed: [...this.published.keys()].filter((slug) => !present.has(slug)),
        pruned,
        warnings: this.warnings,
      };
    });
  }

  async abort(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Whatever failed before the swap, the folder still points at the old
    // release: remove the new one, which nothing can name (best effort: the
    // next build's prune removes an unfinished release too).
    if (!this.swapped && !(await pointsAt(this.outDir, this.dir))) await rm(this.dir, { recursive: true, force: true }).catch(() => {});
    // A lock that cannot be removed (a read-only folder) is taken over by the next build.
    await this.unlock().catch(() => {});
  }

  /** The entry of an output in this release, its previous versions' files carried over. */
  private async publish(output: ChartOutput): Promise<PublishedChart> {
    const old = this.published.get(output.slug);
    const entry = withHistory(output, old, this.now, this.options.toolVersion);
    if (!old || old.hash !== entry.hash) this.changed.push(output.slug);
    for (const change of entry.changes) for (const file of change.from.files) await this.carry(file);
    this.entries.push(entry);
    return entry;
  }

  /** Puts a file in the release under `name`: written from its content, or linked from a file already on disk. */
  private async place(file: PublishedFile, name: string, source: Buffer | string): Promise<void> {
    const there = this.placed.get(name);
    if (there === file.sha256) return; // a version that came back: its files are there already
    if (there !== undefined) throw new ChartsError(message.twoContents(), { file: name });
    this.placed.set(name, file.sha256);
    const target = join(this.dir, name);
    // Output identical to the published file is linked, not rewritten: same
    // inode and date, so servers deriving ETags from them keep theirs.
    const same = this.publishedFiles.get(name);
    if (typeof source !== "string" && same?.file.sha256 === file.sha256) await linkOrCopy(same.path, target);
    else if (typeof source === "string") await linkOrCopy(source, target);
    else {
      // written now, flushed with the others before the manifest names them (flushFiles): a flush per file
      // here would queue behind the rasteriser in libuv's pool while built charts wait in memory
      await writeDurable(target, source, false);
      if (this.sync) this.unflushed.push(target);
    }
    await this.step("file");
  }

  /** Carries a published file (and its stable name, if it has one) over from the previous release. */
  private async carry(file: PublishedFile): Promise<void> {
    const from = this.publishedFiles.get(file.name);
    if (!from) throw new ChartsError(message.notPublished(), { file: file.name });
    await this.placeWithStable(file, from.path);
  }

  /** Places a file under its hashed name, then its stable name (if it has one) as a link to the same bytes. */
  private async placeWithStable(file: PublishedFile, source: Buffer | string): Promise<void> {
    await this.place(file, file.name, source);
    if (file.stable) await this.place(file, file.stable, join(this.dir, file.name));
  }

  private async step(name: PublishStep): Promise<void> {
    await this.options.onStep?.(name, this.dir);
  }

  /** Runs one step of the release; whatever fails before the swap aborts it, and a refused write becomes a ChartsError. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) throw new ChartsError(message.releaseClosed(), { file: displayPath(this.dir) });
    try {
      return await work();
    } catch (error) {
      await this.abort();
      throw asPublishError(error, this.outDir);
    }
  }
}

/** A file a shard prepared must be the bytes its output lists (read synchronously, as damagedFiles reads). */
function checkFile(path: string, file: PublishedFile): void {
  const altered = alteredContent(readFileSync(path), file);
  if (altered) throw new ChartsError(altered, { file: displayPath(path) });
}

function asPublishError(error: unknown, outDir: string): unknown {
  if (error instanceof ChartsError || !isCode(error, ...FILE_SYSTEM_ERRORS)) return error;
  return new ChartsError(message.publishFailed((error as Error).message), { file: displayPath(outDir) }, { cause: error });
}

/** Whether the publish folder resolves to `dir` now. */
async function pointsAt(outDir: string, dir: string): Promise<boolean> {
  const [a, b] = await Promise.all([realpath(outDir).catch(() => undefined), realpath(dir).catch(() => undefined)]);
  return a !== undefined && a === b;
}
