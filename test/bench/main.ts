// `pnpm bench [--seconds N] [--connections N] [--charts N] [--pause MS]`: the project's benchmarks (not
// timed tests). Today: the chart service against nginx under rebuilds
// (serve.ts). Exits non-zero if any response under load was broken.
import { parseArgs } from "node:util";
import { benchServe } from "./serve.ts";

const { values } = parseArgs({
  options: { seconds: { type: "string" }, connections: { type: "string" }, charts: { type: "string" }, pause: { type: "string" } },
});
const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));

const results = await benchServe({
  seconds: number(values.seconds),
  connections: number(values.connections),
  charts: number(values.charts),
  pauseMs: number(values.pause),
});
const broken = results.reduce((sum, result) => sum + result.broken + result.errors, 0);
if (broken) {
  console.error(`${broken} broken or failed responses`);
  process.exitCode = 1;
}
