import { ChartsError, message } from "@charts/errors";
import { checkDepth } from "@charts/datasets";
import { validateDefinition } from "../loadChartDefinition.ts";
import type { ChartDefinition, CompileOptions, CompiledChart } from "../types.ts";
import { annotate } from "./annotate.ts";
import { atWidth } from "./atWidth.ts";
import { applyTheme } from "./applyTheme.ts";
import { chartMeta, DEFAULT_LOCALE } from "./chartMeta.ts";
import { chartSize, sizeConfig, sizeSpec } from "./chartSize.ts";
import { checkFields } from "./checkFields.ts";
import { checkAltNumbers } from "./checkAltNumbers.ts";
import { checkNumbers } from "./checkNumbers.ts";
import { dataTable } from "./dataTable.ts";
import { drawRows } from "./drawRows.ts";
import { fitAxes } from "./fitAxes.ts";
import { generatedNotes } from "./generatedNotes.ts";
import { inlineData } from "./inlineData.ts";
import { placeInOverride } from "./mergeOverride.ts";
import { notesBelow } from "./notesBelow.ts";
import { normalizeFacets, viewsOf, type Json } from "./plotShape.ts";
import { refuseUrlData } from "./refuseUrlData.ts";
import { resolveCites, resolveData } from "./resolveData.ts";
import { timeAxisOf } from "./timeAxis.ts";
import { timeAxes } from "./timeAxes.ts";
import { validate, validatePlot } from "./validate.ts";

const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/** Definitions already checked (step 0), with the file and limits they were checked under. */
const checked = new WeakMap<ChartDefinition, string>();

/**
 * A chart definition, its dataset and the house theme -> one validated
 * Vega-Lite spec at one width, data inlined, ready for render. Every problem
 * a desk can make is a ChartsError naming the definition file and the JSON path.
 *
 *   0. checkDepth          no nesting deeper than limits.jsonDepth (every step below recurses)
 *      validateDefinition  the definition matches chart.schema.json
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
 *      normalizeFacets     row, column and facet channels as a facet operator
 *      chartSize           the chart's width and height, and each panel's in small multiples
 *   5. timeAxes            years drawn as years, dates on a UTC scale: domains, whole-period labels,
 *                          house date formats, accessible descriptions; missing years keep their slot
 *   6. notesBelow          annotations that do not fit at this width (`options.below`): a marker, text below;
 *                          value labels left out
 *      annotate            labels, highlight, ranges, value and line labels as layers
 *   7. drawRows            gaps break lines and are shaded; derived and implied rows drawn apart
 *   8. applyTheme          config from the theme; house number and date formats
 *      fitAxes             short years on a phone, category labels wrapped
 *   9. generatedNotes      notes on gaps and derived rows, in the chart's locale
 *      chartMeta           publishing metadata and the source line -> usermeta.chart; the theme's name
 *                          -> usermeta.theme
 *  10. sizeSpec            sizes into the spec (panels of small multiples); sizeConfig their tick counts
 *  11. validate            the result against the Vega-Lite schema
 *  12. dataTable           the rows drawn with their provenance, for the published data table
 *
 * @example compileChart(definition, { file: "charts/arms.chart.json", datasets, sources, theme: light })
 */
export function compileChart(definition: ChartDefinition, options: CompileOptions): CompiledChart {
  // a definition is checked once, however many widths and themes it is compiled at (the same object: the build's)
  const checkedAs = `${options.file}\0${JSON.stringify(options.limits ?? null)}`;
  if (checked.get(definition) !== checkedAs) {
    checkDepth(definition, { file: options.file }, options.limits);
    validateDefinition(definition, options.file);
    checked.set(definition, checkedAs);
  }
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
  const normalized = normalizeFacets(definition.plot);
  const layout = chartSize({ ...definition, plot: normalized }, data.values, theme, options.overflow);

  const gaps = definition.gaps ?? {};
  const timed = timeAxes(normalized, { file, dataset, theme, locale, viewWidth: layout.view.width, viewHeight: layout.view.height });
  if (definition.gaps && !viewsOf(timed).some((view) => timeAxisOf(view.spec, dataset))) {
    throw new ChartsError(message.gapsWithoutTimeAxis(), { file, field: "gaps" });
  }
  const { annotations, below, omitted } = notesBelow(definition.annotations ?? [], options.below ?? []);
  const annotated = annotate(timed, annotations, { file, dataset, theme, locale, omit: omitted });
  const plot = drawRows(annotated, { dataset, theme, locale, gaps, viewWidth: layout.view.width, filtered: filter !== undefined });
  const { config } = applyTheme(plot, { dataset, theme, locale });
  fitAxes(plot, { dataset, theme });
  const notes = generatedNotes(annotated, dataset, { gaps, locale });
  const { meta, texts } = chartMeta(definition, [dataset, ...cited], sources, file, { notes, width: layout.width });
  if (below.length) meta.below = below;
  if (omitted.length) meta.omitted = omitted;

  const { transform, ...rest } = plot;
  const transforms = [...(filter ? [{ filter }] : []), ...(Array.isArray(transform) ? transform : [])];
  const sized = sizeSpec(rest, layout);
  const spec: Json = {
    $schema: VEGA_LITE_SCHEMA,
    description: meta.alt,
    ...(sized.width !== undefined ? { width: sized.width, height: sized.height } : {}),
    data,
    ...(transforms.length ? { transform: transforms } : {}),
    ...sized,
    config: sizeConfig(config, normalized, layout, theme),
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
