// Answers written straight to a socket, for what never becomes a fastify
// request: bytes Node's parser refuses (an unknown method, oversized headers),
// a request that does not arrive in time (headers or request timeout), and
// CONNECT, which Node hands over as a bare socket. Same JSON body, security
// headers and error cache policy as every other error.
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import { message } from "@charts/errors";
import { errorBody } from "./sendError.ts";
import { DEFAULT_POLICY, ERROR_CACHE_CONTROL, SECURITY_HEADERS } from "./policies.ts";

/**
 * Writes one error response and closes the connection. Callers skip it when
 * a response is already being written on the socket, which it would corrupt.
 */
export function answerOnSocket(socket: Socket, status: number, text: string, headers: Record<string, string> = {}): void {
  if (socket.destroyed) return;
  const body = JSON.stringify(errorBody(status, text));
  const fields = {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": DEFAULT_POLICY,
    "Cache-Control": ERROR_CACHE_CONTROL,
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    Connection: "close",
    ...headers,
  };
  const head = Object.entries(fields).map(([name, value]) => `${name}: ${value}\r\n`).join("");
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${body}`);
  socket.destroy();
}

/** The answer to an error Node's HTTP server reports for a connection (its `clientError` event). */
export function clientErrorAnswer(code: string | undefined, allow: readonly string[]): { status: number; text: string; headers?: Record<string, string> } {
  switch (code) {
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { status: 408, text: message.requestTimeout() };
    case "HPE_HEADER_OVERFLOW":
      return { status: 431, text: message.headersTooLarge() };
    // Node's parser knows a fixed list of methods; any other is not allowed here either.
    case "HPE_INVALID_METHOD":
      return { status: 405, text: message.methodNotAllowed("this method"), headers: { Allow: allow.join(", ") } };
    default:
      return { status: 400, text: message.unparsableRequest(code ?? "unknown") };
  }
}
