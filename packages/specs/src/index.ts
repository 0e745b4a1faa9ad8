// @charts/specs: chart definitions (charts/<slug>.chart.json) -> validated Vega-Lite.
//   loadChartDefinition(s)  read and check definitions against chart.schema.json
//   compileChart            resolve data, check fields, annotate, theme, validate (see compile/compileChart.ts)
//   checkGlyphs             every character the definition and the drawn rows carry is in the bundled font
export type { Annotation, ChartDefinition, ChartMeta, CompileOptions, CompiledChart, LoadedChart } from "./types.ts";
export { loadChartDefinition, loadChartDefinitions, validateDefinition, slugOf, CHART_FILE, type LoadDefinitionOptions } from "./loadChartDefinition.ts";
export { compileChart } from "./compile/compileChart.ts";
export { checkGlyphs } from "./checkGlyphs.ts";
export { resolveData, resolveCites } from "./compile/resolveData.ts";
export { validatePlot, validate } from "./compile/validate.ts";
export { refuseUrlData } from "./compile/refuseUrlData.ts";
export { checkFields } from "./compile/checkFields.ts";
export { inlineData, STATUS_FIELD } from "./compile/inlineData.ts";
export { annotate } from "./compile/annotate.ts";
export { applyTheme } from "./compile/applyTheme.ts";
export { chartMeta, DEFAULT_LOCALE } from "./compile/chartMeta.ts";
export { chartSize } from "./compile/chartSize.ts";
