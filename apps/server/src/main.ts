// `pnpm serve [--port N] [--dir DIR] [--host H] [--cors ORIGINS]`: the chart
// service for the CMS. PORT, CHARTS_DIR, HOST and CORS_ORIGINS set the same
// from the environment; flags win. Stops gracefully on SIGTERM and SIGINT.
import { parseArgs } from "node:util";
import { invalid } from "@charts/errors";
import { createServer } from "./createServer.ts";

const { values } = parseArgs({
  options: {
    port: { type: "string" },
    dir: { type: "string" },
    host: { type: "string" },
    cors: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

if (values.help) {
  process.stdout.write(
    [
      "Usage: pnpm serve [--port N] [--dir DIR] [--host HOST] [--cors ORIGINS]",
      "  --port   port to listen on (env PORT, default 8080)",
      "  --dir    publish folder (env CHARTS_DIR, default dist/charts)",
      "  --host   address to bind (env HOST, default 127.0.0.1)",
      '  --cors   "*" or comma-separated origins allowed to read from a browser (env CORS_ORIGINS, default none)',
      "",
    ].join("\n"),
  );
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? "8080";
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid({ field: "--port" }, "a port number", portText);
const origins = values.cors ?? process.env.CORS_ORIGINS;
const cors = !origins ? undefined : origins === "*" ? "*" : origins.split(",").map((origin) => origin.trim());

const app = await createServer({
  dir: values.dir ?? process.env.CHARTS_DIR ?? "dist/charts",
  cors,
  logger: { level: process.env.LOG_LEVEL ?? "info" },
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    // A second signal while draining means "now".
    if (stopping) process.exit(1);
    stopping = true;
    app.log.info({ signal }, "shutting down: finishing requests in flight");
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
