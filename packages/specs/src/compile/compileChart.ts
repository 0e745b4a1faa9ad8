import { ChartsError, message } from "@charts/errors";
import { checkDepth } from "@charts/datasets";
import { validateDefinition } from "../loadChartDefinition.ts";
import type { ChartDefinition, CompileOptions, CompiledChart } from "../types.ts";
import { annotate } from "./annotate.ts";
import { applyTheme } from "./applyTheme.ts";
import { chartMeta, DEFAULT_LOCALE } from "./chartMeta.ts";
import { chartSize, sizeSpec } from "./chartSize.ts";
import { checkFields } from "./checkFields.ts";
import { checkNumbers } from "./checkNumbers.ts";
import { drawRows } from "./drawRows.ts";
import { generatedNotes } from "./generatedNotes.ts";
import { inlineData } from "./inlineData.ts";
import { normalizeFacets, viewsOf, type Json } from "./plotShape.ts";
import { refuseUrlData } from "./refuseUrlData.ts";
import { resolveCites, resolveData } from "./resolveData.ts";
import { timeAxisOf } from "./timeAxis.ts";
import { timeAxes } from "./timeAxes.ts";
import { validate, validatePlot } from "./validate.ts";

const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A chart definition, its dataset and the house theme -> one validated
 * Vega-Lite spec, data inlined, ready for render. Every problem a desk can
 * make is a ChartsError naming the definition file and the JSON path.
 *
 *   0. checkDepth          no nesting deeper than limits.jsonDepth (every step below recurses)
 *      validateDefinition  the definition matches chart.schema.json
 *   1. resolveData         the dataset by name (unknown -> the names there are), rows narrowed by
 *                          `where`; resolveCites the same for the datasets the text quotes
 *   2. validatePlot        the plot is Vega-Lite, with paths in the definition
 *      refuseUrlData       no data by URL (numbers without provenance), bundled fonts only
 *   3. checkFields         every field used exists in the dataset or is derived
 *      checkNumbers        every number in the headline, dek, notes, alt and labels is a row's figure
 *   4. inlineData          rows as data.values (+ provenance status); filter as a transform
 *      normalizeFacets     row, column and facet channels as a facet operator
 *      chartSize           the chart's width and height, and each panel's in small multiples
 *   5. timeAxes            years drawn as years, dates on a UTC scale: domains, whole-period labels,
 *                          house date formats, accessible descriptions; missing years keep their slot
 *   6. annotate            labels, highlight, ranges, value and line labels as layers
 *   7. drawRows            gaps break lines and are shaded; derived and implied rows drawn apart
 *   8. applyTheme          config from the theme; house number and date formats
 *   9. generatedNotes      notes on gaps and derived rows, in the chart's locale
 *      chartMeta           publishing metadata and the source line -> usermeta.chart
 *  10. sizeSpec            sizes into the spec (panels of small multiples)
 *  11. validate            the result against the Vega-Lite schema
 *
 * @example compileChart(definition, { file: "charts/arms.chart.json", datasets, sources, theme: light })
 */
export function compileChart(definition: ChartDefinition, options: CompileOptions): CompiledChart {
  const { file, datasets, sources, theme } = options;
  checkDepth(definition, { file }, options.limits);
  validateDefinition(definition, file);
  const locale = definition.locale ?? DEFAULT_LOCALE;

  const { dataset, filter } = resolveData(definition, datasets, file);
  const cited = resolveCites(definition, datasets, file);
  validatePlot(definition.plot, file);
  refuseUrlData(definition.plot, file);
  checkFields(definition, dataset, file);
  checkNumbers(definition, [dataset, ...cited], sources, file);
  const data = inlineData(dataset);
  const normalized = normalizeFacets(definition.plot);
  const layout = chartSize({ ...definition, plot: normalized }, data.values, theme);

  const gaps = definition.gaps ?? {};
  const timed = timeAxes(normalized, { file, dataset, theme, locale, viewWidth: layout.view.width, viewHeight: layout.view.height });
  if (definition.gaps && !viewsOf(timed).some((view) => timeAxisOf(view.spec, dataset))) {
    throw new ChartsError(message.gapsWithoutTimeAxis(), { file, field: "gaps" });
  }
  const annotated = annotate(timed, definition.annotations ?? [], { file, dataset, theme, locale });
  const plot = drawRows(annotated, { dataset, theme, locale, gaps, viewWidth: layout.view.width, filtered: filter !== undefined });
  const { config } = applyTheme(plot, { dataset, theme, locale });
  const notes = generatedNotes(annotated, dataset, { gaps, locale });
  const { meta, texts } = chartMeta(definition, [dataset, ...cited], sources, file, { notes, width: layout.width });

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
    config,
    usermeta: { chart: meta },
  };
  const drawn = [dataset, ...cited];
  return {
    file,
    meta,
    spec: validate(spec, file),
    datasets: [...new Set(drawn.map((d) => d.name))],
    rows: drawn.flatMap((d) => d.rows.map((row) => ({ ...row, dataset: d.name }))),
    texts,
  };
}
