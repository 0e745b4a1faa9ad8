import { ChartsError, message } from "@charts/errors";
import { resolveCites, resolveData } from "@charts/specs";
import { DEFAULT_SETTINGS, RULES } from "./rules.ts";
import type { Finding, LintChart, LintContext, LintOptions, Problem } from "./types.ts";
import { waiversOf } from "./waiversOf.ts";

/**
 * Every rule at its setting (charts.config.json `lint`, else its default) on
 * a built chart: variant rules on every variant (each size, light and dark),
 * chart rules once on its words, then the waivers. A finding identical in
 * several variants is one, naming them all (`["all"]` when it is in every
 * one). A finding of a rule the definition waives keeps the reason and does
 * not count (assertLintPasses). A waiver naming no rule is a ChartsError.
 *
 * @example lintChart(built, { definition, file, datasets, sources, settings }) // Finding[]
 */
export function lintChart(chart: LintChart, options: LintOptions): Finding[] {
  const { definition, file, datasets } = options;
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const waive = waiversOf(definition, file);
  const context: LintContext = { ...options, chart, drawn: resolveData(definition, datasets, file).dataset, cited: resolveCites(definition, datasets, file) };
  const all = chart.variants.map((variant) => variant.name);

  const found: Finding[] = [];
  const add = (rule: string, severity: Finding["severity"], problems: Problem[], variants: string[]) => {
    for (const problem of problems) {
      const same = found.find((f) => f.rule === rule && f.message === problem.message && f.element === problem.element);
      if (same) same.variants.push(...variants);
      else found.push({ chart: chart.slug, file, variants: [...variants], rule, severity, ...problem, ...(waive[rule] ? { waived: waive[rule] } : {}) });
    }
  };
  for (const rule of RULES) {
    const { severity, options: thresholds } = settings[rule.name] ?? { severity: rule.severity, options: rule.options };
    if (severity === "off") continue;
    if (rule.scope === "variant") for (const variant of chart.variants) add(rule.name, severity, rule.check(variant, context, thresholds), [variant.name]);
    else if (rule.scope === "chart") add(rule.name, severity, rule.check(context, thresholds), all);
    // a waiver of a rule switched off is not unused: the desk may switch it back on
    else add(rule.name, severity, rule.check(waive, new Set([...found.map((f) => f.rule), ...Object.keys(settings).filter((name) => settings[name]!.severity === "off")])), all);
  }
  for (const finding of found) if (all.every((name) => finding.variants.includes(name))) finding.variants = ["all"];
  return found;
}

/** The findings that count: errors that are not waived. */
export function lintErrors(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === "error" && !finding.waived);
}

/** The warnings to print: not waived. */
export function lintWarnings(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === "warning" && !finding.waived);
}

/**
 * The build's gate: a chart with a lint error is not published. Throws one
 * ChartsError placed in the definition, naming the first error (rule,
 * variants, what was measured against what) and how many there are.
 */
export function assertLintPasses(findings: Finding[]): void {
  const errors = lintErrors(findings);
  if (!errors.length) return;
  const [first] = errors as [Finding];
  throw new ChartsError(message.lintFailed(`${first.rule} (${first.variants.join(", ")}): ${first.message}`, errors.length), { file: first.file });
}
