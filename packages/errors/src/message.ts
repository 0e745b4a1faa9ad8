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
