import { request as httpRequest } from "node:http";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentRelease, listedFiles, publish, sha256, type Manifest } from "@charts/publish";
import { createServer } from "../src/index.ts";
import { syntheticChart } from "./fixtures/charts.ts";

const CMS = "https://cms.example.org";
let root: string;
let dir: string;
let app: FastifyInstance;
let base: string;
let manifest: Manifest;

/** A raw GET (or other method) on the real socket: no URL normalisation, no decompression. */
function raw(path: string, { method = "GET", headers = {} as Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((done, fail) => {
    const request = httpRequest(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => done({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", fail);
    request.end();
  });
}
const json = (body: Buffer) => JSON.parse(body.toString("utf8"));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "server-"));
  dir = join(root, "charts");
  ({ manifest } = await publish({
    outDir: dir,
    charts: [syntheticChart("arms", 1, { dark: true }), syntheticChart("trade")],
    failed: [{ slug: "flights", error: "no data" }],
    toolVersion: "1.0.0",
    sync: false,
    now: new Date("2024-06-19T08:00:00Z"),
  }));
  app = await createServer({ dir, cors: [CMS] });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

describe("GET /charts", () => {
  it("answers the manifest, with its hash as ETag and a short cache", async () => {
    const response = await raw("/charts");
    const onDisk = await readFile(join(dir, "manifest.json"));
    expect(response.status).toBe(200);
    expect(response.body).toEqual(onDisk);
    expect(response.headers).toMatchObject({
      "content-type": "application/json; charset=utf-8",
      etag: `"${sha256(onDisk)}"`,
      "cache-control": "public, max-age=60, must-revalidate",
      "last-modified": "Wed, 19 Jun 2024 08:00:00 GMT",
      "x-content-type-options": "nosniff",
    });
    expect(json(response.body).failed).toEqual([{ slug: "flights", error: "no data", since: "2024-06-19T08:00:00.000Z" }]);
    // Also under its file name, with its schema beside it.
    expect((await raw("/charts/manifest.json")).body).toEqual(onDisk);
    const schema = await raw("/charts/manifest.schema.json");
    expect(json(schema.body).title).toBe("Published charts manifest");
  });
});

describe("GET /charts/:slug and /charts/:slug/embed", () => {
  it("answers one chart's metadata", async () => {
    const response = await raw("/charts/arms");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(json(response.body)).toEqual(manifest.charts.find((chart) => chart.slug === "arms"));
    expect(response.headers.etag).toBe(`"${sha256(response.body)}"`);
  });

  it("answers the embed snippet as HTML", async () => {
    const response = await raw("/charts/arms/embed");
    expect(response.status).toBe(200);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toEqual(await readFile(join(dir, "arms.html")));
    expect(response.body.toString()).toContain('<source media="(prefers-color-scheme: dark)"');
    expect(response.headers["cache-control"]).toBe("public, max-age=60, must-revalidate");
  });

  it("answers 404 in JSON for a chart that is not published", async () => {
    for (const path of ["/charts/flights", "/charts/flights/embed"]) {
      const response = await raw(path);
      expect(response.status).toBe(404);
      expect(response.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(json(response.body)).toEqual({ statusCode: 404, error: "Not Found", message: "no chart flights is published" });
    }
  });
});

describe("GET /charts/:file", () => {
  it("serves every published file under its hashed and stable names, whole, with the right headers", async () => {
    const files = listedFiles(manifest);
    expect(files.size).toBeGreaterThan(20);
    for (const [name, file] of files) {
      const response = await raw(`/charts/${name}`);
      expect(response.status, name).toBe(200);
      expect(sha256(response.body), name).toBe(file.sha256);
      expect(response.headers["content-length"]).toBe(String(file.bytes));
      expect(response.headers.etag).toBe(`"${file.sha256}"`);
      const hashed = name === file.name;
      expect(response.headers["cache-control"], name).toBe(
        hashed ? "public, max-age=31536000, immutable" : "public, max-age=60, must-revalidate",
      );
      const type = { "image/svg+xml": "image/svg+xml; charset=utf-8", "image/png": "image/png" }[file.type];
      expect(response.headers["content-type"]).toBe(type ?? `${file.type}; charset=utf-8`);
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      if (file.type === "image/svg+xml") {
        expect(response.headers["content-security-policy"]).toBe(
          "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; sandbox",
        );
      }
      expect(response.headers["last-modified"]).toBe("Wed, 19 Jun 2024 08:00:00 GMT");
    }
  });

  it("answers 304 to a matching If-None-Match or If-Modified-Since, and 200 otherwise", async () => {
    const svg = manifest.charts[0]!.variants[0]!.svg;
    for (const tag of [`"${svg.sha256}"`, `W/"${svg.sha256}"`, `"other", "${svg.sha256}"`, "*"]) {
      const response = await raw(`/charts/${svg.stable}`, { headers: { "If-None-Match": tag } });
      expect(response.status, tag).toBe(304);
      expect(response.body.length).toBe(0);
      expect(response.headers["cache-control"]).toBe("public, max-age=60, must-revalidate");
      expect(response.headers.etag).toBe(`"${svg.sha256}"`);
    }
    expect((await raw(`/charts/${svg.name}`, { headers: { "If-None-Match": '"stale"' } })).status).toBe(200);
    const since = { "If-Modified-Since": "Wed, 19 Jun 2024 08:00:00 GMT" };
    expect((await raw(`/charts/${svg.name}`, { headers: since })).status).toBe(304);
    expect((await raw(`/charts/${svg.name}`, { headers: { "If-Modified-Since": "Tue, 18 Jun 2024 08:00:00 GMT" } })).status).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect((await raw(`/charts/${svg.name}`, { headers: { ...since, "If-None-Match": '"stale"' } })).status).toBe(200);
    const manifestTag = (await raw("/charts")).headers.etag as string;
    expect((await raw("/charts", { headers: { "If-None-Match": manifestTag } })).status).toBe(304);
    const metaTag = (await raw("/charts/arms")).headers.etag as string;
    expect((await raw("/charts/arms", { headers: { "If-None-Match": metaTag } })).status).toBe(304);
  });

  it("compresses SVG and JSON with brotli or gzip, tags the encoded body, but not PNG", async () => {
    const svg = manifest.charts[0]!.variants[0]!.svg;
    const br = await raw(`/charts/${svg.stable}`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(sha256(brotliDecompressSync(br.body))).toBe(svg.sha256);
    expect(br.headers.etag).toBe(`"${svg.sha256}-br"`);
    expect(br.headers.vary).toBe("Accept-Encoding");
    const again = await raw(`/charts/${svg.stable}`, { headers: { "Accept-Encoding": "br", "If-None-Match": br.headers.etag as string } });
    expect(again.status).toBe(304);
    expect(again.headers.etag).toBe(`"${svg.sha256}-br"`);

    const gzip = await raw("/charts", { headers: { "Accept-Encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body)).toEqual(await readFile(join(dir, "manifest.json")));

    const png = await raw(`/charts/${manifest.charts[0]!.variants[0]!.png.stable}`, { headers: { "Accept-Encoding": "br, gzip" } });
    expect(png.headers["content-encoding"]).toBeUndefined();
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const png = manifest.charts[0]!.variants[0]!.png;
    const response = await raw(`/charts/${png.name}`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.body.length).toBe(0);
    expect(response.headers).toMatchObject({
      "content-type": "image/png",
      "content-length": String(png.bytes),
      etag: `"${png.sha256}"`,
      "cache-control": "public, max-age=31536000, immutable",
    });
    expect((await raw("/charts", { method: "HEAD" })).status).toBe(200);
  });

  it("never serves a name the manifest does not list, nor anything outside the release", async () => {
    // A file planted in the release directory is not published: names come from the manifest, not the disk.
    const release = (await currentRelease(dir))!.dir;
    await writeFile(join(release, "planted.svg"), "<svg/>");
    await mkdir(join(root, "secret"), { recursive: true });
    await writeFile(join(root, "secret", "key.json"), '{"secret":true}');
    const attempts = [
      "/charts/planted.svg",
      "/charts/../secret/key.json",
      "/charts/..%2Fsecret%2Fkey.json",
      "/charts/%2e%2e%2fsecret%2fkey.json",
      "/charts/..%5csecret%5ckey.json",
      `/charts/${encodeURIComponent(join(root, "secret", "key.json"))}`,
      "/charts/.lock",
      "/charts/manifest.json%00.svg",
      "/charts/arms.svg/..%2f..%2fsecret%2fkey.json",
      "/charts//etc/passwd",
      "/charts/%2Fetc%2Fpasswd",
    ];
    for (const path of attempts) {
      const response = await raw(path);
      expect(response.status, path).toBe(404);
      expect(response.headers["content-type"], path).toBe("application/json; charset=utf-8");
      expect(json(response.body)).toMatchObject({ statusCode: 404, error: "Not Found" });
      expect(response.body.toString()).not.toContain("secret\":true");
    }
    await rm(join(release, "planted.svg"));
  });
});

describe("errors, CORS and health", () => {
  it("answers 404 and 405 in JSON", async () => {
    const missing = await raw("/nowhere");
    expect(missing.status).toBe(404);
    expect(json(missing.body)).toEqual({ statusCode: 404, error: "Not Found", message: "no route or chart at /nowhere" });
    for (const [method, path] of [["POST", "/charts"], ["PUT", "/charts/arms.svg"], ["DELETE", "/charts/arms"], ["PATCH", "/charts/arms/embed"], ["POST", "/health"]]) {
      const response = await raw(path!, { method: method! });
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD");
      expect(json(response.body)).toEqual({
        statusCode: 405,
        error: "Method Not Allowed",
        message: `${method} is not allowed here; use GET or HEAD`,
      });
    }
  });

  it("allows the configured origins only", async () => {
    const allowed = await raw("/charts", { headers: { Origin: CMS } });
    expect(allowed.headers["access-control-allow-origin"]).toBe(CMS);
    expect(allowed.headers["access-control-expose-headers"]).toContain("ETag");
    const other = await raw("/charts", { headers: { Origin: "https://elsewhere.example" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await raw("/charts/arms.svg", {
      method: "OPTIONS",
      headers: { Origin: CMS, "Access-Control-Request-Method": "GET" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD");
  });

  it("reports health with the current release", async () => {
    const response = await raw("/health");
    expect(response.status).toBe(200);
    expect(json(response.body)).toEqual({
      status: "ok",
      release: (await currentRelease(dir))!.dir.split("/").pop(),
      publishedAt: "2024-06-19T08:00:00.000Z",
      toolVersion: "1.0.0",
      charts: 2,
      stale: 0,
      failed: 1,
    });
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("answers 503 before anything is published, without CORS when none is configured", async () => {
    const empty = await createServer({ dir: join(root, "nothing") });
    await empty.listen({ port: 0, host: "127.0.0.1" });
    const { port } = empty.server.address() as { port: number };
    try {
      for (const path of ["/health", "/charts", "/charts/arms.svg"]) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(response.status, path).toBe(503);
        expect(await response.json()).toEqual({ statusCode: 503, error: "Service Unavailable", message: "no charts are published yet" });
      }
      const options = await fetch(`http://127.0.0.1:${port}/charts`, { method: "OPTIONS" });
      expect(options.status).toBe(405);
      expect(options.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await empty.close();
    }
  });
});

describe("a new publish", () => {
  it("is served at once, keeps the corrected version's files, and marks a failed chart stale", async () => {
    const before = manifest.charts.find((chart) => chart.slug === "arms")!;
    const { manifest: next } = await publish({
      outDir: dir,
      charts: [syntheticChart("arms", 2, { dark: true })],
      failed: [{ slug: "trade", error: "a figure no longer matches" }],
      toolVersion: "1.0.1",
      sync: false,
      now: new Date("2024-06-21T08:00:00Z"),
    });
    const after = next.charts.find((chart) => chart.slug === "arms")!;

    const stable = await raw("/charts/arms.svg");
    expect(sha256(stable.body)).toBe(after.variants[0]!.svg.sha256);
    expect(stable.headers["last-modified"]).toBe("Fri, 21 Jun 2024 08:00:00 GMT");
    // The previous version stays under its hashed name, with its own date.
    const old = await raw(`/charts/${before.variants[0]!.svg.name}`);
    expect(old.status).toBe(200);
    expect(sha256(old.body)).toBe(before.variants[0]!.svg.sha256);
    expect(old.headers["last-modified"]).toBe("Wed, 19 Jun 2024 08:00:00 GMT");

    const arms = json((await raw("/charts/arms")).body);
    expect(arms.changes).toHaveLength(1);
    expect(arms.changes[0]).toMatchObject({ date: "2024-06-21T08:00:00.000Z", reasons: ["data", "text", "render"] });
    const trade = json((await raw("/charts/trade")).body);
    expect(trade.stale).toEqual({ since: "2024-06-21T08:00:00.000Z", reason: "a figure no longer matches" });
    expect((await raw("/charts/trade.svg")).status).toBe(200);
    expect(json((await raw("/health")).body)).toMatchObject({ toolVersion: "1.0.1", stale: 1 });
  });
});
