// vega-canvas looks for `document.createElement("canvas")` when vega-scenegraph
// is evaluated; a document that exists only during that import hands Vega the
// exact measuring context and disappears again, so nothing else ever sees it.
import { ChartsError, message } from "@charts/errors";
import { exactContext } from "./exactCanvas.ts";

export type Vega = typeof import("vega");
export type VegaLite = typeof import("vega-lite");

/** vega-scenegraph's text measurement switchboard (missing from vega's typings). */
export interface TextMetrics {
  width: (item: object, text: string) => number;
  measureWidth: (item: object, text: string) => number;
  estimateWidth: (item: object, text: string) => number;
  canvas: (use: boolean) => void;
}

let loaded: Promise<{ vega: Vega; vegaLite: VegaLite }> | undefined;
let ready: { vega: Vega; vegaLite: VegaLite } | undefined;

/** Imports vega with the exact text-measuring canvas context, once per process. */
export function loadVega(): Promise<{ vega: Vega; vegaLite: VegaLite }> {
  loaded ??= (async () => {
    const global = globalThis as { document?: unknown };
    const hadDocument = "document" in global;
    if (!hadDocument) {
      global.document = {
        createElement: (tag: string) =>
          tag === "canvas" ? { width: 0, height: 0, getContext: (kind: string) => (kind === "2d" ? exactContext() : null) } : null,
      };
    }
    let vega: Vega;
    try {
      vega = await import("vega");
    } finally {
      if (!hadDocument) delete global.document;
    }
    // canvas(true) picks the context-backed measureWidth only if the context exists
    const { textMetrics } = vega as unknown as { textMetrics: TextMetrics };
    textMetrics.canvas(true);
    if (textMetrics.width !== textMetrics.measureWidth) {
      throw new ChartsError(message.vegaImportedEarly());
    }
    const vegaLite = await import("vega-lite");
    ready = { vega, vegaLite };
    return ready;
  })();
  return loaded;
}

/** vega and vega-lite, after setupRenderer(); throws before. */
export function vegaModules(): { vega: Vega; vegaLite: VegaLite } {
  if (!ready) throw new ChartsError(message.rendererNotSetUp());
  return ready;
}
