import { resolve } from "node:path";
import { fontsDir, loadFonts, useProjectFonts } from "@charts/fonts";
import { house } from "./houseFormat.ts";
import { loadVega } from "./loadVega.ts";
import { expressionNow } from "./expressionClock.ts";
import { interpreterFixes } from "./safeExpressions.ts";
import { wrapLabel } from "./wrapLabel.ts";

let setup: Promise<void> | undefined;
let folder: string = fontsDir;

/**
 * Prepares the process for rendering; idempotent (later calls return the
 * same promise). Call it before anything else renders:
 * - points fontconfig at the bundled fonts only (FONTCONFIG_FILE), which must
 *   happen before sharp's first text render, so it happens synchronously here;
 * - loads the bundled fonts into harfbuzz for exact metrics;
 * - imports vega with a canvas context that measures with harfbuzz, so
 *   bounds, layout, label overlap and truncation (`limit`) all use exact
 *   widths: `vega.textMetrics.width` is Vega's canvas `measureWidth`;
 * - registers the `house` expression function for `formatType: "house"`,
 *   `wrapLabel` for wrapped category labels, the interpreter's
 *   corrections (interpreterFixes), and `now` read from the render's clock
 *   (expressionClock.ts).
 *
 * `fontsFolder` (default: the bundled fonts) is the folder fontconfig may
 * use; tests point it at an empty folder to see rendering fail loudly.
 */
export function setupRenderer(options: { fontsFolder?: string } = {}): Promise<void> {
  if (setup && options.fontsFolder === undefined) return setup;
  // throws if fontconfig was already given another folder
  useProjectFonts(options.fontsFolder);
  folder = resolve(options.fontsFolder ?? fontsDir);
  setup ??= (async () => {
    await loadFonts();
    const { vega } = await loadVega();
    vega.expressionFunction("house", house);
    // the name @charts/specs writes into labelExpr (WRAP_LABEL; test/wrapLabel.test.ts keeps the two equal)
    vega.expressionFunction("wrapLabel", wrapLabel);
    for (const [name, fn] of Object.entries(interpreterFixes)) vega.expressionFunction(name, fn);
    vega.expressionFunction("now", expressionNow);
  })();
  return setup;
}

/** The folder fontconfig reads fonts from in this process. */
export function rendererFontsFolder(): string {
  return folder;
}
