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

/** What parseFigure reads: one figure as a text writes it. */
export function expectedFigure(): string {
  return (
    'a figure as a text writes it, such as "US$72 million", "3.5 billion dollars", "€3,000", "19 per cent", ' +
    '"more than 80%", "60 percent to 70 percent", "2014", "between 1995 and 2023", "sixth-highest" or "six submarines"'
  );
}

/** What `charts extract` takes: a file, or the id of a text in the texts folder. */
export function expectedText(dir: string, known: readonly string[]): string {
  return `a file, or the id of a text in ${dir} (${known.join(", ") || "none there"})`;
}

/** What `--pick` takes. */
export function expectedPicks(count: number): string {
  return `figure numbers from 1 to ${count}, as charts extract prints them (#3), separated by commas, such as 3,5,8`;
}

/** A picked figure a dataset row cannot hold. */
export function unpickable(number: number, figure: string, why: string): string {
  return `figure #${number} ("${figure}") is ${why}: pick single figures with a value`;
}

// ---------------------------------------------------------------------------
// numbers (units, scales, locales)

/** What a house locale is: "one of en-GB, en-US, ...". */
export function expectedLocale(locales: readonly string[]): string {
  return `one of ${locales.join(", ")}`;
}

/** What a unit is, in the grammar of @charts/numbers (its README has the full list). */
export function expectedUnit(): string {
  return (
    'a unit such as "USD million", "EUR", "count million", "%", "pp", "tonnes thousand", "rank" or "year" ' +
    "(a currency code, count, number or a measure such as tonnes, km or people, then optionally thousand, million, billion or trillion)"
  );
}

/** The number check: a number in a chart's words that no row it draws or cites gives. */
export function numberWithoutRow(written: string, datasets: readonly string[]): string {
  return `the number "${written}" is not a figure of the rows this chart draws or cites (${datasets.join(", ")}): quote a dataset row, or add its dataset to cites`;
}

/** The number check: a year in a chart's words outside the years its rows span. */
export function yearOutsideRows(written: string, first: number, last: number): string {
  return `the year ${written} is outside the years of the rows this chart draws or cites (${first}-${last}): quote a dataset row, or add its dataset to cites`;
}

/** The decimals of a house format. */
export function expectedPrecision(): string {
  return "a whole number from 0 to 6";
}

// ---------------------------------------------------------------------------
// datasets

/** A dataset folder that exists is never overwritten. */
export function datasetExists(name: string): string {
  return `a dataset ${name} already exists: choose another name, or remove the folder first`;
}

/** What a dataset's name (its folder) is. */
export function expectedDatasetName(): string {
  return "a dataset name of lowercase letters, digits and hyphens, such as russia-arms-transfers";
}

/** A figure for a money column must be in its currency. */
export function expectedAmountIn(currency: string, unit: string): string {
  return `an amount in ${currency} for a column in ${unit}`;
}

/** A figure of the kind a column's unit takes: "a percentage for a column in %". */
export function expectedFigureFor(what: string, unit: string): string {
  return `${what} for a column in ${unit}`;
}

/** A range is two figures: a column takes one. */
export function expectedSingleFigure(unit: string | undefined): string {
  return `a single figure${unit ? ` for a column in ${unit}` : ""}, not a range`;
}

/** "thousands of soldiers" says an order of magnitude, no value a row can hold. */
export function expectedExactFigure(): string {
  return 'a figure with a value, not a vague quantity such as "thousands of"';
}

// ---------------------------------------------------------------------------
// specs (chart definitions)

/** A URL where a chart definition must name a dataset: its numbers would have no provenance. */
export function urlData(url: unknown): string {
  return `expected data from a dataset but received the URL ${describe(url)}: every number a chart draws must come from a dataset row with provenance, so name a dataset in the chart's data (or cites) instead`;
}

/** What a key of `at` must be: a width the chart is drawn at. */
export function expectedBreakpoint(breakpoints: readonly number[]): string {
  return `one of the chart's breakpoints (${breakpoints.join(", ")})`;
}

/** A number in the alt text that no drawn row gives: alt text quotes plotted values only (not cited ones, not years between). */
export function altNumberNotPlotted(written: string, dataset: string, drafted: boolean): string {
  const fix = drafted ? "the drafted alt text quotes the dek or a label; write `alt`" : "quote the values the chart draws";
  return `the number "${written}" is not a value of a row the chart draws (${dataset}): alt text may only quote plotted values; ${fix}`;
}

/** Alt text that cannot be drafted from the rows: the chart changes them in ways only Vega knows. */
export function altNotDrafted(reason: string): string {
  return `expected alt text: it cannot be drafted from the rows when ${reason}; write \`alt\``;
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

/** The publish folder is not publish's symlink: it may hold someone's files, so it is never replaced. */
export function notAReleaseLink(found: string): string {
  return `expected a symlink to a release made by publish (or nothing) but found ${found}; publish never replaces what it did not make: move it away or publish elsewhere`;
}

/** The publish folder's symlink points at a release that is gone (deleted by hand). */
export function releaseMissing(release: string): string {
  return `points at release ${release}, which does not exist`;
}

/** A release's manifest.json does not parse (truncated, overwritten). */
export function manifestUnreadable(reason: string): string {
  return `cannot read the manifest: ${reason}`;
}

/** A release's manifest does not match manifest.schema.json: the schema error's keyword and ajv's wording of it. */
export function manifestInvalid(keyword: string, rule: string | undefined, received: unknown): string {
  if (keyword === "required") return invalid("a value (it is required)", received);
  if (keyword === "additionalProperties") return invalid("no such property", received);
  return invalid(`a value that ${rule ?? `passes ${keyword}`}`, received);
}

/** A file a release's manifest lists is not on disk. */
export function fileMissing(): string {
  return "missing";
}

/** A file a release's manifest lists has another size or content. */
export function fileAltered(bytes: number, found: number): string {
  return bytes === found ? "content does not match its sha256" : `expected ${bytes} bytes but found ${found}`;
}

/** Some files of the published release are missing or altered: the first, and how many. */
export function filesDamaged(first: string, count: number): string {
  return `${first}${count > 1 ? ` (and ${count - 1} more file${count > 2 ? "s" : ""})` : ""}`;
}

/**
 * The one-line warning of a build that found the published release damaged and
 * publishes past it: what was wrong, and which charts lose their corrections trail.
 */
export function untrustedRelease(problem: string, fresh: string[] | "all"): string {
  const charts =
    fresh === "all"
      ? "every chart is published afresh, without its corrections trail"
      : `${fresh.join(", ")} ${fresh.length === 1 ? "is" : "are"} published afresh, without ${fresh.length === 1 ? "its" : "their"} corrections trail`;
  return `the published release cannot be trusted (${problem}); ${charts}`;
}

/** A write failed before the swap: the build is abandoned, the published release untouched. */
export function publishFailed(reason: string): string {
  return `could not prepare the new release (${reason}); what is published is unchanged`;
}

/** Old releases could not be removed after the swap: published anyway, retried next build. */
export function pruneFailed(reason: string): string {
  return `published, but old releases could not be removed (${reason}); the next build will try again`;
}

/** Another process holds the publish lock. */
export function lockHeld(pid: number): string {
  return `another build (pid ${pid}) is publishing; wait for it to finish`;
}

/** The publish lock could not be taken after taking over stale ones. */
export function lockUnavailable(): string {
  return "could not take the publish lock";
}

/** A file to carry over is not among what the published release holds (a bug: carried files come from its manifest). */
export function notPublished(): string {
  return "expected a file of the published release, but its manifest does not list it";
}

/** Two contents would be published under one file name. */
export function twoContents(): string {
  return "two contents for one file name";
}

/** Two charts (chart + variant) would write the same stable file. */
export function sharedFileName(name: string, owner: string): string {
  return `${name} would also be a file of chart ${owner}; rename the chart or the variant`;
}

/** A renderer's version could not be read from its installed package (rendererVersions, recorded in the manifest). */
export function rendererVersionUnknown(name: string, from: string): string {
  return `cannot read the installed version of ${name} (looked from ${from}); reinstall with pnpm install`;
}

// ---------------------------------------------------------------------------
// cli

/** An option given to a command it does not apply to, or in a combination that ignores it (the option is the place). */
export function optionDoesNotApply(why: string): string {
  return `does not apply here: ${why}`;
}

/** The closing line of a build that could not check its figures against the texts. */
export function uncheckedBuild(textsDir: string): string {
  return `UNCHECKED: the figures were not verified against the source texts (none at ${textsDir}); pass --texts DIR, or --allow-unchecked to publish anyway`;
}

// ---------------------------------------------------------------------------
// server

/** 404: a path no route answers. */
export function noRoute(url: string): string {
  return `no route or chart at ${url}`;
}

/** 404: a slug the current release does not publish (never published, or failed). */
export function chartNotPublished(slug: string): string {
  return `no chart ${slug} is published`;
}

/** 404: a file name the current release's manifest does not list. */
export function fileNotPublished(name: string): string {
  return `no file ${name} is published`;
}

/** 405: the service only reads (OPTIONS, when CORS is on, is for browsers' preflights). */
export function methodNotAllowed(method: string): string {
  return `${method} is not allowed here; use GET or HEAD`;
}

/** 503 before the first publish. */
export function nothingPublished(): string {
  return "no charts are published yet";
}

/** 503 when the current release is missing or damaged; the log names the file and the fault. */
export function releaseUnavailable(): string {
  return "the published release cannot be read; the service answers again once a good release is published";
}

/** A listed file whose bytes are not the ones the manifest lists. */
export function hashMismatch(sha256: string, bytes: number, received: { sha256: string; bytes: number }): string {
  return `expected ${bytes} bytes with SHA-256 ${sha256} (as the manifest lists) but found ${received.bytes} bytes with SHA-256 ${received.sha256}`;
}

/** 412: If-Match or If-Unmodified-Since names another version than the current one. */
export function preconditionFailed(header: string, received: string): string {
  return `${header} ${received} does not match the current version`;
}

/** 416: a Range wholly outside the file. */
export function rangeNotSatisfiable(range: string, bytes: number): string {
  return `the range ${range} is outside the ${bytes} bytes of this file`;
}

/** 400: a URL whose percent-escapes do not decode. */
export function undecodableUrl(url: string): string {
  return invalid("a URL whose %-escapes decode to UTF-8", url);
}

/** 414: a name longer than any the service publishes. */
export function nameTooLong(limit: number): string {
  return `the requested name is longer than ${limit} characters; no published name is`;
}

/** 400: an HTTP/1.1 request without Host. */
export function missingHost(): string {
  return "an HTTP/1.1 request needs a Host header";
}

/** 417: an Expect other than 100-continue. */
export function expectationFailed(received: string): string {
  return invalid("no Expect header or 100-continue", received);
}

/** 408: headers or body not received within the configured time. */
export function requestTimeout(): string {
  return "the request was not received in time";
}

/** 431: headers over Node's limit. */
export function headersTooLarge(): string {
  return "the request headers are too large";
}

/** 400: bytes that are not an HTTP request. */
export function unparsableRequest(code: string): string {
  return `the request could not be parsed (${code})`;
}

/** 500: a fault of the service itself; the log has the stack. */
export function internalError(): string {
  return "the server could not answer this request";
}
