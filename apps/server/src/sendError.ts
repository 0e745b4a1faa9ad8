// Every error the service answers has one JSON shape, `{statusCode, error, message}`,
// with the message from the catalogue (@charts/errors, server section).
import { STATUS_CODES } from "node:http";
import type { FastifyReply } from "fastify";
import { DEFAULT_POLICY, ERROR_CACHE_CONTROL, SECURITY_HEADERS } from "./policies.ts";

export interface ErrorBody {
  statusCode: number;
  /** The status's reason phrase: `Not Found`, `Precondition Failed`. */
  error: string;
  message: string;
}

/** The JSON body of an error answer. */
export function errorBody(status: number, message: string): ErrorBody {
  return { statusCode: status, error: STATUS_CODES[status] ?? "Error", message };
}

/**
 * Answers an error, dropping the headers that describe a chart's content
 * (validators, ranges, its policy): the body is JSON about the request, not
 * the content. It sets the security headers and the error cache policy itself,
 * for the answers fastify gives before any hook has run (a URL that does not
 * decode); createServer's onSend hook also sets the latter on every error.
 *
 * @example return sendError(reply, 404, message.chartNotPublished(slug))
 */
export function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  for (const name of ["ETag", "Last-Modified", "Accept-Ranges", "Content-Type"]) reply.removeHeader(name);
  return reply
    .code(status)
    .headers({ ...SECURITY_HEADERS, "Content-Security-Policy": DEFAULT_POLICY, "Cache-Control": ERROR_CACHE_CONTROL })
    .send(errorBody(status, message));
}
