// Preloaded into every Node.js process the build benchmark measures (through
// NODE_OPTIONS="--import <this file>", so a process the measured one starts is
// measured too). At exit it appends one JSON line to BENCH_USAGE_FILE with the
// process's own resource usage, from getrusage(RUSAGE_SELF) via
// process.resourceUsage(): user and system CPU of all its threads (libuv's pool
// and sharp's libvips threads included) and its peak resident set size.
// Plain JavaScript, like apps/cli/bin/requireNode.mjs, so that any Node.js child
// (vega-cli's too) loads it without type stripping.
import { appendFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

const file = process.env.BENCH_USAGE_FILE;
// A worker thread's resourceUsage() is the whole process's: count it once, from the main thread.
if (file && isMainThread) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const line = {
      pid: process.pid,
      ppid: process.ppid,
      userUs: usage.userCPUTime,
      systemUs: usage.systemCPUTime,
      maxRssKb: usage.maxRSS,
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
