// `now()` in a Vega expression is the wall clock: a chart that calls it
// (a "days since" label, a filter on the last twelve months) would differ
// from render to render, and a build pinned to a clock (--now,
// SOURCE_DATE_EPOCH) would not publish the same bytes. setupRenderer
// registers `now` as this module's clock, which the interpreter finds before
// its own Date.now; each render sets it (renderSvg, `now` of RenderOptions),
// as it seeds the random source. Renders run one at a time, so none reads
// another's clock.

let pinned: number | undefined;

/** The time `now()` returns in expressions: the render's clock, or the wall clock when it has none. */
export function expressionNow(): number {
  return pinned ?? Date.now();
}

/** Pins `now()` for the next render (epoch milliseconds), or leaves it to the wall clock (undefined). */
export function setExpressionClock(now: number | undefined): void {
  pinned = now;
}
