// Rounding, in one place for the writer and the checker: the house writes at
// most one decimal, none from 100 up; a written figure stands for any value
// within half a unit of its last digit.

/**
 * `number` (digits with an optional decimal point, "3.6") times ten to
 * `exponent`, shifting the decimal point so 3.6 billion is exactly 3600000000.
 * @example scaled("3.6", 9) // 3600000000
 */
export function scaled(number: string, exponent: number): number {
  if (exponent === 0) return Number(number);
  const [whole = "0", fraction = ""] = number.split(".");
  const digits = whole + fraction.padEnd(exponent, "0");
  const point = whole.length + exponent;
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

/** How many decimals the house writes `x` (>= 0) with: `precision`, else one below 100 and none from 100 up. */
export function decimalsFor(x: number, precision?: number): number {
  if (precision !== undefined) return precision;
  return Math.round(x * 10) / 10 >= 100 ? 0 : 1;
}

/** `x` rounded to `decimals` decimals, half away from zero as Intl does. */
export function rounded(x: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(x * factor) / factor;
}

/**
 * How far a figure written with `decimals` decimals and a scale of ten to
 * `exponent` may be from the value it stands for: half a unit of its last
 * digit ("$4bn" stands for 3.5bn to 4.5bn), with room for floating point.
 * @example roundingTolerance(1, 9) // 50000000.05 (3.6bn is 3.55bn to 3.65bn)
 */
export function roundingTolerance(decimals: number, exponent: number): number {
  return 0.5 * 10 ** (exponent - decimals) * (1 + 1e-9);
}
