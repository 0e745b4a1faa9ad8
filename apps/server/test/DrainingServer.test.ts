import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish, sha256, type PublishedFile } from "@charts/publish";
import { createServer } from "../src/index.ts";
import { syntheticChart } from "./fixtures/charts.ts";
import { collect, connect, listen, parseResponse, sleep } from "./fixtures/sockets.ts";

let root: string;
let dir: string;
let big: PublishedFile;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "draining-"));
  dir = join(root, "charts");
  // About 18 MB, far more than loopback's socket buffers: a stalled reader keeps it in flight.
  const { manifest } = await publish({ outDir: dir, charts: [syntheticChart("big", 1, { bars: 200_000 })], toolVersion: "1.0.0", sync: false });
  big = manifest.charts[0]!.variants[0]!.svg;
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Splits raw bytes into the responses they hold (bodies by Content-Length). */
function responses(data: Buffer) {
  const found = [];
  let rest = data;
  while (rest.length) {
    const response = parseResponse(rest);
    found.push(response);
    rest = rest.subarray(rest.indexOf("\r\n\r\n") + 4 + response.body.length);
  }
  return found;
}

describe("DrainingServer.close()", () => {
  it("closes idle connections at once, lets a response in flight arrive whole, answers a request sent meanwhile, then closes", async () => {
    const app = await createServer({ dir });
    const { port } = await listen(app);
    // An idle keep-alive connection: one request answered, nothing more.
    const idle = await connect(port);
    const idleClosed = collect(idle);
    idle.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    await sleep(100);
    // A slow reader of a large file.
    const busy = await connect(port);
    const busyReceived = collect(busy);
    busy.write(`GET /charts/${big.stable} HTTP/1.1\r\nHost: x\r\n\r\n`);
    busy.once("data", () => busy.pause());
    await sleep(200);

    const closing = performance.now();
    let closed = false;
    const done = app.close().then(() => (closed = true));
    expect((await idleClosed).closedAt - closing).toBeLessThan(1000);
    // A request on the open connection during the drain: answered after the download, as the last one.
    busy.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    await sleep(300);
    expect(closed).toBe(false);
    busy.resume();
    const { data } = await busyReceived;
    await done;
    const [download, health] = responses(data);
    expect(download!.status).toBe(200);
    expect(sha256(download!.body)).toBe(big.sha256);
    // Answered, and saying it is the last on this connection.
    expect(health!.status).toBe(200);
    expect(health!.headers.connection).toBe("close");
  });

  it("closes what is left after drainTimeout, and says how many", async () => {
    const app = await createServer({ dir, drainTimeout: 300 });
    const { port } = await listen(app);
    const open: number[] = [];
    app.server.on("drainTimeout", (count: number) => open.push(count));
    const stalled = await connect(port);
    const received = collect(stalled);
    stalled.write(`GET /charts/${big.stable} HTTP/1.1\r\nHost: x\r\n\r\n`);
    stalled.once("data", () => stalled.pause());
    await sleep(200);
    const closing = performance.now();
    await app.close();
    const took = performance.now() - closing;
    expect(took).toBeGreaterThan(280);
    expect(took).toBeLessThan(4000);
    expect(open).toEqual([1]);
    stalled.resume();
    expect(parseResponse((await received).data).body.length).toBeLessThan(big.bytes);
  });
});
