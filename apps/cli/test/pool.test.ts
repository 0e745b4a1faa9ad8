import { describe, expect, it } from "vitest";
import { Pool } from "../src/build/pool.ts";

type Job = { value: number; crash?: boolean; waitMs?: number };
type Result = { value: number; thread: number; data: unknown };
const worker = new URL("./fixtures/echoWorker.ts", import.meta.url);

describe("Pool", () => {
  it("runs every job on its workers, spreading them, and answers each with its own result", async () => {
    const pool = new Pool<Job, Result>(worker, { size: 2, perWorker: 1, workerData: { cache: "x" } });
    try {
      const results = await Promise.all(Array.from({ length: 8 }, (_, value) => pool.run({ value, waitMs: 20 })));
      expect(results.map((r) => r.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(new Set(results.map((r) => r.thread)).size).toBe(2);
      expect(results[0]!.data).toEqual({ cache: "x" });
    } finally {
      await pool.close();
    }
  });

  it("fails only the job whose worker died, and replaces the worker for the others", async () => {
    const pool = new Pool<Job, Result>(worker, { size: 1, perWorker: 1 });
    try {
      const crashed = pool.run({ value: 0, crash: true });
      const after = pool.run({ value: 1 });
      await expect(crashed).rejects.toThrow("a render worker exited with code 3");
      expect((await after).value).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it("refuses jobs once closed", async () => {
    const pool = new Pool<Job, Result>(worker, { size: 1 });
    await pool.close();
    await expect(pool.run({ value: 1 })).rejects.toThrow("the pool is closed");
  });
});
