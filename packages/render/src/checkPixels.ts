import { checkLimit, type Limits, type Where } from "@charts/errors";

/**
 * Refuses a chart whose largest PNG would have more pixels than
 * `limits.plotPixels` (width x height x scale x scale), before the step that
 * would pay for them: Vega laying out a huge plot, or sharp allocating the
 * raster (whose own limit is a crash with a stack trace: "Input image exceeds
 * pixel limit"). Checked three times: on the spec's own width and height
 * before Vega, on the laid-out view before the SVG is written, and on the SVG
 * before sharp.
 *
 * @example checkPixels(40000, 40000, { scale: 2 }) // throws: ... 6400000000 (40000 x 40000 px at scale 2), over the limit of 50000000 ...
 */
export function checkPixels(width: number, height: number, options: { scale?: number; limits?: Partial<Limits> }, where: Where = {}): void {
  const scale = options.scale ?? 1;
  const pixels = Math.ceil(width * scale) * Math.ceil(height * scale);
  if (!Number.isFinite(pixels)) return;
  checkLimit("plotPixels", pixels, where, options.limits, `${pixels} (${round(width)} x ${round(height)} px at scale ${scale})`);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
