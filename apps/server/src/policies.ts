// What every response says about how it may be used: the security headers,
// the Content-Security-Policy of each kind of content, and the cache policy
// of errors. Responses that fastify writes and those written straight to a
// socket (clientError.ts) take them from here.

/** On every response. Images are embedded in the CMS's pages, on another origin, hence cross-origin CORP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "cross-origin",
};

// Nothing the service sends may be framed (the CMS shows charts through <img>
// and <picture>, which frame-ancestors does not govern), set a base URL or
// submit a form; `sandbox` without any allow- token runs no script at all,
// whatever the content carries, and gives the document an opaque origin.
const LOCKED = "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/** JSON (manifest, metadata, errors): nothing to load, nothing to run. */
export const DEFAULT_POLICY = `default-src 'none'; ${LOCKED}`;

/** An SVG opened directly: its own styles and embedded fonts (WOFF2 data: URLs), nothing else. */
export const SVG_POLICY = `default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; ${LOCKED}`;

/**
 * An embed snippet opened directly (`text/html`): the chart's pictures, from
 * the service itself or from the origin of the manifest's `baseUrl` when it is
 * absolute (`https://charts.example.org/charts/`), and nothing else.
 */
export function embedPolicy(baseUrl: string): string {
  const sources = ["'self'"];
  const origin = URL.parse(baseUrl)?.origin;
  if (origin && origin !== "null") sources.push(origin);
  return `default-src 'none'; img-src ${sources.join(" ")}; ${LOCKED}`;
}

/** The policy for a response of this media type. */
export function contentSecurityPolicy(type: string, baseUrl: string): string {
  if (type === "image/svg+xml") return SVG_POLICY;
  if (type === "text/html") return embedPolicy(baseUrl);
  return DEFAULT_POLICY;
}

/**
 * `Cache-Control` of every error response (4xx, 5xx), from fastify or written
 * to the socket. An error describes a moment or a request: a 404 is wrong from
 * the next publish on, a 503 from the next good release, a 412 or 416 answers
 * one client's headers. Each is answered from memory in microseconds, so no
 * cache (browser, CDN) should keep one: caching saves nothing worth serving a
 * stale "not published" after a publish.
 */
export const ERROR_CACHE_CONTROL = "no-store";
