// Load test of the chart service against Debian's nginx serving the same
// publish folder, in one run, while the charts are rebuilt again and again.
// Every response under load is checked: complete, and exactly the content
// that a release published during the request lists under that name.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { publish } from "../../packages/publish/src/index.ts";
import { syntheticChart } from "../../apps/server/test/fixtures/charts.ts";
import { Timeline } from "../../apps/server/test/fixtures/timeline.ts";

// autocannon is a dev dependency of the server; resolve it from there.
const autocannon = createRequire(new URL("../../apps/server/package.json", import.meta.url))("autocannon") as Autocannon;

export interface ServeBenchOptions {
  /** Seconds of load per scenario and target (default 10). */
  seconds?: number;
  connections?: number;
  /** Charts in the publish folder (default 20). */
  charts?: number;
  nginx?: string;
  /** Pause between two rebuilds, in ms (default 200). */
  pauseMs?: number;
}

interface Scenario {
  name: string;
  path: string;
  /** Headers for a target: the 304 scenario sends that target's own ETag. */
  headers: (target: Target) => Promise<Record<string, string>>;
  expect: 200 | 304;
}

interface Target {
  name: "node" | "nginx";
  base: string;
}

export interface Measured {
  scenario: string;
  target: string;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  requests: number;
  checked: number;
  broken: number;
  errors: number;
  non2xx: number;
}

/** Runs the benchmark and prints its table; returns the figures. */
export async function benchServe(options: ServeBenchOptions = {}): Promise<Measured[]> {
  const seconds = options.seconds ?? 10;
  const connections = options.connections ?? 50;
  const count = options.charts ?? 20;
  const nginx = options.nginx ?? "/usr/sbin/nginx";
  // Checked before anything starts: a missing nginx must not leave the service running.
  if (!existsSync(nginx)) throw new Error(`nginx is not at ${nginx}; install Debian's (apt-get install nginx)`);
  const root = await mkdtemp(join(tmpdir(), "bench-serve-"));
  const dir = join(root, "charts");
  const children: ChildProcess[] = [];
  try {
    await publish({
      outDir: dir,
      charts: Array.from({ length: count }, (_, i) => syntheticChart(`chart-${i}`, 1, { dark: i % 2 === 0 })),
      toolVersion: "bench-0",
    });
    const node = await startNode(dir, children);
    const targets: Target[] = [node, await startNginx(dir, root, nginx, children)];

    const timeline = new Timeline();
    await timeline.publishing(join(dir, "."));
    const rebuilds = startRebuilds(dir, count, options.pauseMs ?? 200, timeline, children);

    const scenarios: Scenario[] = [
      // chart-0 changes at every rebuild: its stable name is the hardest case.
      { name: "SVG 200 (stable name, rebuilt)", path: "/charts/chart-0.svg", headers: async () => ({}), expect: 200 },
      {
        name: "SVG 304 (If-None-Match)",
        path: "/charts/chart-1.svg",
        headers: async (target) => ({ "If-None-Match": (await fetch(`${target.base}/charts/chart-1.svg`)).headers.get("etag") ?? "" }),
        expect: 304,
      },
    ];

    const results: Measured[] = [];
    for (const scenario of scenarios) {
      for (const target of targets) {
        results.push(await load(scenario, target, { seconds, connections, timeline }));
      }
    }
    const built = await rebuilds.stop();
    print(results, { seconds, connections, count, rebuilds: built, pauseMs: options.pauseMs ?? 200 });
    return results;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
    await rm(root, { recursive: true, force: true });
  }
}

async function load(
  scenario: Scenario,
  target: Target,
  { seconds, connections, timeline }: { seconds: number; connections: number; timeline: Timeline },
): Promise<Measured> {
  const name = scenario.path.split("/").pop()!;
  let checked = 0;
  let broken = 0;
  const samples: string[] = [];
  const result = await autocannon({
    url: target.base,
    connections,
    duration: seconds,
    requests: [
      {
        method: "GET",
        path: scenario.path,
        headers: await scenario.headers(target),
        // Per connection, one request at a time: the time it is sent.
        setupRequest: (request, context) => {
          context.start = performance.now();
          return request;
        },
        onResponse: (status, body, context) => {
          checked++;
          const end = performance.now();
          const good =
            status === scenario.expect &&
            (status === 304 ? body.length === 0 : timeline.check(name, body, context.start as number, end));
          if (!good) {
            broken++;
            if (samples.length < 3) samples.push(`${status} ${createHash("sha256").update(body).digest("hex").slice(0, 12)} (${body.length} chars)`);
          }
        },
      },
    ],
  });
  if (samples.length) console.error(`${target.name} ${scenario.name}: broken responses, e.g. ${samples.join("; ")}`);
  return {
    scenario: scenario.name,
    target: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    requests: result.requests.total,
    checked,
    broken,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

function print(results: Measured[], run: { seconds: number; connections: number; count: number; rebuilds: number; pauseMs: number }) {
  const rows = results.map((r) => {
    const nginx = results.find((other) => other.scenario === r.scenario && other.target === "nginx")!;
    return `| ${r.scenario} | ${r.target} | ${Math.round(r.rps)} | ${r.p50} | ${r.p975} | ${r.p99} | ${r.checked} | ${r.broken} | ${r.errors} | ${(r.rps / nginx.rps).toFixed(2)} |`;
  });
  console.log(
    [
      `chart service vs nginx: ${run.connections} connections, ${run.seconds} s per row, ${run.count} charts, ${run.rebuilds} rebuilds during the load (one every ${run.pauseMs} ms + build time)`,
      "",
      "| scenario | server | req/s | p50 ms | p97.5 ms | p99 ms | responses checked | broken | errors | ratio to nginx |",
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...rows,
      "",
    ].join("\n"),
  );
}

/** Starts `pnpm serve`'s script without request logs (nginx runs with access_log off too). */
async function startNode(dir: string, children: ChildProcess[]): Promise<Target> {
  const port = await freePort();
  const main = fileURLToPath(new URL("../../apps/server/src/main.ts", import.meta.url));
  const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", main, "--port", String(port), "--dir", dir], {
    env: { ...process.env, LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/health`);
  return { name: "node", base };
}

/** Starts nginx in the foreground with a generated config: one worker, loopback, the same folder under /charts/. */
async function startNginx(dir: string, root: string, binary: string, children: ChildProcess[]): Promise<Target> {
  const port = await freePort();
  const prefix = join(root, "nginx");
  await mkdir(join(prefix, "temp"), { recursive: true });
  const config = join(prefix, "nginx.conf");
  await writeFile(
    config,
    [
      "daemon off;",
      "worker_processes 1;",
      // As root, workers would drop to nobody; the bench runs as whoever started it.
      ...(process.getuid?.() === 0 ? ["user root;"] : []),
      `pid ${join(prefix, "nginx.pid")};`,
      `error_log ${join(prefix, "error.log")} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      "  include /etc/nginx/mime.types;",
      "  access_log off;",
      "  sendfile on;",
      "  tcp_nopush on;",
      "  keepalive_requests 1000000;",
      ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${join(prefix, "temp", kind)};`),
      `  server { listen 127.0.0.1:${port}; location /charts/ { alias ${dir}/; } }`,
      "}",
      "",
    ].join("\n"),
  );
  const child = spawn(binary, ["-e", join(prefix, "error.log"), "-p", prefix, "-c", config], { stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/charts/manifest.json`);
  return { name: "nginx", base };
}

/** Runs the rebuilder; each release is put on the timeline before its swap. */
function startRebuilds(dir: string, count: number, pauseMs: number, timeline: Timeline, children: ChildProcess[]) {
  const script = fileURLToPath(new URL("./rebuilder.ts", import.meta.url));
  const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", script, dir, String(count)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  let swaps = 0;
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  (async () => {
    for await (const line of createInterface({ input: child.stdout! })) {
      if (line.startsWith("ready ")) {
        await timeline.publishing(line.slice("ready ".length));
        child.stdin!.write("go\n");
      } else if (line === "swapped") {
        timeline.swapped();
        swaps++;
      }
    }
  })();
  return {
    async stop() {
      child.stdin!.end();
      await done;
      return swaps;
    },
  };
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing answers at ${url}`);
}

/** The part of autocannon's API used here (it ships no types). */
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  requests: {
    method: string;
    path: string;
    headers: Record<string, string>;
    setupRequest: (request: object, context: Record<string, unknown>) => object;
    onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
  }[];
}) => Promise<{
  requests: { average: number; total: number };
  latency: { p50: number; p97_5: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}>;
