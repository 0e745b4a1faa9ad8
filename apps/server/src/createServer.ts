import compress from "@fastify/compress";
import cors from "@fastify/cors";
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { ChartsError } from "@charts/errors";
import { SLUG } from "@charts/publish";
import { openPublishFolder, type Release, type Resource } from "./publishFolder.ts";

export interface ServerOptions {
  /** The publish folder (the symlink `publish` swaps). */
  dir: string;
  /**
   * Origins allowed to read responses from a browser: `"*"`, or a list of
   * origins (`https://cms.example.org`). Default: no CORS headers.
   */
  cors?: "*" | string[];
  /** fastify's logger: `true` for structured JSON logs (pino), pino options, or `false` (default). */
  logger?: FastifyServerOptions["logger"];
  /** Seconds a client may reuse a stable name (manifest, `<slug>.svg`) before revalidating (default 60). */
  stableMaxAge?: number;
}

const IMMUTABLE = "public, max-age=31536000, immutable";
/** An SVG may carry its own styles and embedded fonts, nothing else; `sandbox` stops scripts if opened directly. */
const SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; sandbox";
const OTHER_POLICY = "default-src 'none'; img-src * data:; frame-ancestors 'none'; sandbox";
const COMPRESSIBLE = /^(image\/svg\+xml|application\/json|text\/html)/;
const TEXT = /^(image\/svg\+xml|application\/json|text\/html)$/;
const METHODS = ["DELETE", "PATCH", "POST", "PUT"] as const;

/**
 * The HTTP service the CMS reads published charts from:
 *
 *   GET /charts                 the manifest
 *   GET /charts/:slug           one chart's metadata (its manifest entry)
 *   GET /charts/:slug/embed     its embed snippet
 *   GET /charts/:file           any published file, hashed or stable name
 *   GET /health                 200 with the current release, 503 before the first publish
 *
 * Every response comes whole from one release, resolved per request, so a
 * publish is picked up without a restart and never mixed with the previous one.
 * ETags are content hashes; hashed names are cached for good, stable names briefly.
 *
 * @example const app = await createServer({ dir: "dist/charts" }); await app.listen({ port: 8080 })
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const folder = openPublishFolder(options.dir);
  const stable = `public, max-age=${options.stableMaxAge ?? 60}, must-revalidate`;
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  });

  await app.register(compress, { encodings: ["br", "gzip"], customTypes: COMPRESSIBLE, threshold: 1024 });
  if (options.cors) {
    await app.register(cors, {
      origin: options.cors === "*" ? "*" : options.cors,
      methods: ["GET", "HEAD"],
      exposedHeaders: ["ETag", "Content-Length"],
      maxAge: 86400,
    });
  }
  // Runs after compression has chosen an encoding (its onSend hook was added to
  // each route first): an encoded body is another representation, with its own tag.
  app.addHook("onRoute", (route) => {
    const hooks = route.onSend ? [route.onSend].flat() : [];
    route.onSend = [...hooks, tagEncoding];
  });

  app.addHook("onRequest", async (_request, reply) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    // Images are embedded in the CMS's pages, on another origin.
    reply.header("Cross-Origin-Resource-Policy", "cross-origin");
    reply.header("Content-Security-Policy", OTHER_POLICY);
  });

  app.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({ statusCode: 404, error: "Not Found", message: `no route or chart at ${request.url}` }),
  );
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    const message = status >= 500 ? "the server could not answer this request" : error.message;
    return reply.code(status).send({ statusCode: status, error: status >= 500 ? "Internal Server Error" : "Bad Request", message });
  });

  /** The current release, or a 503 answer when nothing is published. */
  const release = async (reply: FastifyReply): Promise<Release | undefined> => {
    try {
      return await folder.current();
    } catch (error) {
      if (!(error instanceof ChartsError)) throw error;
      reply.code(503).header("Cache-Control", "no-store").header("Retry-After", "5");
      await reply.send({ statusCode: 503, error: "Service Unavailable", message: "no charts are published yet" });
      return undefined;
    }
  };

  const send = async (request: FastifyRequest, reply: FastifyReply, current: Release, resource: Resource) => {
    const etag = `"${resource.sha256}"`;
    reply.header("Cache-Control", resource.immutable ? IMMUTABLE : stable);
    reply.header("Last-Modified", resource.lastModified);
    if (COMPRESSIBLE.test(resource.type)) reply.header("Vary", "Accept-Encoding");
    const matched = matchingTag(request.headers["if-none-match"], resource.sha256);
    if (matched || (matched === undefined && notModifiedSince(request.headers["if-modified-since"], resource.lastModified))) {
      // Echo the client's own tag: the representation it holds may be an encoded one.
      return reply.code(304).header("ETag", matched ?? etag).send();
    }
    reply.header("ETag", etag);
    reply.header("Content-Type", TEXT.test(resource.type) ? `${resource.type}; charset=utf-8` : resource.type);
    if (resource.type === "image/svg+xml") reply.header("Content-Security-Policy", SVG_POLICY);
    return reply.send(await folder.read(current, resource));
  };

  const notAllowed = async (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(405)
      .header("Allow", "GET, HEAD")
      .send({ statusCode: 405, error: "Method Not Allowed", message: `${request.method} is not allowed here; use GET or HEAD` });
  // Without CORS nothing answers OPTIONS, so it is refused like the others.
  const refused = options.cors ? [...METHODS] : [...METHODS, "OPTIONS" as const];
  for (const url of ["/health", "/charts", "/charts/:name", "/charts/:slug/embed"]) {
    app.route({ method: refused, url, handler: notAllowed });
  }

  app.get("/health", async (_request, reply) => {
    const current = await release(reply);
    if (!current) return reply;
    return reply.header("Cache-Control", "no-store").send({
      status: "ok",
      release: current.id,
      publishedAt: current.manifest.publishedAt,
      toolVersion: current.manifest.toolVersion,
      charts: current.manifest.charts.length,
      stale: current.manifest.charts.filter((chart) => chart.stale).length,
      failed: current.manifest.failed.length,
    });
  });

  app.get("/charts", async (request, reply) => {
    const current = await release(reply);
    if (!current) return reply;
    return send(request, reply, current, current.files.get("manifest.json")!);
  });

  app.get<{ Params: { name: string } }>("/charts/:name", async (request, reply) => {
    const current = await release(reply);
    if (!current) return reply;
    const { name } = request.params;
    // A slug never has a dot and a file name always has one: no name is both.
    const resource = SLUG.test(name) ? current.charts.get(name)?.metadata : current.files.get(name);
    if (!resource) return notFound(reply, SLUG.test(name) ? `no chart ${name} is published` : `no file ${name} is published`);
    return send(request, reply, current, resource);
  });

  app.get<{ Params: { slug: string } }>("/charts/:slug/embed", async (request, reply) => {
    const current = await release(reply);
    if (!current) return reply;
    const chart = current.charts.get(request.params.slug);
    if (!chart) return notFound(reply, `no chart ${request.params.slug} is published`);
    return send(request, reply, current, chart.embed);
  });

  return app;
}

/** One structured line per request, when it is answered, instead of fastify's two. */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.url, status: reply.statusCode, ms: Number(reply.elapsedTime.toFixed(2)) };
    if (error) reply.log.error({ ...line, err: error }, "request failed");
    else reply.log.info(line, "request");
  }
}

function notFound(reply: FastifyReply, message: string) {
  return reply.code(404).send({ statusCode: 404, error: "Not Found", message });
}

/**
 * The client tag of `If-None-Match` that names this content (`"<sha256>"`,
 * weak or not, or with an encoding suffix), `*`, or null when none does;
 * undefined when the header is absent.
 */
function matchingTag(header: string | undefined, sha256: string): string | null | undefined {
  if (header === undefined) return undefined;
  for (const raw of header.split(",")) {
    const tag = raw.trim();
    if (tag === "*") return `"${sha256}"`;
    const value = tag.replace(/^W\//, "");
    if (value === `"${sha256}"` || value === `"${sha256}-br"` || value === `"${sha256}-gzip"`) return value;
  }
  return null;
}

/** `If-Modified-Since` at or after the last change (HTTP dates have whole seconds). */
function notModifiedSince(header: string | undefined, lastModified: string): boolean {
  if (!header) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Date.parse(lastModified) <= since;
}

function tagEncoding(_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
  // Compression adds its own Vary entry to ours: keep one of each.
  const vary = reply.getHeader("Vary");
  if (typeof vary === "string") {
    const names = new Map<string, string>();
    for (const name of vary.split(",")) if (!names.has(name.trim().toLowerCase())) names.set(name.trim().toLowerCase(), name.trim());
    reply.header("Vary", [...names.values()].join(", "));
  }
  const encoding = reply.getHeader("Content-Encoding");
  const etag = reply.getHeader("ETag");
  if (typeof encoding === "string" && encoding !== "identity" && typeof etag === "string" && etag.endsWith('"')) {
    reply.header("ETag", `${etag.slice(0, -1)}-${encoding}"`);
  }
  done(null, payload);
}
