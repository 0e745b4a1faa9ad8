import { ChartsError, type Where } from "./ChartsError.ts";
import { invalid as expectedButReceived } from "./message.ts";

/**
 * The error for a value that is not what a stage expected, in one form for
 * the whole project (after sharp's invalidParameterError):
 *
 *   datasets/arms/data.csv, row 3, value: expected a number but received "7,6" of type string
 *
 * @example throw invalid(where, "a number", cell)
 */
export function invalid(where: Where, expected: string, received: unknown): ChartsError {
  return new ChartsError(expectedButReceived(expected, received), where);
}
