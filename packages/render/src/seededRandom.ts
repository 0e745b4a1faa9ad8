// Vega draws random numbers for the `random()` expression, the `sample`
// transform, bootstrapped confidence intervals (errorband/errorbar with
// extent "ci"), density estimates and word clouds, all from one source in
// vega-statistics that Vega lets us replace (`setRandom`). Each render
// replaces it with a generator seeded afresh, so a spec draws the same numbers,
// and so the same SVG, run after run. test/seededRandom.test.ts fails if a
// Vega upgrade adds another use of Math.random.

/** The seed of every render that names none (`--seed` on the CLI). */
export const DEFAULT_SEED = 1;

/**
 * A linear congruential generator over 32 bits, as d3-random's randomLcg:
 * numbers in [0, 1), the same sequence for the same seed on every machine.
 *
 * @example const random = seededRandom(1); random() // 0.2694...
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(0x19660d, state) + 0x3c6ef35f) | 0;
    return (state >>> 0) / 0x100000000;
  };
}

/** True for a seed the CLI accepts: a whole number from 0 to 2^32 - 1. */
export function isSeed(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 0xffffffff;
}
