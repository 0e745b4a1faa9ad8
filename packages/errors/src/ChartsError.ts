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

  constructor(message: string, where: Where = {}, options?: { cause?: unknown }) {
    super(prefix(where) + message, options);
    this.where = where;
  }
}

function prefix({ file, row, field }: Where): string {
  const parts = [file, row === undefined ? undefined : `row ${row}`, field].filter(
    (part) => part !== undefined && part !== "",
  );
  return parts.length ? `${parts.join(", ")}: ` : "";
}
