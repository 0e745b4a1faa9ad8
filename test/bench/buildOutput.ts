// Reads what `pnpm charts` prints, for the build benchmark. Today the build
// prints one line per rendered chart, `✓ <slug> <w>×<h>  <n> ms`, and a summary
// `<n> charts built, <n> failed in <s> s -> <out>`. Per-stage times are read
// wherever the build prints them as `<stage> <n> ms` (one word, then the number) (on a chart's line after
// its size, or on any other line, e.g. `load 12 ms, verify 340 ms`): each
// stage's milliseconds are summed over the build. None printed: no stages.

export interface BuildOutput {
  /** Slugs the build printed a rendered chart line for. */
  rendered: string[];
  /** Slugs it printed a failure line for. */
  failed: string[];
  /** Sum of the per-chart milliseconds (a chart line's unlabelled `<n> ms`). */
  chartsMs: number;
  /** The build's own total from its summary line, in ms, when printed. */
  totalMs?: number;
  /** Milliseconds per stage, summed, in the order the build first named them. */
  stages: Record<string, number>;
}

const CHART = /^✓ (\S+)\s+\d+×\d+\s*(.*)$/;
const FAILED = /^✗ (\S+)\s/;
const SUMMARY = /^\d+ charts? built, \d+ failed in ([\d.]+) s\b/;
const TIMES = /(?:\b([A-Za-z][\w-]*)(?:\s*[:=]\s*|\s+))?(\d+(?:\.\d+)?)\s*ms\b/g;

export function parseBuildOutput(stdout: string): BuildOutput {
  const output: BuildOutput = { rendered: [], failed: [], chartsMs: 0, stages: {} };
  const addStage = (name: string, ms: number) => (output.stages[name] = (output.stages[name] ?? 0) + ms);
  for (const line of stdout.split("\n")) {
    const chart = CHART.exec(line);
    if (chart) {
      output.rendered.push(chart[1]!);
      for (const [, name, ms] of chart[2]!.matchAll(TIMES)) {
        if (name) addStage(name, Number(ms));
        else output.chartsMs += Number(ms);
      }
      continue;
    }
    const failed = FAILED.exec(line);
    if (failed) {
      output.failed.push(failed[1]!);
      continue;
    }
    const summary = SUMMARY.exec(line);
    if (summary) {
      output.totalMs = Number(summary[1]) * 1000;
      continue;
    }
    for (const [, name, ms] of line.matchAll(TIMES)) if (name) addStage(name, Number(ms));
  }
  return output;
}
