// The server's view of a publish folder: which release it points at now, and
// what that release holds. Releases are immutable, so everything read from one
// is cached for good; a new publish is a new release, seen at the next request.
// A release that cannot be served (no manifest, a manifest that does not match
// its schema, a missing or altered file) throws a ChartsError, which the
// service answers with 503 until a good release is in place.
import { lstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { ChartsError, message } from "@charts/errors";
import { currentFiles, listedFiles, MANIFEST, readManifest, SCHEMA, sha256, type Manifest } from "@charts/publish";

/** Something a release serves: a published file, the manifest, or a chart's metadata. */
export interface Resource {
  /** Name in the release directory; absent for metadata, which exists only in memory. */
  file?: string;
  /** Bytes already in memory (manifest, metadata); files are read on first use. */
  body?: Buffer;
  type: string;
  sha256: string;
  bytes: number;
  /** HTTP date no earlier than the last change of the bytes served under this name (see `lastModifiedOf`). */
  lastModified: string;
  /** Hashed names never change content; everything else may. */
  immutable: boolean;
}

export interface Release {
  /** Real path of the release directory. */
  dir: string;
  id: string;
  manifest: Manifest;
  /** `manifest.json` and `manifest.schema.json`, and every file the manifest lists, by name. */
  files: Map<string, Resource>;
  /** Metadata (the manifest entry) and embed snippet of each chart, by slug. */
  charts: Map<string, { metadata: Resource; embed: Resource }>;
}

export interface PublishFolder {
  /**
   * The release the folder points at now. Throws a ChartsError when nothing is
   * published there (`where.field` is `nothing-published`) or when the release
   * cannot be served (missing, or a manifest that does not match its schema).
   */
  current(): Promise<Release>;
  /** The bytes of a resource of a release, checked against its hash on first read, then cached; a ChartsError when missing or altered. */
  read(release: Release, resource: Resource): Promise<Buffer>;
}

/** `where.field` of the error `current()` throws before the first publish, to tell it from a broken release. */
export const NOTHING_PUBLISHED = "nothing-published";

/**
 * Opens a publish folder (the symlink `publish` swaps, or any folder with a
 * manifest). Each call to `current()` resolves the folder again, so a swap is
 * seen at once and a request is answered from one release only.
 * `cacheBytes` bounds the file contents kept in memory (default 64 MiB).
 */
export function openPublishFolder(dir: string, { cacheBytes = 64 * 2 ** 20 } = {}): PublishFolder {
  const releases = new Map<string, Promise<Release>>();
  const contents = new Map<string, Buffer>();
  let cached = 0;

  return {
    async current() {
      // Two syscalls of a few microseconds, cheaper done here than on the
      // thread pool; the manifest's identity also covers a plain folder
      // rewritten in place (a symlinked release never is).
      const real = resolveRelease(dir);
      let key: string;
      try {
        const stat = statSync(join(real, MANIFEST));
        key = `${real}\0${stat.ino}\0${stat.mtimeMs}\0${stat.size}`;
      } catch (error) {
        throw new ChartsError(`cannot read the manifest: ${(error as Error).message}`, { file: join(real, MANIFEST) }, { cause: error });
      }
      let release = releases.get(key);
      if (!release) {
        release = indexRelease(real);
        releases.set(key, release);
        // A release that failed is indexed again at the next request: the fault may be passing.
        release.catch(() => releases.delete(key));
        // A few releases at most are in use at once: the current one and those of requests in flight.
        while (releases.size > 4) releases.delete(releases.keys().next().value!);
      }
      return release;
    },

    async read(release, resource) {
      if (resource.body) return resource.body;
      const hit = contents.get(resource.sha256);
      if (hit) {
        // Map order is use order: move the hit to the end.
        contents.delete(resource.sha256);
        contents.set(resource.sha256, hit);
        return hit;
      }
      const path = join(release.dir, resource.file!);
      let content: Buffer;
      try {
        content = await readFile(path);
      } catch (error) {
        throw new ChartsError(`cannot read a listed file: ${(error as Error).message}`, { file: path }, { cause: error });
      }
      const found = { sha256: sha256(content), bytes: content.length };
      if (found.bytes !== resource.bytes || found.sha256 !== resource.sha256) {
        throw new ChartsError(message.hashMismatch(resource.sha256, resource.bytes, found), { file: path });
      }
      if (content.length <= cacheBytes / 4) {
        contents.set(resource.sha256, content);
        cached += content.length;
        for (const [key, value] of contents) {
          if (cached <= cacheBytes) break;
          contents.delete(key);
          cached -= value.length;
        }
      }
      return content;
    },
  };
}

/** The real path of the release `dir` points at; tells "nothing published yet" from a dangling link. */
function resolveRelease(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch (error) {
    const link = (() => {
      try {
        return lstatSync(dir).isSymbolicLink() ? readlinkSync(dir) : undefined;
      } catch {
        return undefined;
      }
    })();
    if (link !== undefined) throw new ChartsError(message.releaseMissing(basename(link)), { file: dir }, { cause: error });
    throw new ChartsError(message.nothingPublished(), { file: dir, field: NOTHING_PUBLISHED }, { cause: error });
  }
}

async function indexRelease(dir: string): Promise<Release> {
  // readManifest checks it against publish's manifest.schema.json: another shape is refused, never half served
  const manifest = await readManifest(dir);
  const manifestBody = await readFile(join(dir, MANIFEST));
  const schemaBody = await readFile(join(dir, SCHEMA)).catch(() => undefined);
  const files = new Map<string, Resource>();
  const inMemory = (body: Buffer, lastModified: string): Resource => ({
    body,
    type: "application/json",
    sha256: sha256(body),
    bytes: body.length,
    lastModified,
    immutable: false,
  });
  const published = httpDate(manifest.publishedAt);
  files.set(MANIFEST, { ...inMemory(manifestBody, published), file: MANIFEST });
  if (schemaBody) files.set(SCHEMA, { ...inMemory(schemaBody, published), file: SCHEMA });

  const dates = lastModifiedOf(manifest);
  for (const [name, file] of listedFiles(manifest)) {
    files.set(name, {
      file: name,
      type: file.type,
      sha256: file.sha256,
      bytes: file.bytes,
      lastModified: httpDate(dates.get(name) ?? manifest.publishedAt),
      immutable: name === file.name,
    });
  }

  const charts = new Map<string, { metadata: Resource; embed: Resource }>();
  for (const chart of manifest.charts) {
    // The entry changes with things the manifest does not date (its tool version,
    // the embed file, a stale mark that is lifted): only the release's date is sure.
    const metadata = inMemory(Buffer.from(JSON.stringify(chart)), published);
    charts.set(chart.slug, { metadata, embed: files.get(chart.embed.stable ?? chart.embed.name)! });
  }
  return { dir, id: basename(dir), manifest, files, charts };
}

/**
 * The date of the last change of the bytes under each file name, from what the
 * manifest records. It must move whenever those bytes change, or a client's
 * `If-Modified-Since` gets a 304 for content it does not have:
 *
 * - a hashed name never changes content: the date of the version it belongs to;
 * - a stable SVG, PNG or Vega-Lite name: the chart's `lastChanged`, which moves
 *   whenever the chart's hash does, and that hash covers these bytes (render
 *   hash: every SVG and PNG; data hash: the Vega-Lite text);
 * - a stable embed snippet (`<slug>.html`): its bytes also depend on the
 *   manifest's `baseUrl` and on the tool that wrote it, and a rebuild that only
 *   changes those keeps `lastChanged`. The manifest does not date that change,
 *   so the only date sure to be no earlier is the release's `publishedAt`.
 *
 * Names missing here (the manifest, its schema) take `publishedAt`.
 */
export function lastModifiedOf(manifest: Manifest): Map<string, string> {
  const dates = new Map<string, string>();
  for (const chart of manifest.charts) {
    for (const change of chart.changes) for (const file of change.from.files) dates.set(file.name, change.from.lastChanged);
    for (const file of currentFiles(chart)) {
      dates.set(file.name, chart.lastChanged);
      if (file.stable) dates.set(file.stable, file === chart.embed ? manifest.publishedAt : chart.lastChanged);
    }
  }
  return dates;
}

function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}
