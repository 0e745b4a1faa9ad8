import type { Dataset } from "@charts/datasets";
import type { Theme } from "@charts/theme";
import type { Json } from "../plotShape.ts";

/** What each annotation builder gets. */
export interface AnnotationContext {
  file: string;
  dataset: Dataset;
  theme: Theme;
  locale: string;
  /** The spec holding the marks (plot, or a facet's inner spec); builders may change its encoding. */
  target: Json;
  /** Its x and y (and color) encoding. */
  base: Json;
  /** JSON path of the target in the definition. */
  targetPath: string;
  /** JSON path of this annotation. */
  path: string;
}

/** Layers an annotation adds: `below` the data (bands), `above` it (text). */
export interface AnnotationLayers {
  below: Json[];
  above: Json[];
}

/** Text with "\n" as Vega text lines. */
export function textLines(text: string): string | string[] {
  const lines = text.split("\n");
  return lines.length > 1 ? lines : text;
}
