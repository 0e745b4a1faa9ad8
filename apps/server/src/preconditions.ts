// Conditional requests (RFC 9110 §13): what the validators of the current
// version make of a GET or HEAD's If-Match, If-Unmodified-Since,
// If-None-Match, If-Modified-Since and If-Range.
//
// The service's entity-tag of a content is its SHA-256, `"<sha256>"`, and
// `"<sha256>-br"` / `"<sha256>-gzip"` for an encoded body: all three name the
// same bytes, so a client holding any of them holds the current version.
import type { IncomingHttpHeaders } from "node:http";

export interface Validators {
  sha256: string;
  /** HTTP date of the last change; `strong` is false while it is too recent to tell two versions apart (see `strongDate`). */
  lastModified: string;
  strong: boolean;
}

export type Outcome =
  | { status: 200 }
  /** Not modified; `etag` is the client's own tag when it named one (it may hold an encoded representation). */
  | { status: 304; etag: string }
  | { status: 412; header: "If-Match" | "If-Unmodified-Since"; received: string };

/**
 * The answer the preconditions call for, evaluated in the order of RFC 9110
 * §13.2.2: If-Match (strong comparison), else If-Unmodified-Since; then
 * If-None-Match (weak comparison), else If-Modified-Since. A date that does
 * not parse is ignored, as the RFC says.
 *
 * @example evaluatePreconditions(request.headers, { sha256, lastModified, strong: true }) // { status: 304, etag: '"…"' }
 */
export function evaluatePreconditions(headers: IncomingHttpHeaders, validators: Validators): Outcome {
  const modified = Date.parse(validators.lastModified);
  const ifMatch = headers["if-match"];
  if (ifMatch !== undefined) {
    if (!entityTags(ifMatch).some((tag) => tag === "*" || (!tag.startsWith("W/") && names(tag, validators.sha256)))) {
      return { status: 412, header: "If-Match", received: ifMatch };
    }
  } else {
    const since = date(headers["if-unmodified-since"]);
    if (since !== undefined && modified > since) return { status: 412, header: "If-Unmodified-Since", received: headers["if-unmodified-since"]! };
  }

  const ifNoneMatch = headers["if-none-match"];
  if (ifNoneMatch !== undefined) {
    const matched = entityTags(ifNoneMatch).find((tag) => tag === "*" || names(tag.replace(/^W\//, ""), validators.sha256));
    if (matched === undefined) return { status: 200 };
    return { status: 304, etag: matched === "*" ? `"${validators.sha256}"` : matched.replace(/^W\//, "") };
  }
  // A date that cannot tell two versions apart cannot vouch that the client has this one.
  const since = date(headers["if-modified-since"]);
  if (validators.strong && since !== undefined && modified <= since) return { status: 304, etag: `"${validators.sha256}"` };
  return { status: 200 };
}

/**
 * Whether a Range may be honoured (RFC 9110 §13.1.5): always without If-Range;
 * with it, only for the exact identity tag (a part is cut from the unencoded
 * bytes) or the exact Last-Modified date of a strong one. Otherwise the whole
 * content is sent.
 */
export function rangeApplies(ifRange: string | string[] | undefined, validators: Validators): boolean {
  if (ifRange === undefined) return true;
  // Sent twice: no single validator to check, so the whole content.
  if (Array.isArray(ifRange)) return false;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith("W/")) return value === `"${validators.sha256}"`;
  return validators.strong && date(value) === Date.parse(validators.lastModified);
}

/**
 * Whether a Last-Modified date is a strong validator at `now` (RFC 9110
 * §8.8.2.2): HTTP dates have whole seconds, so two versions published within
 * the second of the response would carry the same date. A date that is not
 * at least one second in the past is not sent, nor used for a 304.
 */
export function strongDate(lastModified: string, now = Date.now()): boolean {
  return Date.parse(lastModified) < Math.floor(now / 1000) * 1000;
}

/** The entity-tags of a list header, `*` included; a comma inside quotes does not split. */
function entityTags(header: string): string[] {
  return header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
}

/** Whether a (non-weak) tag names this content, in any encoding. */
function names(tag: string, sha256: string): boolean {
  return tag === `"${sha256}"` || tag === `"${sha256}-br"` || tag === `"${sha256}-gzip"`;
}

function date(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = Date.parse(header);
  return Number.isFinite(value) ? value : undefined;
}
