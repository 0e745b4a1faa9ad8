// Contracts of the texts stage: a scraped article, cleaned, in sentences, and
// the figures it states.

/** One sentence of a cleaned text. Offsets index `SourceText.clean`. */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
}

/** A source article read from the texts folder. */
export interface SourceText {
  /** File name without `.txt`, e.g. `004_e411960df6774cf9`. */
  id: string;
  /** Absolute path of the file read. */
  file: string;
  /** The bytes as read, decoded as UTF-8. */
  raw: string;
  /** Page junk removed, entities and broken characters repaired, whitespace normalised. */
  clean: string;
  sentences: Sentence[];
}

export type FigureKind = "money" | "percent" | "count" | "year" | "date" | "range" | "ordinal";

/** A number as a text writes it, parsed. */
export interface ParsedFigure {
  kind: FigureKind;
  /** The figure exactly as written, e.g. `US$72 million`. */
  text: string;
  /** Value in base units: 72e6 for `US$72 million`, 19 for `19 per cent`, 6 for `sixth`, the year of a date. */
  value: number;
  /**
   * `USD`, `EUR`, ... for money; `%` for percent, `pp` for percentage points; `year`; `date`;
   * `rank` for ordinals; the counted noun for counts.
   */
  unit: string;
  /** For dates: ISO 8601, `2024-06-20`, `2024-06`, or a span `2024-06-19/2024-06-20`. */
  date?: string;
  /** An order of magnitude ("thousands of soldiers"): `value` is its lower bound, no figure a row can hold. */
  vague?: true;
  /** For ranges (`1995 and 2023`, `60 percent to 70 percent`): both ends, in base units. */
  range?: [number, number];
  /** Hedge words the text puts before the figure: `around`, `more than`, `nearly`... */
  qualifier?: string;
}

/** A figure found in a text, with where it stands. */
export interface Figure extends ParsedFigure {
  /** Offsets of `text` in `SourceText.clean`. */
  start: number;
  end: number;
  sentence: Sentence;
}
