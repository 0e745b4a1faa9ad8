// @charts/cli: the `charts` command (main.ts). What other code may reuse:
//   buildChart   one chart at its breakpoints, light and dark, as the build holds it before
//                publishing: files, text boxes and scene of every variant (what the linter reads)
//   loadConfig   charts.config.json, its folders and settings; lintSettings, its `lint` read
export { buildChart, DEFAULT_VARIANT, type BuildContext, type BuiltChart, type BuiltVariant } from "./build/buildChart.ts";
export { DEFAULT_BREAKPOINTS, loadConfig, type Config } from "./config.ts";
export { lintSettings } from "./build/lintSettings.ts";
