import type { Annotation, NoteBelow } from "../types.ts";

/** Markers of annotations moved below the plot, in order: letters, which no axis or value label uses. */
const MARKERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * Annotations that do not fit in the plot at a width (render finds them, the
 * build asks again with their indexes) keep their place as a marker, "A", "B",
 * and their text goes below the plot, after its marker, where render draws it
 * above the notes (after NPR's mobile charts). Only labels and labelled ranges
 * have text to move; line breaks become spaces. Value labels that do not fit
 * (wider than their bars, over each other) are left out at that width
 * (`omitted`, Datawrapper's "auto" value labels): the axis reads the values,
 * the published data table gives every figure.
 *
 * @example notesBelow([{ type: "label", at: { year: 2014 }, text: "Peak:\nabout $1bn" }], [0])
 * // { annotations: [{ ..., text: "A" }], below: [{ marker: "A", text: "Peak: about $1bn" }], omitted: [] }
 */
export function notesBelow(annotations: Annotation[], indexes: readonly number[]): { annotations: Annotation[]; below: NoteBelow[]; omitted: number[] } {
  const below: NoteBelow[] = [];
  const omitted = annotations.flatMap((annotation, i) => (indexes.includes(i) && annotation.type === "values" ? [i] : []));
  const moved = annotations.map((annotation, i) => {
    if (!indexes.includes(i) || (annotation.type !== "label" && annotation.type !== "range") || annotation.text === undefined) return annotation;
    const marker = MARKERS[below.length % MARKERS.length]!;
    below.push({ marker, text: annotation.text.replace(/\s*\n\s*/g, " ") });
    return { ...annotation, text: marker };
  });
  return { annotations: moved, below, omitted };
}
