// The source line is house text like a number format: one convention for the
// chart's footer (render), the compiled metadata (specs) and the CMS caption
// (publish), so a chart never reads "Source: Nguồn: ..." in one of them.

/** "Source:" and "Sources:" per house locale; French sets a no-break space before the colon. */
const LABELS: Record<string, [one: string, several: string]> = {
  en: ["Source:", "Sources:"],
  fr: ["Source\u00a0:", "Sources\u00a0:"],
  vi: ["Nguồn:", "Nguồn:"],
  de: ["Quelle:", "Quellen:"],
  es: ["Fuente:", "Fuentes:"],
};

/** A line that already starts with a label, in any house locale. */
const LABELLED = /^\s*(sources?|nguồn|quellen?|fuentes?)\s*:/i;

/**
 * The source line in the chart's language: `source` with the label for
 * `count` sources put before it, unless it already starts with one.
 *
 * @example sourceLine("ISEAS; AFP", "en-GB", 2) // "Sources: ISEAS; AFP"
 */
export function sourceLine(source: string, locale = "en-GB", count = 1): string {
  if (LABELLED.test(source)) return source.trim();
  const [one, several] = LABELS[locale.slice(0, 2)] ?? LABELS.en!;
  return `${count > 1 ? several : one} ${source.trim()}`;
}

/**
 * What a source line names, without its label (in any house locale).
 * @example sourceNames("Sources: ISEAS; AFP") // "ISEAS; AFP"
 */
export function sourceNames(line: string): string {
  return line.replace(LABELLED, "").trim();
}
