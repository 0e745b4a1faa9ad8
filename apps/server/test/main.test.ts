import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish } from "@charts/publish";
import { syntheticChart } from "./fixtures/charts.ts";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
let root: string;
let dir: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "main-"));
  dir = join(root, "charts");
  await publish({ outDir: dir, charts: [syntheticChart("arms")], toolVersion: "1.0.0", sync: false });
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
