// Contracts of the lint stage: what it reads (a chart as the build holds it
// before publishing, every variant with its text boxes and scene) and what it
// says (findings, each naming the chart, the variants, the rule, the element
// and the measured value against the rule's threshold).
import type { Dataset, SourceInfo } from "@charts/datasets";
import type { Scene, TextBox } from "@charts/render";
import type { ChartDefinition } from "@charts/specs";

/** One drawn size and theme of a chart (the build's BuiltVariant has all of it). */
export interface LintVariant {
  /** `320`, `320-dark`, `default`, `dark`, `1000`... */
  name: string;
  theme: "light" | "dark";
  width: number;
  height: number;
  boxes: TextBox[];
  scene: Scene;
  /** Vega's warnings while drawing it. */
  warnings?: string[];
}

/** A built chart: its words (as published) and its variants (the build's BuiltChart has all of it). */
export interface LintChart {
  slug: string;
  headline: string;
  dek: string;
  notes?: string;
  alt: string;
  source: string;
  locale?: string;
  variants: LintVariant[];
}

export type Severity = "error" | "warning" | "off";

/** A rule's setting: its severity and its thresholds (each rule's are in RULES). */
export interface RuleSetting {
  severity: Severity;
  options: Record<string, number>;
}

/** Every rule's setting, by rule name (readLintSettings fills in the defaults). */
export type LintSettings = Record<string, RuleSetting>;

/** What lintChart needs besides the chart. */
export interface LintOptions {
  /** The chart's definition: its waivers (`lint.waive`), its data and cites, whether it wrote its alt text. */
  definition: ChartDefinition;
  /** The definition's path as shown to users. */
  file: string;
  /** Every dataset of the project, by name (the rows the chart draws and cites are read from them). */
  datasets: Map<string, Dataset>;
  /** datasets/sources.json (publishers' names are not numbers). */
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>;
  /** The desk's settings (charts.config.json `lint`); default: every rule at its default. */
  settings?: LintSettings;
}

/** What a rule found, before its severity and the chart's waivers apply. */
export interface Problem {
  /** The text or mark, as a reader would point at it: `axis label "2014"`, `bar (year 2021)`. */
  element: string;
  /** What was measured: `2.31:1`, `3.2 px`, `11 px`. */
  measured: string;
  /** What the rule asks for: `≥ 3:1`, `≥ 4 px`, `≥ 12 px`. */
  threshold: string;
  /** The whole finding in a sentence, from the message catalogue. */
  message: string;
}

/** One finding of the linter. */
export interface Finding extends Problem {
  /** The chart's slug. */
  chart: string;
  /** The definition's path as shown to users. */
  file: string;
  /** The variants it was found in (`320`, `320-dark`...), in the chart's order; identical findings of several variants are one. */
  variants: string[];
  rule: string;
  severity: "error" | "warning";
  /** The reason the chart's definition gives for waiving the rule: the finding is reported but does not count. */
  waived?: string;
}

/** What every rule may read about the chart being linted. */
export interface LintContext extends LintOptions {
  chart: LintChart;
  /** The rows the chart draws (its `data`, after `where`). */
  drawn: Dataset;
  /** The rows it cites. */
  cited: Dataset[];
}

/** A rule checked on each variant, once on the chart (its words), or on its waivers. */
export type Rule = {
  name: string;
  /** What it finds, in a line (README, `charts lint --help`). */
  summary: string;
  severity: Exclude<Severity, "off">;
  /** Its thresholds and their defaults. */
  options: Record<string, number>;
} & (
  | { scope: "variant"; check(variant: LintVariant, context: LintContext, options: Record<string, number>): Problem[] }
  | { scope: "chart"; check(context: LintContext, options: Record<string, number>): Problem[] }
  /** A rule about the chart's waivers, given the rules that found something in any variant. */
  | { scope: "waivers"; check(waive: Record<string, string>, found: Set<string>): Problem[] }
);
