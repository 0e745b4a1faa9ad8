// Runs a command as a child process and measures it: wall time from spawn to
// exit (measured here), CPU time and peak RSS as the processes themselves
// report them at exit (reportUsage.mjs, preloaded through NODE_OPTIONS into the
// child and any Node.js process it starts). Only Node.js processes are
// measured: a child that is not Node.js, or that dies before its exit handlers
// run, has no usage line, and the measurement fails instead of reading zero.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface Measurement {
  wallMs: number;
  /** User + system CPU of every measured process, all threads. */
  cpuMs: number;
  userMs: number;
  systemMs: number;
  /** Peak resident set size of the child itself (getrusage ru_maxrss). */
  peakRssKb: number;
  /** Sum of the peaks when the child started other Node.js processes (an upper bound of their joint peak). */
  peakRssAllKb: number;
  /** Node.js processes that reported: the child and any it started. */
  processes: number;
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Each line of the child's stdout, as it comes (for progress). */
  onLine?: (line: string) => void;
}

const preload = new URL("./reportUsage.mjs", import.meta.url).href;

/** Runs `command args` and measures it; rejects when it exits non-zero, is killed, or did not report its usage. */
export async function measure(command: string, args: string[], options: MeasureOptions): Promise<Measurement> {
  const dir = mkdtempSync(join(tmpdir(), "bench-usage-"));
  const usageFile = join(dir, "usage.jsonl");
  try {
    const env = {
      ...process.env,
      ...options.env,
      BENCH_USAGE_FILE: usageFile,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, options.env?.NODE_OPTIONS, `--import=${preload}`].filter(Boolean).join(" "),
    };
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const lines = createInterface({ input: child.stdout });
    lines.on("line", (line) => {
      stdout += `${line}\n`;
      options.onLine?.(line);
    });
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
    });
    const wallMs = performance.now() - started;
    const shown = `${command} ${args.join(" ")}`;
    if (code !== 0) {
      throw new Error(`${shown} exited with ${signal ?? `code ${code}`}\n${tail(stderr || stdout)}`);
    }
    const usages = readUsage(usageFile);
    const own = usages.find((usage) => usage.pid === child.pid);
    if (!own) throw new Error(`${shown} exited without reporting its resource usage (not a Node.js process?)`);
    const userMs = usages.reduce((sum, usage) => sum + usage.userUs, 0) / 1000;
    const systemMs = usages.reduce((sum, usage) => sum + usage.systemUs, 0) / 1000;
    return {
      wallMs,
      cpuMs: userMs + systemMs,
      userMs,
      systemMs,
      peakRssKb: own.maxRssKb,
      peakRssAllKb: usages.reduce((sum, usage) => sum + usage.maxRssKb, 0),
      processes: usages.length,
      stdout,
      stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Usage {
  pid: number;
  userUs: number;
  systemUs: number;
  maxRssKb: number;
}

function readUsage(file: string): Usage[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Usage);
}

function tail(text: string, lines = 20): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
