// Rebuilds the benchmark's charts in a loop, in its own process:
// `node rebuilder.ts DIR CHARTS PAUSE_MS`. chart-0 alternates between two versions (a
// correction at every build), the others stay as they are. Before each swap
// it prints "ready <release dir>" and waits for "go" on stdin, so the
// benchmark knows each release before any reader can see it; after the swap
// it prints "swapped", then pauses. It stops when stdin closes.
import { createInterface } from "node:readline";
import { publish } from "../../packages/publish/src/index.ts";
import { syntheticChart } from "../../apps/server/test/fixtures/charts.ts";

const [dir, count, pause = "0"] = process.argv.slice(2);
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();

for (let build = 1; ; build++) {
  const charts = Array.from({ length: Number(count) }, (_, i) =>
    syntheticChart(`chart-${i}`, i === 0 ? 1 + (build % 2) : 1, { dark: i % 2 === 0 }),
  );
  let closed = false;
  await publish({
    outDir: dir!,
    charts,
    toolVersion: `bench-${build}`,
    keep: 3,
    graceMs: 30_000,
    onStep: async (step, releaseDir) => {
      if (step === "manifest") {
        process.stdout.write(`ready ${releaseDir}\n`);
        closed = (await lines.next()).done === true;
      }
      if (step === "swapped") process.stdout.write("swapped\n");
    },
  });
  if (closed) break;
  await new Promise((resolve) => setTimeout(resolve, Number(pause)));
}
