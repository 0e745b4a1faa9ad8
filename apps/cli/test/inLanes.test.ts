import { describe, expect, it } from "vitest";
import { inLanes } from "../src/build/inLanes.ts";

describe("inLanes(items, lanes, work)", () => {
  it("never has more than `lanes` items between start and done, and does every item once, taken in order", async () => {
    let open = 0;
    let most = 0;
    const started: number[] = [];
    const done: number[] = [];
    const items = Array.from({ length: 50 }, (_, i) => i);
    await inLanes(items, 4, async (item) => {
      started.push(item);
      most = Math.max(most, ++open);
      // uneven work, as charts are: a later item may finish first
      await new Promise((resolve) => setTimeout(resolve, (item * 7) % 5));
      open--;
      done.push(item);
    });
    expect(most).toBe(4);
    expect(started).toEqual(items);
    expect([...done].sort((a, b) => a - b)).toEqual(items);
  });

  it("runs fewer lanes than asked when there are fewer items, and none for none", async () => {
    let open = 0;
    let most = 0;
    await inLanes([1, 2], 8, async () => {
      most = Math.max(most, ++open);
      await new Promise((resolve) => setTimeout(resolve, 1));
      open--;
    });
    expect(most).toBe(2);
    const seen: number[] = [];
    await inLanes([], 3, async (item: number) => void seen.push(item));
    expect(seen).toEqual([]);
  });

  it("rejects with the first error, as the build does when publishing fails", async () => {
    await expect(inLanes([1, 2, 3], 2, async (item) => { if (item === 2) throw new Error("disk full"); })).rejects.toThrow("disk full");
  });
});
