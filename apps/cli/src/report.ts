import { ChartsError } from "@charts/errors";

/** Prints an error for a desk: our errors as their one-line message, anything else with its stack. */
export function report(error: unknown): void {
  if (error instanceof ChartsError) console.error(`error: ${error.message}`);
  else console.error(error);
}
