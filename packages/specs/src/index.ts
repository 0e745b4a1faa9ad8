// @charts/specs: chart definitions (charts/<slug>.chart.json) -> validated Vega-Lite.
//   loadChartDefinition(s)  read and check definitions against chart.schema.json
//   compileChart            resolve data, the definition at one width (atWidth), check fields and
//                           numbers, annotate, theme, validate (see compile/compileChart.ts)
//   checkGlyphs             every character the definition and the drawn rows carry is in the bundled font
//   breakpointsOf           the widths a chart is drawn at
//   draftAlt                alt text from the rows drawn, when the definition gives none
//   dataTable               the rows drawn with their provenance, for the published data table
//   useValidatorCache       keep the compiled JSON-schema validators (Vega-Lite, chart.schema.json) on disk
export type { Annotation, ChartDefinition, ChartMeta, CompileOptions, CompiledChart, LoadedChart, NoteBelow, Override } from "./types.ts";
export { loadChartDefinition, loadChartDefinitions, validateDefinition, slugOf, CHART_FILE, type LoadDefinitionOptions } from "./loadChartDefinition.ts";
export { compileChart } from "./compile/compileChart.ts";
export { checkGlyphs } from "./checkGlyphs.ts";
export { atWidth, breakpointsOf, type AtWidth } from "./compile/atWidth.ts";
export { deepMerge, mergeOverride } from "./compile/mergeOverride.ts";
export { draftAlt } from "./compile/draftAlt.ts";
export { checkAltNumbers } from "./compile/checkAltNumbers.ts";
export { checkNumbers, numbersWithoutRows, type UnsupportedNumber } from "./compile/checkNumbers.ts";
export { dataTable, type DataTable, type TableCell, type TableColumn } from "./compile/dataTable.ts";
export { notesBelow } from "./compile/notesBelow.ts";
export { fitAxes, WRAP_LABEL } from "./compile/fitAxes.ts";
export { resolveData, resolveCites } from "./compile/resolveData.ts";
export { validatePlot, validate } from "./compile/validate.ts";
export { useValidatorCache, vegaLiteValidator, definitionValidator, TOP_LEVEL_KINDS } from "./validators.ts";
export { refuseUrlData } from "./compile/refuseUrlData.ts";
export { checkFields } from "./compile/checkFields.ts";
export { inlineData, STATUS_FIELD } from "./compile/inlineData.ts";
export { annotate, annotationLayer, ANNOTATION_MARK } from "./compile/annotate.ts";
export { applyTheme } from "./compile/applyTheme.ts";
export { chartMeta, DEFAULT_LOCALE } from "./compile/chartMeta.ts";
export { chartSize } from "./compile/chartSize.ts";
