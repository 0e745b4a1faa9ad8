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

// ---------------------------------------------------------------------------
// render (Vega, fonts, images, links, PNG)

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

// ---------------------------------------------------------------------------
// server
