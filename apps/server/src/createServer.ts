import compress from "@fastify/compress";
import cors from "@fastify/cors";
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from "fastify";
import { ChartsError, message } from "@charts/errors";
import { SLUG } from "@charts/publish";
import { answerOnSocket, clientErrorAnswer } from "./clientError.ts";
import type { DrainingServer } from "./DrainingServer.ts";
import { createHttpServer, type Timeouts } from "./httpServer.ts";
import { contentSecurityPolicy, DEFAULT_POLICY, ERROR_CACHE_CONTROL, SECURITY_HEADERS } from "./policies.ts";
import { evaluatePreconditions, rangeApplies, strongDate, type Validators } from "./preconditions.ts";
import { NOTHING_PUBLISHED, openPublishFolder, type Release, type Resource } from "./publishFolder.ts";
import { selectRange } from "./selectRange.ts";
import { sendError } from "./sendError.ts";

export interface ServerOptions extends Partial<Timeouts> {
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

/** Timeouts in milliseconds, when ServerOptions leaves them out. */
export const DEFAULT_TIMEOUTS: Readonly<Timeouts> = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  idleTimeout: 30_000,
  // fastify's default: longer than the 60 s idle timeout of common load balancers.
  keepAliveTimeout: 72_000,
  drainTimeout: 10_000,
};

const IMMUTABLE = "public, max-age=31536000, immutable";
/** Longest name in a URL (fastify's maxParamLength); published names are far shorter. */
const MAX_NAME = 200;
/** The text types published files are served as: compressed, and sent with their charset. */
const TEXT_TYPES = ["image/svg+xml", "application/json", "text/html", "text/csv"];
const TEXT = new Set(TEXT_TYPES);
const COMPRESSIBLE = new RegExp(`^(${TEXT_TYPES.map((type) => type.replace(/[+/]/g, "\\$&")).join("|")})`);

/**
 * The HTTP service the CMS reads published charts from:
 *
 *   GET /charts                 the manifest
 *   GET /charts/:slug           one chart's metadata (its manifest entry)
 *   GET /charts/:slug/embed     its embed snippet
 *   GET /charts/:file           any published file, hashed or stable name
 *   GET /health                 200 with the current release, 503 when none can be served
 *
 * Every response comes whole from one release, resolved per request, so a
 * publish is picked up without a restart and never mixed with the previous one.
 * ETags are content hashes; hashed names are cached for good, stable names briefly.
 * Only GET and HEAD (and OPTIONS for CORS) are answered; every error is JSON
 * and never cached. `app.close()` drains responses in flight (DrainingServer.ts).
 *
 * @example const app = await createServer({ dir: "dist/charts" }); await app.listen({ port: 8080 })
 */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const folder = openPublishFolder(options.dir);
  const stable = `public, max-age=${options.stableMaxAge ?? 60}, must-revalidate`;
  const timeouts = timeoutsOf(options);
  const allowed = options.cors ? ["GET", "HEAD", "OPTIONS"] : ["GET", "HEAD"];
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_NAME },
    serverFactory: (handler) => createHttpServer(handler, timeouts, allowed),
    // Requests arriving on open connections while draining are answered (with
    // Connection: close), not refused: the client connected before the signal.
    return503OnClosing: false,
    // A URL that does not decode (400) or a name over maxParamLength (414), before routing.
    frameworkErrors: (error, request, reply) =>
      error.code === "FST_ERR_MAX_PARAM_LENGTH"
        ? sendError(reply, 414, message.nameTooLong(MAX_NAME))
        : sendError(reply, 400, message.undecodableUrl(request.url)),
    clientErrorHandler: (error, socket) => {
      if (error.code === "ECONNRESET" || socket.destroyed) return;
      app.log.debug({ err: error }, "client error");
      const answer = clientErrorAnswer(error.code, allowed);
      // A response already on its way would be corrupted by a second one.
      if ((app.server as DrainingServer).answering(socket)) socket.destroy();
      else answerOnSocket(socket, answer.status, answer.text, answer.headers);
    },
  });
  app.server.on("drainTimeout", (open: number) => app.log.warn({ open, drainTimeout: timeouts.drainTimeout }, "drain timed out: closing the connections left"));

  app.addHook("onRequest", async (_request, reply) => {
    reply.headers({ ...SECURITY_HEADERS, "Content-Security-Policy": DEFAULT_POLICY });
  });
  await app.register(compress, { encodings: ["br", "gzip"], customTypes: COMPRESSIBLE, threshold: 1024 });
  if (options.cors) {
    // With a list of origins, @fastify/cors adds `Vary: Origin` to every response.
    await app.register(cors, {
      origin: options.cors === "*" ? "*" : options.cors,
      methods: ["GET", "HEAD"],
      exposedHeaders: ["ETag", "Content-Length", "Content-Range", "Accept-Ranges"],
      maxAge: 86400,
    });
  }
  // After CORS has answered its preflights: refuse what the service never answers, on any path.
  app.addHook("onRequest", async (request, reply) => {
    if (!allowed.includes(request.method)) {
      return sendError(reply.header("Allow", allowed.join(", ")), 405, message.methodNotAllowed(request.method));
    }
    if (request.raw.httpVersion === "1.1" && request.headers.host === undefined) return sendError(reply, 400, message.missingHost());
  });
  app.addHook("onSend", async (_request, reply, payload) => {
    if (reply.statusCode >= 400) reply.header("Cache-Control", ERROR_CACHE_CONTROL);
    return payload;
  });
  // Runs after compression has chosen an encoding (its onSend hook was added to
  // each route first): an encoded body is another representation, with its own tag.
  app.addHook("onRoute", (route) => {
    const hooks = route.onSend ? [route.onSend].flat() : [];
    route.onSend = [...hooks, tagEncoding];
  });

  app.setNotFoundHandler(async (request, reply) => sendError(reply, 404, message.noRoute(request.url)));
  app.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, "request failed");
    return sendError(reply, status, status >= 500 ? message.internalError() : error.message);
  });

  // The fault last logged: a damaged release is logged once, not at every request it fails.
  let logged: string | undefined;
  /** Answers 503 for a release that cannot be served, and says why in the log. */
  const unavailable = (request: FastifyRequest, reply: FastifyReply, error: ChartsError) => {
    const nothing = error.where.field === NOTHING_PUBLISHED;
    if (!nothing && error.message !== logged) request.log.error({ err: error }, "release unavailable");
    logged = error.message;
    reply.header("Retry-After", "5");
    return sendError(reply, 503, nothing ? message.nothingPublished() : message.releaseUnavailable());
  };

  /** The current release, or undefined once a 503 is sent. */
  const release = async (request: FastifyRequest, reply: FastifyReply): Promise<Release | undefined> => {
    try {
      const current = await folder.current();
      logged = undefined;
      return current;
    } catch (error) {
      if (!(error instanceof ChartsError)) throw error;
      await unavailable(request, reply, error);
      return undefined;
    }
  };

  const send = async (request: FastifyRequest, reply: FastifyReply, current: Release, resource: Resource) => {
    const validators: Validators = { sha256: resource.sha256, lastModified: resource.lastModified, strong: strongDate(resource.lastModified) };
    const outcome = evaluatePreconditions(request.headers, validators);
    if (outcome.status === 412) return sendError(reply, 412, message.preconditionFailed(outcome.header, outcome.received));

    // Headers of the content, on 200, 206 and 304 alike (a 304 updates the client's stored headers).
    reply.header("Cache-Control", resource.immutable ? IMMUTABLE : stable);
    if (validators.strong) reply.header("Last-Modified", resource.lastModified);
    if (COMPRESSIBLE.test(resource.type)) vary(reply, "Accept-Encoding");
    reply.header("Content-Security-Policy", contentSecurityPolicy(resource.type, current.manifest.baseUrl));
    reply.header("Accept-Ranges", "bytes");
    if (outcome.status === 304) return reply.code(304).header("ETag", outcome.etag).send();

    let body: Buffer;
    try {
      body = await folder.read(current, resource);
    } catch (error) {
      if (!(error instanceof ChartsError)) throw error;
      return unavailable(request, reply, error);
    }
    reply.header("ETag", `"${resource.sha256}"`);
    reply.header("Content-Type", TEXT.has(resource.type) ? `${resource.type}; charset=utf-8` : resource.type);
    const range = request.headers.range;
    // Range is defined for GET only; HEAD answers as a GET without it would.
    if (request.method === "GET" && range !== undefined && rangeApplies(request.headers["if-range"], validators)) {
      const part = selectRange(range, body.length);
      if (part === "unsatisfiable") {
        reply.header("Content-Range", `bytes */${body.length}`);
        return sendError(reply, 416, message.rangeNotSatisfiable(range, body.length));
      }
      if (part) {
        reply.code(206).header("Content-Range", `bytes ${part.start}-${part.end}/${body.length}`);
        return reply.send(body.subarray(part.start, part.end + 1));
      }
    }
    return reply.send(body);
  };

  app.get("/health", async (request, reply) => {
    const current = await release(request, reply);
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
    const current = await release(request, reply);
    if (!current) return reply;
    return send(request, reply, current, current.files.get("manifest.json")!);
  });

  app.get<{ Params: { name: string } }>("/charts/:name", async (request, reply) => {
    const current = await release(request, reply);
    if (!current) return reply;
    const { name } = request.params;
    // A slug never has a dot and a file name always has one: no name is both.
    const resource = SLUG.test(name) ? current.charts.get(name)?.metadata : current.files.get(name);
    if (!resource) return sendError(reply, 404, SLUG.test(name) ? message.chartNotPublished(name) : message.fileNotPublished(name));
    return send(request, reply, current, resource);
  });

  app.get<{ Params: { slug: string } }>("/charts/:slug/embed", async (request, reply) => {
    const current = await release(request, reply);
    if (!current) return reply;
    const chart = current.charts.get(request.params.slug);
    if (!chart) return sendError(reply, 404, message.chartNotPublished(request.params.slug));
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

/** Adds a field to `Vary`, keeping those already there (CORS adds `Origin`). */
function vary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader("Vary");
  reply.header("Vary", typeof current === "string" && current ? `${current}, ${field}` : field);
}

/** Each timeout from the options, or its default. */
function timeoutsOf(options: ServerOptions): Timeouts {
  const keys = Object.keys(DEFAULT_TIMEOUTS) as (keyof Timeouts)[];
  return Object.fromEntries(keys.map((key) => [key, options[key] ?? DEFAULT_TIMEOUTS[key]])) as unknown as Timeouts;
}

function tagEncoding(_request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) {
  // Compression adds its own Vary entry to ours: keep one of each.
  const varied = reply.getHeader("Vary");
  if (typeof varied === "string") {
    const names = new Map<string, string>();
    for (const name of varied.split(",")) if (!names.has(name.trim().toLowerCase())) names.set(name.trim().toLowerCase(), name.trim());
    reply.header("Vary", [...names.values()].join(", "));
  }
  const encoding = reply.getHeader("Content-Encoding");
  const etag = reply.getHeader("ETag");
  if (typeof encoding === "string" && encoding !== "identity" && typeof etag === "string" && etag.endsWith('"')) {
    reply.header("ETag", `${etag.slice(0, -1)}-${encoding}"`);
  }
  done(null, payload);
}
