// `pnpm bench [--seconds N] [--connections N] [--charts N] [--pause MS]`: the project's benchmarks (not
// timed tests). Today: the chart service against nginx under rebuilds
// (serve.ts). Exits non-zero if any response under load was broken.
import { parseArgs } from "node:util";
import { benchServe } from "./serve.ts";

const USAGE = `Usage: pnpm bench [--seconds N] [--connections N] [--charts N] [--pause MS]
  --seconds      length of each load scenario (default 10)
  --connections  concurrent connections (default 50)
  --charts       charts in the synthetic publish folder (default 20)
  --pause        pause between rebuilds, ms (default 200)
Prints figures (not a timed test); exits 1 if any response under load was broken.
`;

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      seconds: { type: "string" },
      connections: { type: "string" },
      charts: { type: "string" },
      pause: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }));
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const number = (text: string | boolean | undefined) => (typeof text === "string" ? Number(text) : undefined);

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
