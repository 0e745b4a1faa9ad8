// What the build's main thread hands a render worker for one chart, and what
// comes back: only the datasets, sources and checked sentences the chart
// uses, so a job is small; the built chart, linted in the worker (its
// scenes are read there, where they were drawn), its files sent back
// without them, and its lint warnings. A `charts lint` job draws the chart
// without PNGs and sends back every finding instead.
import type { Dataset, SourceInfo } from "@charts/datasets";
import { ChartsError, type Limits, type Where } from "@charts/errors";
import type { Finding, LintSettings } from "@charts/lint";
import type { ChartDefinition } from "@charts/specs";
import type { RenderedChart } from "@charts/publish";
import type { BuiltChart } from "./buildChart.ts";

export interface ChartJob {
  /** The definition's path as shown to users. */
  file: string;
  definition: ChartDefinition;
  /** The datasets the chart draws and cites. */
  datasets: Dataset[];
  /** The sources.json entries of the texts their rows cite. */
  sources: Record<string, SourceInfo>;
  /** The sentence of each of those rows (`dataset#row`), or undefined when the texts were not checked. */
  sentences: Map<string, string> | undefined;
  breakpoints: number[];
  limits: Limits;
  /** Render options; `now`: what now() returns in expressions (the build's clock, epoch ms). */
  render: { base: string; links: boolean; linksSetting: string; seed: number; now: number; cacheDir: string };
  /** The linter's settings: a chart with a lint error comes back as an error, its warnings with it. */
  lint: LintSettings;
  /** `lint`: draw the chart without PNGs, publish nothing, and send back all its findings (`charts lint`). Default `build`. */
  mode?: "build" | "lint";
}

/** Where a chart's time went in its worker, ms. */
export type ChartStages = Record<"compile" | "render" | "rasterise" | "lint", number>;

/** A built and linted chart, its lint warnings (lines to print), where its time went, and the milliseconds its worker spent on it from start to end. */
export type ChartResult = { chart: RenderedChart; warnings: string[]; stages: ChartStages; ms: number } | { error: WireError };

/** What a lint job sends back: the chart's findings, or why it did not build. */
export type LintResult = { findings: Finding[] } | { error: WireError };

/** What publish needs of a built chart: its files and words, without the text boxes and scenes the linter read (they stay in the worker, not copied across). */
export function forPublish(chart: BuiltChart): RenderedChart {
  return { ...chart, variants: chart.variants.map(({ boxes: _boxes, scene: _scene, below: _below, warnings: _warnings, ...files }) => files) };
}

/** An error as it crosses a thread: a ChartsError keeps its place, anything else its stack. */
export type WireError = { detail: string; where: Where } | { stack: string };

export function toWire(error: unknown): WireError {
  if (error instanceof ChartsError) return { detail: error.detail, where: error.where };
  return { stack: String((error as Error)?.stack ?? error) };
}

export function fromWire(error: WireError): Error {
  if ("detail" in error) return new ChartsError(error.detail, error.where);
  const rebuilt = new Error(error.stack.split("\n")[0]);
  rebuilt.stack = error.stack;
  return rebuilt;
}
