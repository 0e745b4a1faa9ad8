import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { publish, type PublishedFile } from "@charts/publish";
import { createServer, DEFAULT_TIMEOUTS } from "../src/index.ts";
import { syntheticChart } from "./fixtures/charts.ts";
import { collect, connect, dribble, listen, parseResponse, sleep } from "./fixtures/sockets.ts";

let root: string;
let dir: string;
let big: PublishedFile;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "http-server-"));
  dir = join(root, "charts");
  const { manifest } = await publish({ outDir: dir, charts: [syntheticChart("big", 1, { bars: 200_000 })], toolVersion: "1.0.0", sync: false });
  big = manifest.charts[0]!.variants[0]!.svg;
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe("createHttpServer(listener, timeouts)", () => {
  it("applies the default timeouts, which Node and fastify leave at 60 s for headers and none for the rest", async () => {
    const app = await createServer({ dir });
    await app.ready();
    expect(app.server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersTimeout);
    expect(app.server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestTimeout);
    expect(app.server.timeout).toBe(DEFAULT_TIMEOUTS.idleTimeout);
    expect(app.server.keepAliveTimeout).toBe(DEFAULT_TIMEOUTS.keepAliveTimeout);
    expect(DEFAULT_TIMEOUTS).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, idleTimeout: 30_000, keepAliveTimeout: 72_000, drainTimeout: 10_000 });
    await app.close();
  });

  it("cuts slow headers after headersTimeout, with a 408, not before", async () => {
    const app = await createServer({ dir, headersTimeout: 500, requestTimeout: 2000 });
    const { port } = await listen(app);
    try {
      const socket = await connect(port);
      const received = collect(socket);
      const start = performance.now();
      void dribble(socket, ["GET /charts HTTP/1.1\r\n", ...Array.from({ length: 60 }, (_, i) => `X-${i}: 1\r\n`)], 50);
      const { data, closedAt } = await received;
      const response = parseResponse(data);
      expect(response.status).toBe(408);
      expect(JSON.parse(response.body.toString())).toEqual({ statusCode: 408, error: "Request Timeout", message: message.requestTimeout() });
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(closedAt - start).toBeGreaterThan(450);
      expect(closedAt - start).toBeLessThan(3000);
    } finally {
      await app.close();
    }
  });

  it("closes a connection whose request body comes too slowly after requestTimeout", async () => {
    const app = await createServer({ dir, headersTimeout: 300, requestTimeout: 800 });
    const { port } = await listen(app);
    try {
      const socket = await connect(port);
      const received = collect(socket);
      const start = performance.now();
      // GET is answered without its body; the connection must not wait for the rest for ever.
      void dribble(socket, ["GET /charts HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n", ..."x".repeat(1000)], 50);
      const { data, closedAt } = await received;
      expect(parseResponse(data).status).toBe(200);
      expect(closedAt - start).toBeGreaterThan(750);
      expect(closedAt - start).toBeLessThan(4000);
    } finally {
      await app.close();
    }
  });

  it("closes a connection that moves no byte for idleTimeout while a response waits for its reader", async () => {
    const app = await createServer({ dir, idleTimeout: 400 });
    const { port } = await listen(app);
    try {
      const socket = await connect(port);
      const received = collect(socket);
      socket.write(`GET /charts/${big.stable} HTTP/1.1\r\nHost: x\r\n\r\n`);
      socket.once("data", () => socket.pause());
      await sleep(1200);
      socket.resume();
      const { data } = await received;
      expect(parseResponse(data).body.length).toBeLessThan(big.bytes);
    } finally {
      await app.close();
    }
  });

  it("keeps a slow reader that makes progress, however long the whole download takes", async () => {
    const app = await createServer({ dir, idleTimeout: 400 });
    const { port } = await listen(app);
    try {
      const socket = await connect(port);
      const received = collect(socket);
      socket.write(`GET /charts/${big.stable} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      // 64 KiB or so every 3 ms: longer than idleTimeout in all, never 400 ms without a byte.
      socket.on("data", () => {
        socket.pause();
        setTimeout(() => socket.resume(), 3);
      });
      const start = performance.now();
      const { data, closedAt } = await received;
      expect(parseResponse(data).body.length).toBe(big.bytes);
      expect(closedAt - start).toBeGreaterThan(400);
    } finally {
      await app.close();
    }
  });
});
