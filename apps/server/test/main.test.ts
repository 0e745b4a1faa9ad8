import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { publish, sha256, type Manifest } from "@charts/publish";
import { freePort } from "@charts/testkit";
import { syntheticChart } from "./fixtures/charts.ts";
import { collect, connect, dribble, parseResponse, sleep } from "./fixtures/sockets.ts";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
let root: string;
let dir: string;
let bigDir: string;
let big: Manifest["charts"][number]["variants"][number]["svg"];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "main-"));
  dir = join(root, "charts");
  await publish({ outDir: dir, charts: [syntheticChart("arms")], toolVersion: "1.0.0", sync: false });
  // About 18 MB: far more than loopback's socket buffers hold, so a slow reader keeps a response in flight for seconds.
  bigDir = join(root, "big");
  const { manifest } = await publish({ outDir: bigDir, charts: [syntheticChart("big", 1, { bars: 200_000 })], toolVersion: "1.0.0", sync: false });
  big = manifest.charts[0]!.variants[0]!.svg;
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A port nothing listens on right now. */
/** Starts `pnpm serve`'s script; resolves once it logs that it listens, with its log lines so far and to come. */
async function serve(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", main, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  let text = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    text += chunk;
    const complete = text.split("\n");
    text = complete.pop()!;
    for (const line of complete) lines.push(JSON.parse(line));
  });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const started = Date.now();
  while (!lines.some((line) => String(line.msg).startsWith("Server listening"))) {
    if (child.exitCode !== null || Date.now() - started > 10_000) throw new Error(`serve did not start: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { child, lines, exited, errors: () => errors };
}

function stop(child: ChildProcess) {
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Whether a new TCP connection to the port is refused. */
async function refused(port: number): Promise<boolean> {
  try {
    (await connect(port)).destroy();
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ECONNREFUSED";
  }
}

/**
 * Whether new connections are refused within `ms`, asked every 50 ms: how
 * soon the server handles the signal depends on the machine's load (a fixed
 * 200 ms wait failed once on a busy CI machine), what matters is that it does.
 */
async function refusedWithin(port: number, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  do {
    if (await refused(port)) return true;
    await sleep(50);
  } while (performance.now() < deadline);
  return false;
}

describe("pnpm serve stopping", () => {
  it("drains on SIGTERM: a slow download in flight arrives whole, new connections are refused, then it exits 0", async () => {
    const port = await freePort();
    const { child, lines, exited } = await serve(["--port", String(port), "--dir", bigDir]);
    try {
      const socket = await connect(port);
      const received = collect(socket);
      let seen = 0;
      socket.on("data", (chunk: Buffer) => (seen += chunk.length));
      socket.write(`GET /charts/${big.stable} HTTP/1.1\r\nHost: x\r\n\r\n`);
      // Reads a little, then stalls: the server is mid-way through the body when the signal comes.
      socket.once("data", () => socket.pause());
      await sleep(300);
      child.kill("SIGTERM");
      expect(await refusedWithin(port, 5000)).toBe(true);
      // refusing new connections, and still alive: the download in flight is not finished
      expect(child.exitCode).toBeNull();
      expect(seen).toBeLessThan(big.bytes / 2);
      // Then reads slowly: about 64 KiB every 2 ms, several seconds for the whole file.
      socket.on("data", () => {
        socket.pause();
        setTimeout(() => socket.resume(), 2);
      });
      socket.resume();
      const { data } = await received;
      const response = parseResponse(data);
      expect(response.status).toBe(200);
      expect(response.body.length).toBe(big.bytes);
      expect(sha256(response.body)).toBe(big.sha256);
      expect(await exited).toBe(0);
      expect(lines.find((line) => line.msg === "request")).toMatchObject({ url: `/charts/${big.stable}`, status: 200 });
      expect(lines.map((line) => line.msg)).not.toContain("drain timed out: closing the connections left");
    } finally {
      stop(child);
    }
  });

  it("exits once --drain-timeout has passed when a client never finishes reading", async () => {
    const port = await freePort();
    const { child, lines, exited } = await serve(["--port", String(port), "--dir", bigDir, "--drain-timeout", "600"]);
    try {
      const socket = await connect(port);
      const received = collect(socket);
      socket.write(`GET /charts/${big.stable} HTTP/1.1\r\nHost: x\r\n\r\n`);
      socket.once("data", () => socket.pause());
      await sleep(300);
      const signalled = performance.now();
      child.kill("SIGTERM");
      const code = await exited;
      const took = performance.now() - signalled;
      expect(code).toBe(0);
      expect(took).toBeGreaterThan(550);
      expect(took).toBeLessThan(5000);
      expect(lines.find((line) => line.msg === "drain timed out: closing the connections left")).toMatchObject({ level: 40, open: 1, drainTimeout: 600 });
      socket.resume();
      const response = parseResponse((await received).data);
      expect(response.body.length).toBeLessThan(big.bytes);
    } finally {
      stop(child);
    }
  });
});

describe("pnpm serve timeouts", () => {
  it("cuts a client whose headers come too slowly after --headers-timeout, and one whose body does after REQUEST_TIMEOUT", async () => {
    const port = await freePort();
    const { child } = await serve(["--port", String(port), "--dir", dir, "--headers-timeout", "400"], { REQUEST_TIMEOUT: "900" });
    try {
      // Slow loris: a header line every 100 ms, never the blank line that ends them.
      const loris = await connect(port);
      const lorisReceived = collect(loris);
      const lorisStart = performance.now();
      void dribble(loris, ["GET /charts HTTP/1.1\r\nHost: x\r\n", ...Array.from({ length: 100 }, (_, i) => `X-Slow-${i}: 1\r\n`)], 100);
      const cut = await lorisReceived;
      expect(parseResponse(cut.data).status).toBe(408);
      expect(JSON.parse(parseResponse(cut.data).body.toString()).message).toBe(message.requestTimeout());
      expect(cut.closedAt - lorisStart).toBeGreaterThan(350);
      expect(cut.closedAt - lorisStart).toBeLessThan(4000);

      // A body announced and sent a byte every 100 ms: the answer comes (GET needs no body), the connection does not linger.
      const slowBody = await connect(port);
      const bodyReceived = collect(slowBody);
      const bodyStart = performance.now();
      void dribble(slowBody, ["POST /charts HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n", ..."x".repeat(100)], 100);
      const closed = await bodyReceived;
      expect(parseResponse(closed.data).status).toBe(405);
      expect(closed.closedAt - bodyStart).toBeGreaterThan(850);
      expect(closed.closedAt - bodyStart).toBeLessThan(5000);
    } finally {
      stop(child);
    }
  });

  it("refuses a timeout that is not a whole number of milliseconds, and headers allowed longer than the request", async () => {
    for (const [args, expected] of [
      [["--drain-timeout", "10s"], '--drain-timeout: expected a whole number of milliseconds but received "10s" of type string'],
      [["--headers-timeout", "5000", "--request-timeout", "1000"], "--headers-timeout: expected at most --request-timeout (1000) but received 5000 of type number"],
    ] as const) {
      const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", main, ...args], { stdio: ["ignore", "pipe", "pipe"] });
      let errors = "";
      child.stderr.on("data", (chunk: Buffer) => (errors += chunk));
      const code = await new Promise((resolve) => child.on("exit", resolve));
      expect(code).not.toBe(0);
      expect(errors).toContain(expected);
    }
  });
});

describe("pnpm serve", () => {
  it("listens on --port, serves --dir, logs one JSON line per request and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const { child, lines, exited } = await serve(["--port", String(port), "--dir", dir]);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/charts/arms.svg`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("arms v1");
      // Picks up a new publish without a restart.
      await publish({ outDir: dir, charts: [syntheticChart("arms", 2)], toolVersion: "1.0.1", sync: false });
      expect(await (await fetch(`http://127.0.0.1:${port}/charts/arms.svg`)).text()).toContain("arms v2");
      // A keep-alive connection left open must not hold the shutdown.
      await fetch(`http://127.0.0.1:${port}/health`, { keepalive: true });

      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      const requests = lines.filter((line) => line.msg === "request");
      expect(requests[0]).toMatchObject({ level: 30, method: "GET", url: "/charts/arms.svg", status: 200 });
      expect(typeof requests[0]!.ms).toBe("number");
      expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["shutting down: finishing requests in flight", "stopped"]));
      expect(lines.find((line) => line.msg === "shutting down: finishing requests in flight")).toMatchObject({ signal: "SIGTERM" });
    } finally {
      stop(child);
    }
  });

  it("takes the port from PORT, the folder from CHARTS_DIR and the origins from CORS_ORIGINS", async () => {
    const port = await freePort();
    const { child, exited } = await serve([], { PORT: String(port), CHARTS_DIR: dir, CORS_ORIGINS: "https://cms.example.org" });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/charts`, { headers: { Origin: "https://cms.example.org" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("access-control-allow-origin")).toBe("https://cms.example.org");
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      stop(child);
    }
  });

  it("refuses a port that is not a number", async () => {
    const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", main, "--port", "eighty"], { stdio: ["ignore", "pipe", "pipe"] });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(errors).toContain('--port: expected a port number but received "eighty" of type string');
  });
});
