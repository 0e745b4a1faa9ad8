// The server's view of a publish folder: which release it points at now, and
// what that release holds. Releases are immutable, so everything read from one
// is cached for good; a new publish is a new release, seen at the next request.
import { realpathSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { ChartsError } from "@charts/errors";
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
  /** HTTP date of the version's last change. */
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
  /** The release the folder points at now; throws a ChartsError when nothing is published there. */
  current(): Promise<Release>;
  /** The bytes of a resource of a release, checked against its hash on first read, then cached. */
  read(release: Release, resource: Resource): Promise<Buffer>;
}

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
      let key: string;
      let real: string;
      try {
        real = realpathSync.native(dir);
        const stat = statSync(join(real, MANIFEST));
        key = `${real}\0${stat.ino}\0${stat.mtimeMs}\0${stat.size}`;
      } catch (error) {
        throw new ChartsError("nothing is published here yet", { file: dir }, { cause: error });
      }
      let release = releases.get(key);
      if (!release) {
        release = indexRelease(real);
        releases.set(key, release);
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
      const content = await readFile(join(release.dir, resource.file!));
      if (content.length !== resource.bytes || sha256(content) !== resource.sha256) {
        throw new ChartsError("does not match the hash the manifest lists", { file: join(release.dir, resource.file!) });
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

async function indexRelease(dir: string): Promise<Release> {
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

  // Dates of each file's version: the current one's, or the corrected one's.
  const versionDate = new Map<string, string>();
  for (const chart of manifest.charts) {
    for (const change of chart.changes) for (const file of change.from.files) versionDate.set(file.name, change.from.lastChanged);
    for (const file of currentFiles(chart)) versionDate.set(file.name, chart.lastChanged);
  }
  for (const [name, file] of listedFiles(manifest)) {
    files.set(name, {
      file: name,
      type: file.type,
      sha256: file.sha256,
      bytes: file.bytes,
      lastModified: httpDate(versionDate.get(file.name) ?? manifest.publishedAt),
      immutable: name === file.name,
    });
  }

  const charts = new Map<string, { metadata: Resource; embed: Resource }>();
  for (const chart of manifest.charts) {
    const changed = [chart.lastChanged, chart.stale?.since ?? chart.lastChanged].sort().at(-1)!;
    const metadata = inMemory(Buffer.from(JSON.stringify(chart)), httpDate(changed));
    charts.set(chart.slug, { metadata, embed: files.get(chart.embed.stable ?? chart.embed.name)! });
  }
  return { dir, id: basename(dir), manifest, files, charts };
}

function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}
