import { ANNOTATION_MARK } from "@charts/specs";
import { dataMarks } from "./dataMarks.ts";
import { acrossEdge, overlap, SLACK } from "./overlap.ts";
import type { RenderedSvg, SceneMark } from "./types.ts";

/**
 * The annotations of a rendered chart whose text does not fit where it is
 * (indexes into the definition's annotations, ascending), for the build to
 * draw them below the plot instead, or, for value labels, to leave them out
 * at this width (compileChart's `below`). An annotation's text does not fit
 * when it
 * - overlaps any other text (an axis label, another annotation, the value label of the next bar);
 * - runs past the edge of the chart;
 * - is wider than its own band (a range's label spilling onto the bars beside it);
 * - crosses the edge of a bar (a value label wider than its bar's step, over the bar beside it).
 * Annotation marks are found by their names (ANNOTATION_MARK).
 *
 * @example unfitAnnotations(await renderChart(compiled.spec)) // [0]
 */
export function unfitAnnotations(chart: Pick<RenderedSvg, "boxes" | "scene" | "width" | "height">): number[] {
  const indexOf = (mark: string | undefined) => {
    const match = mark ? ANNOTATION_MARK.exec(mark) : null;
    return match ? Number(match[1]) : undefined;
  };
  const bars = dataMarks(chart.scene).filter((mark) => mark.type === "rect");
  // each annotation's own bands (a range), by index
  const bandsOf = new Map<number, SceneMark[]>();
  for (const mark of chart.scene.marks) {
    const index = mark.type === "rect" ? indexOf(mark.mark) : undefined;
    if (index === undefined) continue;
    const bands = bandsOf.get(index);
    if (bands) bands.push(mark);
    else bandsOf.set(index, [mark]);
  }
  const unfit = new Set<number>();
  for (const box of chart.boxes) {
    const index = indexOf(box.mark);
    if (index === undefined) continue;
    const outside = box.x1 < -SLACK || box.y1 < -SLACK || box.x2 > chart.width + SLACK || box.y2 > chart.height + SLACK;
    // an annotation's texts in different layers may touch (a label and its note); two labels of one layer are two rows
    const clash = chart.boxes.some((other) => other !== box && (indexOf(other.mark) !== index || other.mark === box.mark) && overlap(box, other));
    const bands = bandsOf.get(index) ?? [];
    const spills = bands.length > 0 && !bands.some((band) => box.x1 >= band.x1 - SLACK && box.x2 <= band.x2 + SLACK);
    // a label wholly inside a bar is a label in a bar; across its edge it hides the bar's end
    const crosses = bars.some((bar) => acrossEdge(box, bar));
    if (outside || clash || spills || crosses) unfit.add(index);
  }
  return [...unfit].sort((a, b) => a - b);
}
