// The one error type of the project. Every stage throws it with the place the
// problem was found (file, row, field), so a desk can fix the input without
// reading a stack trace; `where` stays structured for reports and tests.

/** Where in the input a problem was found. Every part is optional. */
export interface Where {
  /** File path, as the user would type it (relative to the project when possible). */
  file?: string;
  /** 1-based data row (header excluded) or line number. */
  row?: number;
  /** Column, property path or option name. */
  field?: string;
}

export class ChartsError extends Error {
  override name = "ChartsError";
  readonly where: Where;
  /** The message without its place: what was expected and what was received. */
  readonly detail: string;

  constructor(message: string, where: Where = {}, options?: { cause?: unknown }) {
    super(prefix(where) + message, options);
    this.where = where;
    this.detail = message;
  }

  /**
   * The same error placed elsewhere (a render error placed in the file it
   * came from), with this one as its cause; the place is still printed once.
   * @example throw error.at({ ...error.where, file: "charts/arms.chart.json" })
   */
  at(where: Where): ChartsError {
    return new ChartsError(this.detail, where, { cause: this });
  }
}

function prefix({ file, row, field }: Where): string {
  const parts = [file, row === undefined ? undefined : `row ${row}`, field].filter(
    (part) => part !== undefined && part !== "",
  );
  return parts.length ? `${parts.join(", ")}: ` : "";
}
