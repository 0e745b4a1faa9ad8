// Page furniture that scrapers carry into article text. Each pattern must
// match a WHOLE line (after whitespace is normalised), so a sentence of the
// article is never removed because it merely mentions one of these words.
// Keep each pattern narrow and say which page it came from: cleaning must be
// conservative, and a pattern that is too wide silently loses reporting.

/** Whole-line patterns of page junk, removed by `cleanText`. */
export const junkPatterns: readonly RegExp[] = [
  // Cookie banners, English and French (the French one closes text 004).
  /^(?:we|this (?:web)?site|our (?:web)?site) uses? cookies\b.*$/i,
  /^by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site\b.*\bcookies?\b.*$/i,
  /^en poursuivant (?:la visite de ce site|votre navigation)\b.*$/i,
  /^(?:accept(?:er)?|refuser|reject)(?: all)?(?: cookies)?$/i,
  // Comment forms under blog-style pages.
  /^leave a (?:comment|reply)$/i,
  /^(?:your email address will not be published\.? ?)?required fields are marked ?\*?$/i,
  /^comments?:?$/i,
  // Navigation widgets and share/print buttons.
  /^scroll to top$/i,
  /^post navigation$/i,
  /^print friendly,? pdf ?& ?email$/i,
  /^translate(?: \/ \S.{0,30})?$/i,
  // Link back to the syndicated original, as aggregators print it.
  /^source (?:link|site)$/i,
  // Related-content links between paragraphs ("Our file on the war in Ukraine"):
  // a short line that ends without a full stop, so never a reported sentence.
  /^(?:our file on|read also:?|read more:?|see also:?|related:?) [^.!?]{0,80}$/i,
  // Casino advertising injected into text 003 ("200% Deposit Bonus up to €3,000").
  /^\d+% (?:first )?deposit bonus\b.*$/i,
  /^\d+ free spins\b.*$/i,
  // Agency rights notices ("All rights of reproduction and representation reserved. © (2024) AFP").
  /^all rights (?:of reproduction (?:and representation )?)?reserved\b.*$/i,
];

/** True when a (normalised, trimmed) line is page junk. */
export function isJunkLine(line: string): boolean {
  return junkPatterns.some((pattern) => pattern.test(line));
}
