// What the build's main thread hands a render worker for one chart, and what
// comes back: only the datasets, sources and checked sentences the chart
// uses, so a job is small; the built chart whole (files, text boxes, scene),
// so the main thread holds what the linter and publish need.
import type { Dataset, SourceInfo } from "@charts/datasets";
import { ChartsError, type Limits, type Where } from "@charts/errors";
import type { ChartDefinition } from "@charts/specs";
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
  render: { base: string; links: boolean; linksSetting: string; seed: number; cacheDir: string };
}

/** Where a chart's time went in its worker, ms. */
export type ChartStages = Record<"compile" | "render" | "rasterise", number>;

/** A built chart, where its time went, and the milliseconds its worker spent on it from start to end. */
export type ChartResult = { chart: BuiltChart; stages: ChartStages; ms: number } | { error: WireError };

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
