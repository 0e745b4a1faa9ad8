// How a long build reports itself. On a terminal: a live bar with the charts
// done, the rate and the time left (cli-progress, redrawn a few times a
// second), failures printed above it as they happen. Anywhere else (CI logs,
// a pipe): one line per chart as it finishes, the format `pnpm bench build`
// and the tests read. Both end with the summary: counts, and where the time
// went per stage (load, check, compile, render, rasterise, lint, publish), as
// `<stage> <n> ms` pairs on one line.
import cliProgress from "cli-progress";

export type Stage = "load" | "check" | "compile" | "render" | "rasterise" | "lint" | "publish";
const STAGES: readonly Stage[] = ["load", "check", "compile", "render", "rasterise", "lint", "publish"];

export interface Progress {
  /** Charts to render from now on. */
  start(total: number): void;
  /** A chart rendered: its line (a ✓ line). */
  done(line: string): void;
  /** A chart that failed: its ✗ line, to stderr. */
  failed(line: string): void;
  /** Any other line: to stdout, or stderr when `error`. */
  line(text: string, error?: boolean): void;
  /** Stops the bar (if any), leaving the terminal clean for the summary. */
  stop(): void;
}

/**
 * A bar on a terminal (both stdout and stderr), lines elsewhere; `CHARTS_PROGRESS=lines` forces lines.
 * `lines: false` (`charts lint`, whose stdout is its table) prints no line per chart where there is no bar.
 */
export function progress(options: { lines?: boolean } = {}): Progress {
  const tty = process.stdout.isTTY && process.stderr.isTTY && process.env.CHARTS_PROGRESS !== "lines";
  return tty ? barProgress() : lineProgress(options.lines ?? true);
}

/** One line per chart as it finishes (or, `perChart` false, only the failures and other lines). */
function lineProgress(perChart: boolean): Progress {
  return {
    start() {},
    done(line) {
      if (perChart) console.log(line);
    },
    failed: (line) => console.error(line),
    line: (text, error) => (error ? console.error(text) : console.log(text)),
    stop() {},
  };
}

function barProgress(): Progress {
  const bars = new cliProgress.MultiBar(
    {
      format: " {bar} {value}/{total} charts | {rate} charts/s | {eta_formatted} left | {last}",
      barCompleteChar: "█",
      barIncompleteChar: "░",
      hideCursor: true,
      clearOnComplete: true,
      stopOnComplete: false,
      etaBuffer: 50,
      fps: 8,
      stream: process.stderr,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let started = 0;
  const log = (text: string) => (bar ? bars.log(`${text}\n`) : console.error(text));
  return {
    start(total) {
      started = performance.now();
      bar = bars.create(total, 0, { rate: "0.0", last: "" });
    },
    done(line) {
      if (!bar) return console.log(line);
      const value = bar.getProgress() * bar.getTotal() + 1;
      const rate = value / Math.max(0.001, (performance.now() - started) / 1000);
      bar.increment(1, { rate: rate.toFixed(1), last: /^✓ (\S+)/.exec(line)?.[1] ?? "" });
    },
    failed: log,
    line: (text, error) => (error ? log(text) : bar ? bars.log(`${text}\n`) : console.log(text)),
    stop() {
      if (!bar) return;
      bars.stop();
      bar = undefined;
    },
  };
}

/** Milliseconds per stage: `load 120 ms, check 340 ms, ...`, the stages in order, whole numbers (the bench reads them). */
export function formatStages(stages: Partial<Record<Stage, number>>): string {
  return STAGES.filter((stage) => stages[stage] !== undefined)
    .map((stage) => `${stage} ${Math.round(stages[stage]!)} ms`)
    .join(", ");
}
