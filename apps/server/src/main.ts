// `pnpm serve [--port N] [--dir DIR] [--host H] [--cors ORIGINS] [--*-timeout MS]`:
// the chart service for the CMS. Each flag has an environment variable (PORT,
// CHARTS_DIR, HOST, CORS_ORIGINS, HEADERS_TIMEOUT, ...); flags win. On SIGTERM
// or SIGINT it stops accepting connections, lets the responses in flight reach
// their clients (at most --drain-timeout ms), then exits 0; a second signal exits at once.
import { parseArgs } from "node:util";
import { invalid } from "@charts/errors";
import { createServer, DEFAULT_TIMEOUTS } from "./createServer.ts";
import type { Timeouts } from "./httpServer.ts";

/** Each timeout's flag and environment variable, in milliseconds. */
const TIMEOUTS: Record<Exclude<keyof Timeouts, "keepAliveTimeout">, { flag: string; env: string; help: string }> = {
  headersTimeout: { flag: "headers-timeout", env: "HEADERS_TIMEOUT", help: "ms a client has to send its request headers" },
  requestTimeout: { flag: "request-timeout", env: "REQUEST_TIMEOUT", help: "ms a client has to send a whole request, body included" },
  idleTimeout: { flag: "idle-timeout", env: "IDLE_TIMEOUT", help: "ms a connection may move no byte while a request is open" },
  drainTimeout: { flag: "drain-timeout", env: "DRAIN_TIMEOUT", help: "ms to let responses in flight finish on SIGTERM/SIGINT" },
};

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    dir: { type: "string" },
    host: { type: "string" },
    cors: { type: "string" },
    ...Object.fromEntries(Object.values(TIMEOUTS).map(({ flag }) => [flag, { type: "string" as const }])),
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  process.stdout.write(
    [
      "Usage: pnpm serve [--port N] [--dir DIR] [--host HOST] [--cors ORIGINS] [--headers-timeout MS] [--request-timeout MS] [--idle-timeout MS] [--drain-timeout MS]",
      "  --port             port to listen on (env PORT, default 8080)",
      "  --dir              publish folder (env CHARTS_DIR, default dist/charts)",
      "  --host             address to bind (env HOST, default 127.0.0.1)",
      '  --cors             "*" or comma-separated origins allowed to read from a browser (env CORS_ORIGINS, default none)',
      ...Object.entries(TIMEOUTS).map(
        ([key, { flag, env, help }]) => `  --${flag.padEnd(17)}${help} (env ${env}, default ${DEFAULT_TIMEOUTS[key as keyof Timeouts]}; 0: no limit)`,
      ),
      "",
    ].join("\n"),
  );
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? "8080";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) throw invalid({ field: "--port" }, "a port number", portText);
const origins = values.cors ?? process.env.CORS_ORIGINS;
const cors = !origins ? undefined : origins === "*" ? "*" : origins.split(",").map((origin) => origin.trim());

const timeouts: Partial<Timeouts> = {};
for (const [key, { flag, env }] of Object.entries(TIMEOUTS)) {
  const text = (values as Record<string, string | undefined>)[flag] ?? process.env[env];
  if (text === undefined) continue;
  if (!/^\d+$/.test(text)) throw invalid({ field: `--${flag}` }, "a whole number of milliseconds", text);
  timeouts[key as keyof Timeouts] = Number(text);
}
const headers = timeouts.headersTimeout ?? DEFAULT_TIMEOUTS.headersTimeout;
const request = timeouts.requestTimeout ?? DEFAULT_TIMEOUTS.requestTimeout;
// Node refuses a headers limit longer than the whole request's.
if (request > 0 && headers > request) throw invalid({ field: "--headers-timeout" }, `at most --request-timeout (${request})`, headers);

const app = await createServer({
  dir: values.dir ?? process.env.CHARTS_DIR ?? "dist/charts",
  cors,
  logger: { level: process.env.LOG_LEVEL ?? "info" },
  ...timeouts,
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    // A second signal while draining means "now".
    if (stopping) process.exit(1);
    stopping = true;
    const drainTimeout = timeouts.drainTimeout ?? DEFAULT_TIMEOUTS.drainTimeout;
    app.log.info({ signal, drainTimeout }, "shutting down: finishing requests in flight");
    app.close().then(
      () => {
        app.log.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}

await app.listen({ port, host: values.host ?? process.env.HOST ?? "127.0.0.1" });
