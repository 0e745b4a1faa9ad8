import { decodeHTMLStrict } from "entities";
import { isJunkLine } from "./junkPatterns.ts";

// Spaces a scraper leaves in copy that should read as a plain space: no-break
// (U+00A0, U+202F), the typographic spaces U+2000-U+200A, tabs and friends.
const ODD_SPACES = /[\t\v\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Invisible characters that only break searches: zero-width spaces and
// joiners, the byte-order mark, soft hyphens.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Entity names whose `&` a scraper lost, that are safe to restore even glued
// to a word: no English word ends in them (unlike `aring` in "sharing" or
// `not`, `in`, `copy`, which are entities too and must be left alone).
const GLUED_ENTITY = "[a-zA-Z](?:acute|grave|circ|uml|tilde|cedil|slash)|[lr][sd]quo|[lr]aquo|[nm]dash|hellip|nbsp";
// Names restored only when they stand at the start of a word.
const LOOSE_ENTITY = "amp|quot|apos";

/**
 * Cleans scraped article copy: decodes HTML entities, repairs broken entity
 * fragments, normalises Unicode to NFC, turns no-break and other odd spaces
 * into plain spaces, collapses spaces within lines, removes whole lines of page
 * junk (see `junkPatterns`) and keeps at most one blank line between paragraphs.
 * Curly quotes and dashes are kept as written.
 *
 * Conservative by design: only whole lines that match a junk pattern are
 * removed, so no sentence of the article is lost.
 *
 * @example cleanText("Trade stood at&nbsp;US$3.6\u00A0billion.\nLeave a Comment") // "Trade stood at US$3.6 billion."
 */
export function cleanText(raw: string): string {
  let text = raw.replace(/\r\n?/g, "\n").replace(/[\u2028\u2029]/g, "\n");
  // Strict: only `&name;` with its semicolon, so "R&D" or "&regions" in plain copy stay as written.
  text = decodeHTMLStrict(text);
  text = repairBrokenEntities(text);
  text = text.normalize("NFC").replace(INVISIBLE, "").replace(ODD_SPACES, " ");
  const lines = text
    .split("\n")
    .map((line) => line.replace(/ {2,}/g, " ").trim())
    .filter((line) => !isJunkLine(line));
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Repairs entities whose `&` was lost. A glued name is restored
 * (`Putinrsquo;s` -> `Putin’s`). A scraper that mangled a French word
 * (`inqui&egrave;te`) can also leave debris such as `worriedé egrave;t`: a
 * decoded accent glued to a plain English word, then the bare entity name with
 * the rest of the French word. That debris is removed, keeping the English word.
 */
function repairBrokenEntities(text: string): string {
  // The word starts after a non-letter: a long run of letters is tried once, not once per letter (linear, not quadratic).
  const debris = new RegExp(`(?<![A-Za-z])([A-Za-z]+)[\\u00C0-\\u017F] (${GLUED_ENTITY});\\p{L}*`, "gu");
  const glued = new RegExp(`(?<!&)(${GLUED_ENTITY});|(?<![&\\p{L}])(${LOOSE_ENTITY});`, "gu");
  return text
    .replace(debris, (match, word: string, name: string) => (isEntityName(name) ? word : match))
    .replace(glued, (match, a: string | undefined, b: string | undefined) => {
      const name = a ?? b ?? "";
      return isEntityName(name) ? decodeHTMLStrict(`&${name};`) : match;
    });
}

function isEntityName(name: string): boolean {
  return decodeHTMLStrict(`&${name};`) !== `&${name};`;
}
