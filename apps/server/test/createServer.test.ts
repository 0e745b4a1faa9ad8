import { request as httpRequest } from "node:http";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { currentRelease, listedFiles, publish, releasesDir, sha256, swapTo, type Manifest } from "@charts/publish";
import { createServer } from "../src/index.ts";
import { DEFAULT_POLICY, embedPolicy, SVG_POLICY } from "../src/policies.ts";
import { syntheticChart } from "./fixtures/charts.ts";
import { exchange, listen, parseResponse } from "./fixtures/sockets.ts";

const CMS = "https://cms.example.org";
let root: string;
let dir: string;
let app: FastifyInstance;
let base: string;
let manifest: Manifest;
let port: number;

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
  ({ base, port } = await listen(app));
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
      expect(json(response.body)).toEqual({ statusCode: 404, error: "Not Found", message: message.chartNotPublished("flights") });
      expect(response.headers["cache-control"]).toBe("no-store");
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
      const policy = { "image/svg+xml": SVG_POLICY, "text/html": embedPolicy("/charts/") }[file.type] ?? DEFAULT_POLICY;
      expect(response.headers["content-security-policy"], name).toBe(policy);
      expect(response.headers["accept-ranges"]).toBe("bytes");
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
    // CORS names origins here, so every response varies by Origin too.
    expect(br.headers.vary).toBe("Origin, Accept-Encoding");
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
    expect(json(missing.body)).toEqual({ statusCode: 404, error: "Not Found", message: message.noRoute("/nowhere") });
    expect(missing.headers["cache-control"]).toBe("no-store");
    const methods = ["POST", "PUT", "DELETE", "PATCH", "TRACE", "PURGE", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK", "SEARCH", "QUERY", "LINK", "REPORT"];
    const paths = ["/charts", "/charts/arms.svg", "/charts/arms", "/charts/arms/embed", "/health", "/nowhere"];
    for (const method of methods) {
      for (const path of paths) {
        const response = await raw(path, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        // OPTIONS answers CORS preflights here.
        expect(response.headers.allow).toBe("GET, HEAD, OPTIONS");
        expect(response.headers["cache-control"]).toBe("no-store");
        expect(json(response.body)).toEqual({ statusCode: 405, error: "Method Not Allowed", message: message.methodNotAllowed(method) });
      }
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
        expect(await response.json()).toEqual({ statusCode: 503, error: "Service Unavailable", message: message.nothingPublished() });
        expect(response.headers.get("cache-control"), path).toBe("no-store");
        expect(response.headers.get("retry-after"), path).toBe("5");
      }
      const options = await fetch(`http://127.0.0.1:${port}/charts`, { method: "OPTIONS" });
      expect(options.status).toBe(405);
      expect(options.headers.get("access-control-allow-origin")).toBeNull();
    } finally {
      await empty.close();
    }
  });
});

describe("Content-Security-Policy", () => {
  it("sends the SVG policy on every SVG response: 200, 304, HEAD and 206 alike", async () => {
    const svg = manifest.charts[0]!.variants[0]!.svg;
    const answers = [
      await raw(`/charts/${svg.stable}`),
      await raw(`/charts/${svg.name}`),
      await raw(`/charts/${svg.stable}`, { headers: { "If-None-Match": `"${svg.sha256}"` } }),
      await raw(`/charts/${svg.stable}`, { headers: { "If-Modified-Since": "Wed, 19 Jun 2024 08:00:00 GMT" } }),
      await raw(`/charts/${svg.stable}`, { method: "HEAD" }),
      await raw(`/charts/${svg.stable}`, { headers: { Range: "bytes=0-99" } }),
      await raw(`/charts/${svg.stable}`, { headers: { "Accept-Encoding": "br", "If-None-Match": `"${svg.sha256}-br"` } }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 304, 304, 200, 206, 304]);
    for (const answer of answers) expect(answer.headers["content-security-policy"]).toBe(SVG_POLICY);
    expect(SVG_POLICY).toContain("frame-ancestors 'none'");
  });

  it("sends the embed policy on the snippet, under both its addresses, and the locked one on JSON and errors", async () => {
    for (const path of ["/charts/arms/embed", "/charts/arms.html", `/charts/${manifest.charts[0]!.embed.name}`]) {
      const response = await raw(path);
      expect(response.headers["content-type"], path).toBe("text/html; charset=utf-8");
      expect(response.headers["content-security-policy"], path).toBe("default-src 'none'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox");
      const again = await raw(path, { headers: { "If-None-Match": response.headers.etag as string } });
      expect(again.status).toBe(304);
      expect(again.headers["content-security-policy"], path).toBe(embedPolicy("/charts/"));
    }
    for (const path of ["/charts", "/charts/arms", "/health", "/charts/nothing.svg", "/nowhere"]) {
      expect((await raw(path)).headers["content-security-policy"], path).toBe(DEFAULT_POLICY);
    }
    expect(DEFAULT_POLICY).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox");
    expect(embedPolicy("https://charts.example.org/charts/")).toContain("img-src 'self' https://charts.example.org;");
  });
});

describe("Vary", () => {
  it("names Origin on every response when CORS names origins, 200, 304, 206 and errors alike", async () => {
    const png = manifest.charts[0]!.variants[0]!.png;
    const svg = manifest.charts[0]!.variants[0]!.svg;
    const cases: [string, Record<string, string>, number, string][] = [
      [`/charts/${png.stable}`, {}, 200, "Origin"],
      [`/charts/${png.stable}`, { Origin: CMS }, 200, "Origin"],
      [`/charts/${png.stable}`, { "If-None-Match": `"${png.sha256}"` }, 304, "Origin"],
      [`/charts/${svg.stable}`, {}, 200, "Origin, Accept-Encoding"],
      [`/charts/${svg.stable}`, { "If-None-Match": `"${svg.sha256}"` }, 304, "Origin, Accept-Encoding"],
      [`/charts/${svg.stable}`, { Range: "bytes=0-9" }, 206, "Origin, Accept-Encoding"],
      ["/charts", { "Accept-Encoding": "gzip" }, 200, "Origin, Accept-Encoding"],
      ["/charts/arms/embed", {}, 200, "Origin, Accept-Encoding"],
      ["/charts/nothing.svg", {}, 404, "Origin"],
    ];
    for (const [path, headers, status, vary] of cases) {
      const response = await raw(path, { headers });
      expect(response.status, path).toBe(status);
      expect(response.headers.vary, `${path} ${JSON.stringify(headers)}`).toBe(vary);
    }
  });

  it("leaves Origin out when every origin may read (CORS *): the response is the same for all", async () => {
    const open = await createServer({ dir, cors: "*" });
    const { base: openBase } = await listen(open);
    try {
      const png = await fetch(`${openBase}/charts/${manifest.charts[0]!.variants[0]!.png.stable}`, { headers: { Origin: CMS } });
      expect(png.headers.get("access-control-allow-origin")).toBe("*");
      expect(png.headers.get("vary")).toBeNull();
    } finally {
      await open.close();
    }
  });
});

describe("Range and preconditions", () => {
  const svg = () => manifest.charts[0]!.variants[0]!.svg;
  const png = () => manifest.charts[0]!.variants[0]!.png;

  it("answers a single Range with 206 and Content-Range, from the unencoded bytes", async () => {
    const whole = await readFile(join(dir, svg().stable!));
    const size = whole.length;
    const cases: [string, number, number][] = [
      ["bytes=0-99", 0, 99],
      ["bytes=100-", 100, size - 1],
      ["bytes=-10", size - 10, size - 1],
      ["bytes=10-20, 15-30", 10, 30],
      [`bytes=${size - 5}-${size + 100}`, size - 5, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await raw(`/charts/${svg().stable}`, { headers: { Range: range, "Accept-Encoding": "br, gzip" } });
      expect(response.status, range).toBe(206);
      expect(response.headers["content-range"], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers["content-encoding"], range).toBeUndefined();
      expect(response.headers["content-length"], range).toBe(String(end - start + 1));
      expect(response.body, range).toEqual(whole.subarray(start, end + 1));
      expect(response.headers.etag).toBe(`"${svg().sha256}"`);
      expect(response.headers["cache-control"]).toBe("public, max-age=60, must-revalidate");
    }
    const part = await raw(`/charts/${png().name}`, { headers: { Range: "bytes=0-7" } });
    expect(part.status).toBe(206);
    expect(part.body).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it("answers 416 to a range outside the file, and the whole file to what it does not honour", async () => {
    const size = svg().bytes;
    const outside = await raw(`/charts/${svg().stable}`, { headers: { Range: `bytes=${size}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers["content-range"]).toBe(`bytes */${size}`);
    expect(outside.headers["cache-control"]).toBe("no-store");
    expect(json(outside.body)).toEqual({ statusCode: 416, error: "Range Not Satisfiable", message: message.rangeNotSatisfiable(`bytes=${size}-`, size) });
    for (const range of ["bytes=0-9, 20-29", "bytes=abc", "items=0-9", "bytes=9-2"]) {
      const response = await raw(`/charts/${svg().stable}`, { headers: { Range: range } });
      expect(response.status, range).toBe(200);
      expect(response.body.length, range).toBe(size);
    }
    // Range is for GET only.
    const head = await raw(`/charts/${svg().stable}`, { method: "HEAD", headers: { Range: "bytes=0-9" } });
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(size));
  });

  it("honours If-Range only for the identity tag or the exact date", async () => {
    const cases: [string, number][] = [
      [`"${svg().sha256}"`, 206],
      ["Wed, 19 Jun 2024 08:00:00 GMT", 206],
      [`"${svg().sha256}-br"`, 200],
      [`W/"${svg().sha256}"`, 200],
      ['"other"', 200],
      ["Thu, 20 Jun 2024 08:00:00 GMT", 200],
    ];
    for (const [ifRange, status] of cases) {
      const response = await raw(`/charts/${svg().stable}`, { headers: { Range: "bytes=0-9", "If-Range": ifRange } });
      expect(response.status, ifRange).toBe(status);
    }
  });

  it("answers 412 when If-Match or If-Unmodified-Since names another version", async () => {
    const path = `/charts/${svg().stable}`;
    const cases: [Record<string, string>, number][] = [
      [{ "If-Match": `"${svg().sha256}"` }, 200],
      [{ "If-Match": `"other", "${svg().sha256}-gzip"` }, 200],
      [{ "If-Match": "*" }, 200],
      [{ "If-Match": '"other"' }, 412],
      [{ "If-Match": `W/"${svg().sha256}"` }, 412],
      [{ "If-Unmodified-Since": "Wed, 19 Jun 2024 08:00:00 GMT" }, 200],
      [{ "If-Unmodified-Since": "Tue, 18 Jun 2024 08:00:00 GMT" }, 412],
      [{ "If-Unmodified-Since": "not a date" }, 200],
      // If-Match decides; If-Unmodified-Since is then ignored.
      [{ "If-Match": `"${svg().sha256}"`, "If-Unmodified-Since": "Tue, 18 Jun 2024 08:00:00 GMT" }, 200],
      [{ "If-Match": `"${svg().sha256}"`, "If-None-Match": `"${svg().sha256}"` }, 304],
    ];
    for (const [headers, status] of cases) {
      const response = await raw(path, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(status);
      if (status === 412) {
        const [header, received] = Object.entries(headers)[0]!;
        expect(json(response.body)).toEqual({ statusCode: 412, error: "Precondition Failed", message: message.preconditionFailed(header, received) });
        expect(response.headers["cache-control"]).toBe("no-store");
        expect(response.headers.etag).toBeUndefined();
      }
    }
  });
});

describe("errors are never cached", () => {
  it("answers every error with Cache-Control: no-store, whoever writes it", async () => {
    const statusOf = (data: Buffer) => parseResponse(data);
    const cases: [string, string, number][] = [
      ["unknown method (Node's parser refuses it)", "FOO /charts HTTP/1.1\r\nHost: x\r\n\r\n", 405],
      ["CONNECT", "CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n", 405],
      ["HTTP/1.1 without Host", "GET /charts HTTP/1.1\r\nConnection: close\r\n\r\n", 400],
      ["a URL that does not decode", "GET /charts/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 400],
      ["a name over the length limit", `GET /charts/${"a".repeat(300)}.svg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 414],
      ["headers over Node's limit", `GET /charts HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
      ["a header line without a colon", "GET /charts HTTP/1.1\r\nHost x\r\n\r\n", 400],
      ["an Expect other than 100-continue", "GET /charts HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\n\r\n", 417],
    ];
    for (const [what, request, status] of cases) {
      const response = statusOf(await exchange(port, request));
      expect(response.status, what).toBe(status);
      expect(response.headers["cache-control"], what).toBe("no-store");
      expect(response.headers["x-content-type-options"], what).toBe("nosniff");
      expect(response.headers["content-security-policy"], what).toBe(DEFAULT_POLICY);
      expect(JSON.parse(response.body.toString()).statusCode, what).toBe(status);
      if (status === 405) expect(response.headers.allow, what).toBe("GET, HEAD, OPTIONS");
    }
    const bodyOf = async (request: string) => JSON.parse(statusOf(await exchange(port, request)).body.toString());
    expect((await bodyOf("GET /charts/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).message).toBe(message.undecodableUrl("/charts/%zz"));
    expect((await bodyOf(`GET /charts/${"a".repeat(300)}.svg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).message).toBe(message.nameTooLong(200));
    const unknown = JSON.parse(statusOf(await exchange(port, "FOO /charts HTTP/1.1\r\nHost: x\r\n\r\n")).body.toString());
    expect(unknown.message).toBe(message.methodNotAllowed("this method"));
    expect(JSON.parse(statusOf(await exchange(port, "GET /charts HTTP/1.1\r\nConnection: close\r\n\r\n")).body.toString()).message).toBe(message.missingHost());
  });

  it("answers a fault of the service with a 500 that says nothing of it, never cached", async () => {
    const faulty = await createServer({ dir });
    faulty.get("/fault", async () => {
      throw new Error("secret detail");
    });
    const { base: faultyBase } = await listen(faulty);
    try {
      const response = await fetch(`${faultyBase}/fault`);
      expect(response.status).toBe(500);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual({ statusCode: 500, error: "Internal Server Error", message: message.internalError() });
    } finally {
      await faulty.close();
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

describe("Last-Modified", () => {
  it("moves when a snippet or a chart's metadata changes without the chart's content (a new baseUrl, a stale mark lifted)", async () => {
    // State left by "a new publish": arms v2 published on the 21st, trade stale since then.
    const embedBefore = await raw("/charts/arms/embed");
    const metaBefore = await raw("/charts/trade");
    const svgBefore = await raw("/charts/arms.svg");
    const { manifest: next } = await publish({
      outDir: dir,
      charts: [syntheticChart("arms", 2, { dark: true }), syntheticChart("trade")],
      toolVersion: "1.0.1",
      baseUrl: "https://charts.example.org/charts/",
      sync: false,
      now: new Date("2024-06-22T08:00:00Z"),
    });
    // Same content: the charts keep their hash and lastChanged; only the snippet's addresses and trade's stale mark change.
    expect(next.charts.find((chart) => chart.slug === "arms")!.lastChanged).toBe("2024-06-21T08:00:00.000Z");
    expect(next.charts.find((chart) => chart.slug === "trade")!.lastChanged).toBe("2024-06-19T08:00:00.000Z");

    for (const [path, before] of [["/charts/arms/embed", embedBefore], ["/charts/arms.html", embedBefore], ["/charts/trade", metaBefore]] as const) {
      const since = before.headers["last-modified"] as string;
      const response = await raw(path, { headers: { "If-Modified-Since": since } });
      expect(response.status, path).toBe(200);
      expect(response.body, path).not.toEqual(before.body);
      expect(Date.parse(response.headers["last-modified"] as string), path).toBeGreaterThan(Date.parse(since));
    }
    expect((await raw("/charts/arms/embed")).body.toString()).toContain("https://charts.example.org/charts/arms.");
    expect(json((await raw("/charts/trade")).body).stale).toBeUndefined();
    // Bytes that did not change keep their date, and a client holding them keeps its copy.
    const svg = await raw("/charts/arms.svg", { headers: { "If-Modified-Since": svgBefore.headers["last-modified"] as string } });
    expect(svg.status).toBe(304);
    expect(svg.headers["last-modified"]).toBe("Fri, 21 Jun 2024 08:00:00 GMT");
  });

  it("is left out, and If-Modified-Since ignored, while it cannot tell two versions apart (the version is under a second old)", async () => {
    const future = new Date(Date.now() + 3_600_000);
    await publish({ outDir: dir, charts: [syntheticChart("arms", 3)], toolVersion: "1.0.2", sync: false, now: future });
    const response = await raw("/charts/arms.svg", { headers: { "If-Modified-Since": new Date(future.getTime() + 60_000).toUTCString() } });
    expect(response.status).toBe(200);
    expect(response.headers["last-modified"]).toBeUndefined();
    expect(response.body.toString()).toContain("arms v3");
    // The ETag still validates.
    expect((await raw("/charts/arms.svg", { headers: { "If-None-Match": response.headers.etag as string } })).status).toBe(304);
  });
});

describe("a release that cannot be served", () => {
  it("answers 503 for a corrupt manifest, a manifest of another shape, a missing or altered file, a missing release; and recovers by itself", async () => {
    const folder = join(root, "damaged");
    const logged: { msg: string; err?: { message: string } }[] = [];
    const stream = { write: (line: string) => logged.push(JSON.parse(line)) };
    const damaged = await createServer({ dir: folder, logger: { level: "error", stream } });
    const { base: damagedBase } = await listen(damaged);
    const get = (path: string) => fetch(`${damagedBase}${path}`);
    const { releaseDir: good, manifest: goodManifest } = await publish({ outDir: folder, charts: [syntheticChart("arms")], toolVersion: "1.0.0", sync: false });
    const expectUnavailable = async (what: string, paths = ["/health", "/charts", "/charts/arms.svg", "/charts/arms", "/charts/arms/embed"]) => {
      for (const path of paths) {
        const response = await get(path);
        expect(response.status, `${what}: ${path}`).toBe(503);
        expect(response.headers.get("cache-control"), `${what}: ${path}`).toBe("no-store");
        expect(response.headers.get("retry-after")).toBe("5");
        expect(await response.json()).toEqual({ statusCode: 503, error: "Service Unavailable", message: message.releaseUnavailable() });
      }
    };
    /** A release made by hand from the good one, with `change` applied, swapped in. */
    const damage = async (name: string, change: (release: string) => Promise<void>) => {
      const release = join(releasesDir(folder), name);
      await cp(good, release, { recursive: true });
      await change(release);
      await swapTo(folder, release);
    };
    try {
      expect((await get("/charts/arms.svg")).status).toBe(200);

      await damage("corrupt-json", (release) => writeFile(join(release, "manifest.json"), '{"version": 1, "charts": ['));
      await expectUnavailable("corrupt JSON");
      // Logged once, naming the file, not at every request.
      expect(logged.filter((line) => line.msg === "release unavailable")).toHaveLength(1);
      expect(logged[0]!.err!.message).toContain(join("corrupt-json", "manifest.json"));
      await damage("other-shape", (release) =>
        writeFile(join(release, "manifest.json"), JSON.stringify({ ...goodManifest, charts: [{ slug: "arms", embed: "arms.html" }] })),
      );
      await expectUnavailable("another shape");
      await damage("missing-manifest", (release) => rm(join(release, "manifest.json")));
      await expectUnavailable("no manifest");
      // A listed file gone or altered: that file is unavailable, the rest is served (and
      // so is a content already in memory, kept by its hash: arms.svg was read above).
      await damage("missing-file", (release) => rm(join(release, "arms@2x.png")));
      await expectUnavailable("a listed file gone", ["/charts/arms@2x.png"]);
      expect((await get("/charts/arms.png")).status).toBe(200);
      await damage("altered-file", (release) => writeFile(join(release, "arms.vl.json"), "not the listed bytes"));
      await expectUnavailable("a listed file altered", ["/charts/arms.vl.json"]);
      expect((await get("/charts/arms.svg")).status).toBe(200);
      expect((await get("/health")).status).toBe(200);
      // The folder points at a release that was deleted.
      await damage("deleted", (release) => rm(release, { recursive: true }));
      await expectUnavailable("a missing release");

      // Recovery, without a restart: a good release swapped back in, then a new publish.
      await swapTo(folder, good);
      expect((await get("/charts/arms.svg")).status).toBe(200);
      await damage("corrupt-again", (release) => writeFile(join(release, "manifest.json"), "{"));
      await expectUnavailable("corrupt again");
      // publish refuses to build on a corrupt current release (it would lose the corrections trail): the desk removes the link.
      await rm(folder);
      await publish({ outDir: folder, charts: [syntheticChart("arms", 4)], toolVersion: "1.0.3", sync: false });
      const svg = await get("/charts/arms.svg");
      expect(svg.status).toBe(200);
      expect(await svg.text()).toContain("arms v4");
      expect((await get("/health")).status).toBe(200);
    } finally {
      await damaged.close();
    }
  });
});
