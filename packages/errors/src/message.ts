// Every message a desk, a reviewer or the CMS can read, in one place (after
// Vega-Lite's src/log/message.ts). A stage throws
//
//   throw new ChartsError(message.noSuchDataset(name, known), { file, field })
//
// and its tests compare against the same function, never a copied string, so a
// wording changes here and nowhere else. Messages say what was expected and
// what was received; the place (file, row, field) is ChartsError's `where`,
// never part of the message, so it is printed once.
//
// Sections follow the data flow. Keep each function a one-liner where possible,
// named after the problem (`unknownUnit`, `pathOutsideRoot`), not the stage.
import { describe } from "./describe.ts";

// ---------------------------------------------------------------------------
// Generic

/** "expected a number but received "7,6" of type string": the shape of most messages. */
export function invalid(expected: string, received: unknown): string {
  return `expected ${expected} but received ${describe(received)}`;
}

/** A limit a desk can raise in the config: refused before the expensive step. */
export function overLimit(what: string, limit: number | string, received: number | string, setting: string): string {
  return `${what} is ${received}, over the limit of ${limit} (raise ${setting} in charts.config.json if this is intended)`;
}

// ---------------------------------------------------------------------------
// texts

// ---------------------------------------------------------------------------
// numbers (units, scales, locales)

// ---------------------------------------------------------------------------
// datasets

// ---------------------------------------------------------------------------
// specs (chart definitions)

/** A URL where a chart definition must name a dataset: its numbers would have no provenance. */
export function urlData(url: unknown): string {
  return `expected data from a dataset but received the URL ${describe(url)}: every number a chart draws must come from a dataset row with provenance, so name a dataset in the chart's data (or cites) instead`;
}

// ---------------------------------------------------------------------------
// render (Vega, fonts, images, links, PNG)

/** A data or image URL with a scheme (file:, http:, data:) or protocol-relative (//host). */
export function urlNotLocal(url: string, allowed: string): string {
  return `expected a path to a file under ${allowed} but received the URL ${JSON.stringify(url)}: charts read local files only, never file://, http(s):// or //host URLs`;
}

/** A path written so that it could mean another file once decoded (%2e%2e, backslashes, control characters). */
export function urlEncoded(url: string): string {
  return `expected a plain path (no %-encoding, backslashes, control characters or surrounding spaces) but received ${JSON.stringify(url)}`;
}

/** A path that leaves the allowed folder, directly, through ../ or through a symbolic link. */
export function pathOutsideRoot(url: string, real: string, allowed: string): string {
  return `expected a file under ${allowed} but ${JSON.stringify(url)} resolves to ${real} (through ../, an absolute path or a symbolic link)`;
}

/** A local file that cannot be read (missing, a folder). */
export function unreadable(url: string, reason: string): string {
  return `cannot read ${JSON.stringify(url)}: ${reason}`;
}

/** An image that is not one of the raster formats embedded as data URIs. */
export function imageFormat(url: string): string {
  return `expected a PNG, JPEG, GIF or WebP image but ${JSON.stringify(url)} is none of them`;
}

/** A link (href) with a scheme other than http: or https:. */
export function linkScheme(href: string): string {
  return `expected an http: or https: link but received ${JSON.stringify(href)}`;
}

/** A link while links are switched off. */
export function linksOff(href: string, setting: string): string {
  return `expected no links (${setting}) but the chart links to ${JSON.stringify(href)}`;
}

/** A font family that is not bundled, found before rendering. */
export function fontFamily(family: unknown, bundled: string): string {
  return `expected the bundled font family "${bundled}" (or sans-serif, drawn in it) but received ${describe(family)}`;
}

/** A Vega expression that reached for something outside the expression language. */
export function expressionRefused(detail: string): string {
  return `expected a Vega expression that uses only its own functions, but it ${detail}`;
}

/** What an SVG must not carry: script, event handlers, foreign content, external references. */
export function unsafeSvg(what: string): string {
  return `expected an inert, self-contained SVG but it has ${what}`;
}

/** The --seed of charts render and the build. */
export function seed(received: unknown): string {
  return invalid("a whole number from 0 to 4294967295", received);
}

// ---------------------------------------------------------------------------
// publish

// ---------------------------------------------------------------------------
// cli

// ---------------------------------------------------------------------------
// server
