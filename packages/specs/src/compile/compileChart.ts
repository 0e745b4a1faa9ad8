import { validateDefinition } from "../loadChartDefinition.ts";
import type { ChartDefinition, CompileOptions, CompiledChart } from "../types.ts";
import { annotate } from "./annotate.ts";
import { applyTheme } from "./applyTheme.ts";
import { atWidth } from "./atWidth.ts";
import { chartMeta, DEFAULT_LOCALE } from "./chartMeta.ts";
import { chartSize } from "./chartSize.ts";
import { checkAltNumbers } from "./checkAltNumbers.ts";
import { checkFields } from "./checkFields.ts";
import { checkNumbers } from "./checkNumbers.ts";
import { dataTable } from "./dataTable.ts";
import { fitAxes } from "./fitAxes.ts";
import { inlineData } from "./inlineData.ts";
import { placeInOverride } from "./mergeOverride.ts";
import { notesBelow } from "./notesBelow.ts";
import type { Json } from "./plotShape.ts";
import { refuseUrlData } from "./refuseUrlData.ts";
import { resolveCites, resolveData } from "./resolveData.ts";
import { validate, validatePlot } from "./validate.ts";

const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A chart definition, its dataset and the house theme -> one validated
 * Vega-Lite spec, data inlined, ready for render. Every problem a desk can
 * make is a ChartsError naming the definition file and the JSON path.
 *
 *   0. validateDefinition  the definition matches chart.schema.json
 *   1. resolveData         the dataset by name (unknown -> the names there are), rows narrowed by
 *                          `where`; resolveCites the same for the datasets the text quotes
 *      atWidth             the definition at `options.width` in the theme's frame for it: alt text
 *                          (written, else drafted), px sizes scaled, the `at` override merged,
 *                          bars across on a phone, colours for a dark page
 *   2. validatePlot        the plot is Vega-Lite, with paths in the definition
 *      refuseUrlData       no data by URL (numbers without provenance), bundled fonts only
 *   3. checkFields         every field used exists in the dataset or is derived
 *      checkNumbers        every number in the headline, dek, notes, alt and labels is a row's figure
 *      checkAltNumbers     every number in the alt text is a value of a row drawn
 *   4. inlineData          rows as data.values (+ provenance status); filter as a transform
 *   5. notesBelow          annotations that do not fit at this width (`options.below`): a marker, text below
 *      annotate            labels, highlight, ranges, value and line labels as layers
 *   6. applyTheme          config from the theme; house number formats per column unit
 *      fitAxes             short years on a phone, category labels wrapped
 *   7. chartMeta           publishing metadata and the source line -> usermeta.chart; the theme's name
 *                          -> usermeta.theme
 *   8. chartSize           width and height
 *   9. validate            the result against the Vega-Lite schema
 *  10. dataTable           the rows drawn with their provenance, for the published data table
 *
 * @example compileChart(definition, { file: "charts/arms.chart.json", datasets, sources, theme: light })
 */
export function compileChart(definition: ChartDefinition, options: CompileOptions): CompiledChart {
  validateDefinition(definition, options.file);
  try {
    return compileAt(definition, options);
  } catch (error) {
    throw placeInOverride(error, definition, options.width ?? definition.width ?? options.theme.defaultWidth);
  }
}

/** compileChart after step 0; errors about what an `at` override wrote are named there (placeInOverride). */
function compileAt(input: ChartDefinition, options: CompileOptions): CompiledChart {
  const { file, datasets, sources } = options;
  const locale = input.locale ?? DEFAULT_LOCALE;

  const { dataset, filter } = resolveData(input, datasets, file);
  const { definition, theme, drafted } = atWidth(input, dataset, options);
  const cited = resolveCites(definition, datasets, file);
  validatePlot(definition.plot, file);
  refuseUrlData(definition.plot, file);
  checkFields(definition, dataset, file);
  checkNumbers(definition, [dataset, ...cited], sources, file);
  checkAltNumbers(definition.alt, dataset, { file, locale, sources, drafted });
  const data = inlineData(dataset);

  const { annotations, below } = notesBelow(definition.annotations ?? [], options.below ?? []);
  const plot = annotate(definition.plot, annotations, { file, dataset, theme, locale });
  const { config } = applyTheme(plot, { dataset, theme, locale });
  fitAxes(plot, { dataset, theme });
  const { meta, texts } = chartMeta(definition, [dataset, ...cited], sources, file);
  if (below.length) meta.below = below;
  const { width, height } = chartSize(definition, data.values, theme);

  const { transform, ...rest } = plot;
  const transforms = [...(filter ? [{ filter }] : []), ...(Array.isArray(transform) ? transform : [])];
  const spec: Json = {
    $schema: VEGA_LITE_SCHEMA,
    description: meta.alt,
    width,
    height,
    data,
    ...(transforms.length ? { transform: transforms } : {}),
    ...rest,
    config,
    // the theme names the frame render draws around the plot, so the spec alone re-renders the variant
    usermeta: { chart: meta, theme: theme.name },
  };
    const drawn = [dataset, ...cited];
  return {
    file,
    meta,
    spec: validate(spec, file),
    datasets: [...new Set(drawn.map((d) => d.name))],
    rows: drawn.flatMap((d) => d.rows.map((row) => ({ ...row, dataset: d.name }))),
    texts,
    table: dataTable(dataset, sources, meta),
  };
}
