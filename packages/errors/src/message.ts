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
// texts (and readUtf8, through which every stage reads a desk's files)

/** A file a desk named (a text, a data.csv, a definition) is not there. */
export function noSuchFile(): string {
  return "no such file";
}

/** A folder (or a device) where a file should be. */
export function notAFile(): string {
  return "expected a file but found a folder or a device";
}

/** A file that exists but cannot be read (permissions). */
export function unreadableFile(reason: string): string {
  return `cannot read the file (${reason})`;
}

/** A folder of the project (texts, datasets, charts) that is not there. */
export function noSuchFolder(what: string): string {
  return `no such ${what} folder`;
}

/** Bytes that are not UTF-8: a file saved in another encoding, or not text at all. */
export function notUtf8(line: number, column: number, byte: number): string {
  return `expected UTF-8 text but line ${line}, column ${column} has the byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")}, which is not UTF-8: save the file as UTF-8`;
}

/** A control character (NUL, ESC...) in a file that should be text: a binary file, or text decoded twice. */
export function controlCharacter(line: number, column: number, codePoint: number): string {
  return `expected text but line ${line}, column ${column} has the control character U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}: is this a binary file?`;
}

/** What a text id is. */
export function expectedTextId(): string {
  return "a text id such as 004_e411960df6774cf9 (a file name without .txt)";
}

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

/** A JSON file that does not parse: JSON.parse's reason. */
export function invalidJson(reason: string): string {
  return `expected valid JSON but could not parse it: ${reason}`;
}

/** A key written twice in one JSON object: JSON.parse would keep the last and drop the first without a word. */
export function duplicateKey(key: string): string {
  return `expected each key once in an object but ${JSON.stringify(key)} appears again (JSON would silently keep only the last)`;
}

/** A JSON file that breaks its schema without an error to show (never expected). */
export function schemaMismatch(schemaFile: string): string {
  return `does not match ${schemaFile}`;
}

/** A data.csv that does not parse: csv-parse's reason. */
export function invalidCsv(reason: string): string {
  return `expected valid CSV but could not parse it: ${reason}`;
}

/** An empty data.csv. */
export function emptyCsv(): string {
  return "expected a header row but the file is empty";
}

/** A data.csv with a header and nothing else. */
export function noRows(): string {
  return "expected at least one row after the header but the file has none";
}

/** A row with more or fewer fields than the header. */
export function fieldCount(expected: number, received: number): string {
  return `expected ${expected} fields as in the header but received ${received}`;
}

/** The value column is empty in a row. */
export function expectedValue(): string {
  return "a value (the figure is checked against it)";
}

/** Two columns of dataset.json with one name. */
export function expectedUniqueColumnName(): string {
  return "a name no other column has";
}

/** The column `value` of dataset.json names. */
export function expectedValueColumn(candidates: readonly string[]): string {
  return candidates.length ? `the name of a number, year or date column (${candidates.join(", ")})` : "the name of a number, year or date column, but none is declared";
}

/** A header naming a column twice. */
export function expectedColumnOnce(): string {
  return "each column once";
}

/** A header column that is neither declared nor provenance. */
export function expectedHeaderColumns(declared: readonly string[], provenance: string): string {
  return `only the columns of dataset.json (${declared.join(", ")}) and the provenance columns (${provenance})`;
}

/** A declared or provenance column the header lacks. */
export function missingColumn(name: string, declared: boolean, provenance: string): string {
  const why = declared ? "declared in dataset.json" : `a provenance column: every data.csv has ${provenance}`;
  return `expected a column "${name}" (${why}) but the header has none`;
}

/** A cell of a year column. */
export function expectedYear(): string {
  return "a four-digit year such as 2023";
}

/** A cell of a number column. */
export function expectedPlainNumber(): string {
  return "a plain number such as 171 or 3.6 (no separators, units or spaces)";
}

/** A number with more digits than a double keeps: it would be rounded, or become Infinity, silently. */
export function expectedExactNumber(digits: number): string {
  return `a number of at most ${digits} digits (a longer one cannot be kept exactly: use a larger unit, such as USD billion)`;
}

/** The source cell of a row. */
export function expectedSourceId(): string {
  return "the id of a source text, such as 004_e411960df6774cf9";
}

/** The figure cell of a row. */
export function expectedFigureCell(): string {
  return 'the figure as the text writes it, such as "US$72 million"';
}

/** The status cell of a row. */
export function expectedStatus(statuses: readonly string[]): string {
  return `one of ${statuses.map((status) => JSON.stringify(status)).join(", ")}`;
}

/** The formula cell of a derived row. */
export function expectedFormulaCell(): string {
  return 'a formula of the figure such as "2 * figure" (derived rows need one)';
}

/** A formula on a row that is not derived. */
export function expectedNoFormula(status: string): string {
  return `no formula on a ${status} row (mark the row derived, or empty the cell)`;
}

/** The note of an implied or derived row. */
export function expectedNote(status: "implied" | "derived"): string {
  const what = status === "implied" ? "where the unsaid part comes from" : "how the value was derived";
  return `a note saying ${what} (${status} rows need one)`;
}

/** Two rows that agree in every column but the value. */
export function expectedDistinctRow(first: number, columns: readonly string[]): string {
  return `a row that differs from row ${first} in ${columns.join(", ")}`;
}

/** What a formula may hold. */
export function expectedFormula(): string {
  return 'a formula of numbers, the variable figure, + - * / and parentheses, such as "2 * figure"';
}

/** A formula whose result is no number (1 / figure for a figure of 0). */
export function formulaNotFinite(formula: string, value: number, figure: number): string {
  return `formula "${formula}" gives ${value} for figure ${figure}`;
}

/** The check: a row citing a text that sources.json does not list (or lists with an invalid entry). */
export function notInSources(source: string): string {
  return `text ${source} has no valid entry in sources.json`;
}

/** The check: a row citing a text that cannot be read; `reason` is the text's own error, with its file. */
export function textUnreadable(source: string, reason: string): string {
  return `cannot read text ${source}: ${reason}`;
}

/** The check: the text does not state the row's figure (in a sentence with the row's context, when given). */
export function figureNotInText(source: string, figure: string, context?: string): string {
  return `text ${source} does not say "${figure}"${context === undefined ? "" : ` in a sentence with "${context}"`}`;
}

/** The check: "this year" read as a stated year. */
export function relativeYearStated(figure: string, source: string): string {
  return `"${figure}" gives a year only through the date of text ${source}: mark the row implied and explain in note`;
}

/** The check: "this year" without the text's date. */
export function relativeYearNeedsDate(figure: string, source: string): string {
  return `"${figure}" needs the date of text ${source}: add it to sources.json and pass the sources to the check`;
}

/** The check: the figure, converted (and through the formula), is not the row's value. */
export function figureMismatch(value: string, unit: string | undefined, figure: string, source: string, formula: string | undefined, received: unknown): string {
  return `expected ${value}${unit ? ` ${unit}` : ""} ("${figure}" in text ${source}${formula ? `, by ${formula}` : ""}) but received ${String(received)}`;
}

/** The check: a stated row's year that the figure's sentence does not say. */
export function yearNotInSentence(figure: string, source: string, year: number): string {
  return `the sentence of "${figure}" in text ${source} does not say ${year}: mark the row implied and explain in note`;
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

/** What a date cell is: ISO only, so 03/04/2023 is never read as March or April. */
export function expectedIsoDate(): string {
  return "an ISO date YYYY-MM-DD, or YYYY-MM for a month, such as 2023-04-30 or 2023-04";
}

/** A date column keeps the form of its first date. */
export function expectedDateForm(form: "day" | "month", row: number): string {
  return `a date written as ${form === "day" ? "YYYY-MM-DD" : "YYYY-MM"}, as in row ${row} (one form per column)`;
}

/** What a dataset's `step` is. */
export function expectedStep(): string {
  return 'a step "year", "quarter", "month", "week" or "day", or a multiple such as "5 years"';
}

/** A declared step a time column cannot take. */
export function expectedStepFor(column: string, units: readonly string[]): string {
  return `a step of ${units.join(", ")} (or a multiple) for ${column}`;
}

/** A date value column: the figure is a date, compared as written. */
export function expectedDateFigure(cell: string): string {
  return `a date that is ${cell} as the text writes it (such as "20 June 2024" for 2024-06-20)`;
}

// ---------------------------------------------------------------------------
// specs (chart definitions)

/** A chart's data or cites naming a dataset that is not there (or did not load). */
export function unknownDataset(name: string, known: readonly string[]): string {
  return `expected one of the datasets ${known.length ? known.join(", ") : "(none loaded)"} but received "${name}"`;
}

/** A definition's slug that is not its file name. */
export function expectedSlugOf(base: string): string {
  return `the slug to match the file name ("${base}")`;
}

/** A project folder (charts, datasets) that cannot be listed. */
export function unreadableFolder(what: string, reason: string): string {
  return `cannot read the ${what} folder: ${reason}`;
}

/** No source line: the rows cite no text and the definition gives none. */
export function noSourceLine(): string {
  return "expected rows that cite a source text, or a source line in the definition, but the dataset has no rows";
}

/** What a field of the plot or an annotation may name: a column of the dataset, or a field the plot derives. */
export function expectedField(dataset: string, columns: readonly string[], derived: readonly string[]): string {
  return `a column of ${dataset} (${columns.join(", ")})${derived.length ? ` or a field the plot derives (${derived.join(", ")})` : ""}`;
}

/** A column `where` names. */
export function expectedWhereColumn(dataset: string, columns: readonly string[]): string {
  return `a column of ${dataset} (${columns.join(", ")})`;
}

/** A `where` that keeps no row. */
export function expectedSelectingWhere(dataset: string): string {
  return `values that select rows of ${dataset}`;
}

/** A dataset column named like the provenance status every inlined row carries. */
export function reservedColumn(name: string): string {
  return `the column name "${name}" is reserved for each row's provenance status; rename the column`;
}

/** A label annotation whose `at` names no row. */
export function noRowAt(dataset: string, wanted: string): string {
  return `expected the fields of a row of ${dataset} but no row has ${wanted}`;
}

/** What an annotation's type is. */
export function expectedAnnotationType(): string {
  return "an annotation type";
}

/** Line labels need a line with x and y. */
export function noLineToLabel(): string {
  return "expected a plot with x and y encodings to place line labels but found none";
}

/** Value labels need a quantitative axis. */
export function noValueToLabel(): string {
  return "expected a plot with a quantitative x or y encoding to label but found none";
}

/** A range annotation on a field no axis encodes. */
export function expectedAxisField(fields: readonly unknown[]): string {
  return `the field of the plot's x or y encoding (${fields.join(", ")})`;
}

/** A range annotation on a band scale without its categories listed. */
export function expectedListedCategories(channel: string): string {
  return `the categories of the ${channel} scale listed in scale.domain (a range annotation shades whole categories, including those without data)`;
}

/** A range annotation's end that is not a category of the scale. */
export function expectedCategory(channel: string): string {
  return `one of the ${channel} scale's categories`;
}

/** A highlight annotation in a plot that colours by itself. */
export function expectedNoColor(path: string): string {
  return `no color encoding in a plot with a highlight annotation (${path} sets the colours)`;
}

/** The closest known name to a misspelt one, appended to a message. */
export function didYouMean(suggestion: string): string {
  return `; did you mean "${suggestion}"?`;
}

/** A URL where a chart definition must name a dataset: its numbers would have no provenance. */
export function urlData(url: unknown): string {
  return `expected data from a dataset but received the URL ${describe(url)}: every number a chart draws must come from a dataset row with provenance, so name a dataset in the chart's data (or cites) instead`;
}

/** Annotations are drawn on one plot, or in every panel of a facet; a repeat or concat has panels of different plots. */
export function annotationCannotApply(type: string, kind: string): string {
  return `a ${type} annotation applies to a unit, layer or facet plot (drawn in every panel) but the plot is a ${kind}, whose panels draw different things: annotate a unit or layer plot, or facet one instead`;
}

/** `gaps` in a definition whose plot has no time axis to have gaps along. */
export function gapsWithoutTimeAxis(): string {
  return "expected a plot with a year or date column on its x or y axis (gaps are the periods missing along it) but the plot has none";
}

/** A year column is drawn as a year: a timeUnit would read 2014 as milliseconds. */
export function timeUnitOnYear(column: string, timeUnit: unknown): string {
  return `expected no timeUnit on the year column ${column} (a year is drawn as a year, whatever its type) but received ${describe(timeUnit)}`;
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

/** Vega-Lite's compiler refused the spec: its reason (the JSON path is the error's field when an expression is to blame). */
export function vegaLiteCompile(reason: string): string {
  return `Vega-Lite could not compile the spec: ${reason}`;
}

/** Vega's parser refused the spec. */
export function vegaParse(reason: string): string {
  return `Vega could not parse the spec: ${reason}`;
}

/** Vega failed while running the spec. */
export function vegaRender(reason: string): string {
  return `Vega could not render the spec: ${reason}`;
}

/** Vega could not load or ingest data: Vega only warns and draws an empty chart, so it is an error here. */
export function vegaData(what: string, detail: string): string {
  return `${what}: ${detail}`;
}

/** An SVG from Vega without a size (never expected). */
export function svgWithoutSize(start: string): string {
  return `Vega produced an SVG without width and height: ${start}`;
}

/** A log scale over zero, negative or missing values: Vega would draw an empty plot without a word. */
export function logScaleDomain(scale: string, fields: readonly string[], domain: readonly number[]): string {
  const of = fields.length ? ` (field${fields.length > 1 ? "s" : ""} ${fields.join(", ")})` : "";
  return `expected a log scale over values all above zero (or all below) but scale "${scale}"${of} spans [${domain.join(", ")}]: use a linear or symlog scale, or leave out the zero, negative and missing values (a bar starts at zero)`;
}

/** The scale of a PNG. */
export function expectedScale(): string {
  return "a scale above 0";
}

/** sharp could not rasterise the SVG. */
export function rasteriseFailed(reason: string): string {
  return `sharp could not draw the PNG: ${reason}`;
}

/** The font probe drew nothing: sharp has no usable font. */
export function fontProbeNoText(face: string, where: string): string {
  return `the font probe drew no text in ${face}: sharp found no usable font; ${where}`;
}

/** The font probe drew text of another width than the bundled font's: sharp uses another font. */
export function fontProbeWrongFont(probe: string, face: string, drawn: number, expected: number, tolerance: number, where: string): string {
  return `the font probe drew ${JSON.stringify(probe)} x3 in ${face} ${drawn} px wider than x1, but the bundled font measures ${expected.toFixed(1)} px (±${tolerance.toFixed(1)}): sharp is not drawing the bundled font (it found another font, or none); ${where}`;
}

/** The renderer used before setupRenderer(). */
export function rendererNotSetUp(): string {
  return "the renderer is not set up: await setupRenderer() first";
}

/** What `usermeta.chart` of a compiled spec holds. */
export function expectedChartMeta(): string {
  return "the chart's metadata (headline, dek, source, ...)";
}

/** A metadata field that must say something. */
export function expectedNonEmptyString(): string {
  return "a non-empty string";
}

/** An optional metadata field. */
export function expectedString(): string {
  return "a string";
}

/** The format of formatType "house". */
export function expectedHouseFormat(): string {
  return 'a house format object like {"unit": "USD million"} for formatType "house"';
}

/** vega imported by something else before the exact text metrics were in place. */
export function vegaImportedEarly(): string {
  return "vega was imported before setupRenderer() and measures text with its 0.8 x length estimate; import vega only through @charts/render";
}

/** What charts render reads. */
export function expectedSpec(): string {
  return "a Vega-Lite or Vega spec (a JSON object)";
}

/** The -o of charts render. */
export function expectedOutputPath(): string {
  return "an output path ending in .svg or .png";
}

/** The --seed of charts render and the build. */
export function seed(received: unknown): string {
  return invalid("a whole number from 0 to 4294967295", received);
}

// ---------------------------------------------------------------------------
// lint (the house rules, on every rendered variant, before publish)
//
// A finding's message says what was measured against what the rule asks for;
// `element` is the text or mark as describeText / describeMark of @charts/lint
// write it (`axis label "2014"`, `bar (year 2021)`).

const px = (value: number) => String(Math.round(value * 10) / 10);

/** text-overlap */
export function textOverlaps(text: string, other: string, width: number, height: number): string {
  return `${text} overlaps ${other} by ${px(width)} × ${px(height)} px`;
}

/** text-on-marks: text across the edge of a bar, over a point or across a line. */
export function textOnMark(text: string, mark: string, width: number, height: number): string {
  return `${text} runs across ${mark} (${px(width)} × ${px(height)} px of it): move it clear of the mark, or wholly inside a bar`;
}

/** text-clipped */
export function textClipped(text: string, side: string, by: number): string {
  return `${text} runs ${px(by)} px past the ${side} edge of the chart`;
}

/** label-truncated: Vega cut a text to its limit with an ellipsis. */
export function labelTruncated(text: string, full: string, needs: number, limit: number): string {
  return `${text} is cut short: "${full}" needs ${px(needs)} px and its limit is ${px(limit)} px; wrap it, shorten it or raise the limit`;
}

/** axis-label-spacing: `labels` names the tightest pair (and how many pairs are too close). */
export function labelsCrowded(labels: string, gap: number, min: number): string {
  return `${labels}: ${px(gap)} px apart, under ${min} px${gap < 0 ? " (drawn over each other)" : ""}: label fewer ticks, or shorten the labels`;
}

/** text-size */
export function textTooSmall(text: string, size: number, min: number): string {
  return `${text} is set at ${px(size)} px, under the house minimum of ${min} px`;
}

/** text-contrast (WCAG 1.4.3) */
export function textContrastLow(text: string, fill: string, backdrop: string, ratio: number, min: number): string {
  return `${text} in ${fill} on ${backdrop} has ${ratio.toFixed(2)}:1, under ${min}:1 (WCAG 1.4.3)`;
}

/** mark-contrast (WCAG 1.4.11): neither the fill nor the outline of a mark stands out from what is behind it. */
export function markContrastLow(mark: string, colours: string, backdrop: string, ratio: number, min: number): string {
  return `${mark} in ${colours} on ${backdrop} has ${ratio.toFixed(2)}:1 at best, under ${min}:1 (WCAG 1.4.11): darken its colour, or outline it in one that has`;
}

/** color-vision: two categories' colours, as a reader with a colour-vision deficiency sees them. */
export function coloursConfused(a: string, b: string, vision: string, distance: number, min: number): string {
  return `${a} and ${b} are ${distance.toFixed(1)} apart (CIEDE2000) under simulated ${vision}, under ${min}: readers with it cannot tell these categories apart; pick colours further apart, or label the categories directly`;
}

/** bar-baseline: the value axis of bars or areas leaves out zero. */
export function axisWithoutZero(marks: string, from: string, to: string): string {
  return `the value axis of ${marks} runs from ${from} to ${to}, without zero: a bar or an area is read by its size from zero`;
}

/** bar-baseline: a bar drawn from another value than zero. */
export function barOffZero(bar: string, start: string): string {
  return `${bar} starts at ${start}, not at zero: a bar's length is its value`;
}

/** truncated-axis: a data mark drawn past the plot, where its axis stops short of the data. */
export function markPastAxis(mark: string, side: string, by: number): string {
  return `${mark} runs ${px(by)} px past the ${side} of the plot: its axis stops short of the data`;
}

/** dual-axis */
export function dualAxis(axis: string, other: string): string {
  return `${axis} and ${other} measure one direction on two scales: readers compare the marks, not the scales; draw two charts, or index the series to one scale`;
}

/** log-scale-note */
export function logScaleUnsaid(axis: string): string {
  return `${axis} is on a log scale, and neither the dek, the notes nor an axis title says so: say "log scale" where readers look`;
}

/** parts-sum: the parts of a pie or stack and the whole the data gives. */
export function partsDoNotSum(parts: string, sum: number, whole: number, from: string, tolerance: number): string {
  return `${parts} sum to ${+sum.toFixed(6)}, not to the whole of ${whole} (${from}), beyond rounding (±${+tolerance.toFixed(6)})`;
}

/** source-line */
export function noSourceDrawn(): string {
  return "no source line naming a source is drawn: readers must see where the figures come from";
}

/** alt-text: the alt text is the headline or the dek again. */
export function altRepeats(field: string): string {
  return `the alt text only repeats the ${field}: say what the chart shows (its kind, what it measures, the values)`;
}

/** alt-drafted */
export function altDrafted(): string {
  return "the alt text was drafted from the rows: write `alt`, saying what the chart shows and what it means";
}

/** vega-warning */
export function vegaWarned(warning: string): string {
  return `Vega warned while drawing it: ${warning}`;
}

/** unused-waiver */
export function unusedWaiver(rule: string): string {
  return `${rule} is waived but finds nothing to waive at any width or theme: remove the waiver`;
}

/** The build's one line for a chart the linter refuses: its first error and how many there are. */
export function lintFailed(first: string, count: number): string {
  return `${first}${count > 1 ? ` (and ${count - 1} more lint error${count > 2 ? "s" : ""}: pnpm charts lint lists them)` : ""}`;
}

/** A rule name in charts.config.json `lint` or a definition's `lint.waive`. */
export function expectedLintRule(known: readonly string[]): string {
  return `one of the lint rules ${known.join(", ")}`;
}

/** A rule's setting in charts.config.json `lint`. */
export function expectedLintSetting(options: readonly string[]): string {
  const with_ = options.length ? ` and any of ${options.join(", ")}` : "";
  return `"error", "warning", "off", or an object with severity${with_}`;
}

/** A threshold of a rule in charts.config.json `lint`. */
export function expectedLintThreshold(): string {
  return "a number above 0";
}

/** charts.config.json `lint`. */
export function expectedLintSettings(): string {
  return 'an object of lint rules and their settings, such as {"dual-axis": "error", "text-size": {"min": 12}}';
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

/** A shard's --out folder holds files that are not a staging folder's: it may be someone's, so it is not cleared. */
export function notAStagingFolder(count: number): string {
  return `expected an empty folder or one a shard build wrote (with staging.json) but found ${count} other file${count === 1 ? "" : "s"}; give an empty folder to --out`;
}

/** charts merge: a shard's staging.json is missing (the shard did not finish) or does not parse. */
export function stagingUnreadable(reason: string): string {
  return `cannot read the shard's staging.json (did its build finish?): ${reason}`;
}

/** A chart added to a release that was finished or given up (a bug of the caller). */
export function releaseClosed(): string {
  return "the release is finished or was given up: no chart can be added to it";
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

/** charts.config.json cannot be read. */
export function configUnreadable(reason: string): string {
  return `cannot read the project config: ${reason}`;
}

/** No charts.config.json from the start folder up. */
export function noConfig(name: string, start: string): string {
  return `no ${name} in ${start} or any folder above it`;
}

/** What charts.config.json holds. */
export function expectedConfig(): string {
  return "an object with texts, datasets, sources, charts and out";
}

/** A folder setting of charts.config.json. */
export function expectedFolderPath(): string {
  return "a folder path";
}

/** baseUrl of charts.config.json. */
export function expectedBaseUrl(): string {
  return "a URL or path ending in /";
}

/** A switch of charts.config.json. */
export function expectedBoolean(): string {
  return "true or false";
}

/** `limits` of charts.config.json. */
/** charts.config.json `breakpoints` (a definition's are checked by chart.schema.json, which says the same). */
export function expectedBreakpoints(): string {
  return "a list of different whole widths in px from 200 to 2000, such as [320, 600, 1000]";
}

export function expectedLimits(known: readonly string[]): string {
  return `an object of limits, any of ${known.join(", ")}`;
}

/** A key of `limits` that is no limit. */
export function expectedLimitName(known: readonly string[]): string {
  return `one of the limits ${known.join(", ")}`;
}

/** A limit's value. */
export function expectedLimitValue(): string {
  return "a whole number above 0";
}

/** The source texts folder is missing. */
export function textsMissing(dir: string): string {
  return `the source texts are not at ${dir}: pass --texts DIR or set CHARTS_TEXTS`;
}

/** The build's warning when it cannot check: it builds from the committed datasets, unchecked. */
export function buildingUnchecked(dir: string): string {
  return `the source texts are not at ${dir}: building from the committed datasets without checking their figures (pass --texts DIR or set CHARTS_TEXTS)`;
}

/** The rest of a dataset's check errors, after the first (the build names the first on the chart's line). */
export function moreCheckErrors(count: number, dataset: string): string {
  return ` (and ${count} more figure${count === 1 ? "" : "s"} of dataset ${dataset}: charts check lists them)`;
}

/** --dataset and --pick of charts extract. */
export function pickTogether(): string {
  return "--dataset NAME and --pick 3,5,8 go together";
}

/** --scale of charts render. */
export function expectedRenderScale(): string {
  return "a number above 0 and at most 10";
}

/** An option given to a command it does not apply to, or in a combination that ignores it (the option is the place). */
export function optionDoesNotApply(why: string): string {
  return `does not apply here: ${why}`;
}

/** --shard of the build. */
export function expectedShard(): string {
  return "a part such as 2/4: a whole number from 1 up to the number of parts, a slash, the number of parts";
}

/** --now of the build and of charts merge. */
export function expectedNow(): string {
  return "an ISO date and time such as 2024-06-20T08:00:00Z";
}

/** SOURCE_DATE_EPOCH, the clock of reproducible builds. */
export function expectedEpoch(): string {
  return "whole seconds since 1970-01-01 UTC, such as 1718870400";
}

/** The line of a build that found nothing to do. */
export function nothingChanged(charts: number, release: string): string {
  return `nothing changed since the last build: ${charts} chart${charts === 1 ? "" : "s"} as published in ${release}; nothing rendered, nothing published (--force rebuilds every chart)`;
}

/** The line of a build whose every chart was as published: the release is not replaced. */
export function noChartChanged(charts: number): string {
  return `no chart changed: all ${charts} as published; nothing published (--force rebuilds every chart)`;
}

/** charts merge: shards that were not built by the same tool, renderers or settings cannot make one release. */
export function shardsDisagree(what: string, first: string, other: string): string {
  return `expected every shard to have the same ${what} (a build split across machines must run one tool with one config) but found ${first} and ${other}`;
}

/** charts merge: the shards do not make up one build (parts missing or repeated). */
export function shardsIncomplete(found: readonly string[], count: number): string {
  return `expected the ${count} parts of one build, each once, but found ${found.join(", ")}`;
}

/** charts render with several specs or a folder: -o names a folder. */
export function expectedOutputFolder(): string {
  return "a folder for the outputs of several specs (an existing folder, or a path without .svg or .png)";
}

/** charts render --format. */
export function expectedFormat(): string {
  return "svg or png";
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
