// The Node HTTP server under fastify (its `serverFactory`): the timeouts that
// keep a slow or stalled client from holding a connection, the drain on close,
// and answers for the two things Node would otherwise settle without the
// service's headers (CONNECT, an unknown Expect).
import type { RequestListener } from "node:http";
import type { Socket } from "node:net";
import { message } from "@charts/errors";
import { answerOnSocket } from "./clientError.ts";
import { DrainingServer } from "./DrainingServer.ts";
import { DEFAULT_POLICY, ERROR_CACHE_CONTROL, SECURITY_HEADERS } from "./policies.ts";
import { errorBody } from "./sendError.ts";

export interface Timeouts {
  /** Milliseconds a client has to send a request's headers, from its first byte (0: no limit). */
  headersTimeout: number;
  /** Milliseconds a client has to send a whole request, headers and body (0: no limit). */
  requestTimeout: number;
  /** Milliseconds a connection may move no byte, either way, while a request is open (0: no limit). */
  idleTimeout: number;
  /** Milliseconds an idle keep-alive connection stays open between requests. */
  keepAliveTimeout: number;
  /** Milliseconds close() waits for responses in flight before it closes their connections (0: no bound). */
  drainTimeout: number;
}

/**
 * A DrainingServer with the timeouts set. Node checks the headers and request
 * timeouts on an interval (30 s by default, so a 10 s limit could take 40 s):
 * here every second, or a quarter of the shorter limit when that is shorter.
 * `allow` is the list of methods a 405 names.
 */
export function createHttpServer(listener: RequestListener, timeouts: Timeouts, allow: readonly string[]): DrainingServer {
  const limits = [timeouts.headersTimeout, timeouts.requestTimeout].filter((limit) => limit > 0);
  const server = new DrainingServer(
    {
      headersTimeout: timeouts.headersTimeout,
      requestTimeout: timeouts.requestTimeout,
      keepAliveTimeout: timeouts.keepAliveTimeout,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, ...limits.map((limit) => Math.floor(limit / 4)))),
      // Checked in createServer instead, so the 400 carries the service's headers.
      requireHostHeader: false,
    },
    listener,
    timeouts.drainTimeout,
  );
  // Node resets it to this value at every request and uses keepAliveTimeout between requests.
  server.setTimeout(timeouts.idleTimeout);

  // Without a listener Node destroys the socket without a word.
  server.on("connect", (_request, socket: Socket) => {
    answerOnSocket(socket, 405, message.methodNotAllowed("CONNECT"), { Allow: allow.join(", ") });
  });
  server.on("checkExpectation", (request, response) => {
    const body = JSON.stringify(errorBody(417, message.expectationFailed(String(request.headers.expect))));
    response.writeHead(417, {
      ...SECURITY_HEADERS,
      "Content-Security-Policy": DEFAULT_POLICY,
      "Cache-Control": ERROR_CACHE_CONTROL,
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      Connection: "close",
    });
    response.end(body);
  });
  return server;
}
