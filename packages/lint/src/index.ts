// @charts/lint: the house rules, checked on a built chart before it is published.
//
//   built chart (every variant: text boxes, scene) + definition + datasets
//     --lintChart-->  findings (rule, severity, variants, element, measured vs threshold, waived?)
//     --assertLintPasses-->  the build publishes the chart, or fails it with its first error
//
//   RULES             every rule, in report order, with its default severity and thresholds
//   readLintSettings  charts.config.json `lint` -> every rule's severity and thresholds
//   waiversOf         a definition's `lint.waive`: rules it is exempt from, with the reasons
//   lintChart         every rule on every variant (text and layout, colour, axes, proportions) and on
//                     the chart's words; identical findings across variants are one
//   formatFindings    the table `charts lint` prints; lintSummary its closing count
export type { Finding, LintChart, LintContext, LintOptions, LintSettings, LintVariant, Problem, Rule, RuleSetting, Severity } from "./types.ts";
export { DEFAULT_SETTINGS, RULES, RULE_NAMES } from "./rules.ts";
export { readLintSettings } from "./readLintSettings.ts";
export { waiversOf } from "./waiversOf.ts";
export { assertLintPasses, lintChart, lintErrors, lintWarnings } from "./lintChart.ts";
export { formatFindings, lintSummary } from "./formatFindings.ts";
export { describeMark, describeText } from "./describeText.ts";
