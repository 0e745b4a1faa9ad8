import { checkDepth } from "@charts/datasets";
import { validateDefinition } from "../loadChartDefinition.ts";
import type { ChartDefinition, CompileOptions, CompiledChart } from "../types.ts";
import { annotate } from "./annotate.ts";
import { applyTheme } from "./applyTheme.ts";
import { chartMeta, DEFAULT_LOCALE } from "./chartMeta.ts";
import { chartSize } from "./chartSize.ts";
import { checkFields } from "./checkFields.ts";
import { checkNumbers } from "./checkNumbers.ts";
import { inlineData } from "./inlineData.ts";
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
 *   0. checkDepth          no nesting deeper than limits.jsonDepth (every step below recurses)
 *      validateDefinition  the definition matches chart.schema.json
 *   1. resolveData         the dataset by name (unknown -> the names there are), rows narrowed by
 *                          `where`; resolveCites the same for the datasets the text quotes
 *   2. validatePlot        the plot is Vega-Lite, with paths in the definition
 *      refuseUrlData       no data by URL (numbers without provenance), bundled fonts only
 *   3. checkFields         every field used exists in the dataset or is derived
 *      checkNumbers        every number in the headline, dek, notes, alt and labels is a row's figure
 *   4. inlineData          rows as data.values (+ provenance status); filter as a transform
 *   5. annotate            labels, highlight, ranges, value and line labels as layers
 *   6. applyTheme          config from the theme; house number formats per column unit
 *   7. chartMeta           publishing metadata and the source line -> usermeta.chart
 *   8. chartSize           width and height
 *   9. validate            the result against the Vega-Lite schema
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

  const plot = annotate(definition.plot, definition.annotations ?? [], { file, dataset, theme, locale });
  const { config } = applyTheme(plot, { dataset, theme, locale });
  const { meta, texts } = chartMeta(definition, [dataset, ...cited], sources, file);
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
