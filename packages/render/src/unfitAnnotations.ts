import { ANNOTATION_MARK } from "@charts/specs";
import type { RenderedSvg, TextBox } from "./types.ts";

/** Overlaps smaller than this (px) are antialiasing, not a clash. */
const SLACK = 0.5;

/**
 * The annotations of a rendered chart whose text does not fit where it is
 * (indexes into the definition's annotations, ascending), for the build to
 * draw them below the plot instead (compileChart's `below`). An annotation's
 * text does not fit when it
 * - overlaps any other text (an axis label, a value label, another annotation);
 * - runs past the edge of the chart;
 * - is wider than its own band (a range's label spilling onto the bars beside it).
 * Annotation marks are found by their names (ANNOTATION_MARK).
 *
 * @example unfitAnnotations(await renderChart(compiled.spec)) // [0]
 */
export function unfitAnnotations(chart: Pick<RenderedSvg, "boxes" | "scene" | "width" | "height">): number[] {
  const indexOf = (mark: string | undefined) => {
    const match = mark ? ANNOTATION_MARK.exec(mark) : null;
    return match ? Number(match[1]) : undefined;
  };
  const unfit = new Set<number>();
  for (const box of chart.boxes) {
    const index = indexOf(box.mark);
    if (index === undefined) continue;
    const outside = box.x1 < -SLACK || box.y1 < -SLACK || box.x2 > chart.width + SLACK || box.y2 > chart.height + SLACK;
    const clash = chart.boxes.some((other) => other !== box && indexOf(other.mark) !== index && overlaps(box, other));
    const bands = chart.scene.marks.filter((mark) => mark.type === "rect" && indexOf(mark.mark) === index);
    const spills = bands.length > 0 && !bands.some((band) => box.x1 >= band.x1 - SLACK && box.x2 <= band.x2 + SLACK);
    if (outside || clash || spills) unfit.add(index);
  }
  return [...unfit].sort((a, b) => a - b);
}

function overlaps(a: TextBox, b: TextBox): boolean {
  return Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > SLACK && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > SLACK;
}
