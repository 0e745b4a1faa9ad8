import { beforeAll, describe, expect, test } from "vitest";
import type { TopLevelSpec } from "vega-lite";
import { renderSvg, setupRenderer } from "../src/index.ts";

beforeAll(() => setupRenderer());

// now() drawn as a number (ms) and as a year, in a calculate and in a filter
const spec = {
  data: { values: [{ a: 1 }] },
  transform: [{ calculate: "now()", as: "t" }, { calculate: "timeFormat(now(), '%Y')", as: "year" }, { filter: "now() > 0" }],
  mark: "text",
  encoding: { text: { field: "t", type: "quantitative", format: "d" } },
} as TopLevelSpec;
const drawn = async (now?: number) => (await renderSvg(spec, now === undefined ? {} : { now })).svg.match(/<text[^>]*>([^<]*)</)?.[1];

describe("now() in expressions", () => {
  test("is the render's clock when it has one: the same clock draws the same bytes", async () => {
    const june = Date.UTC(2024, 5, 20, 8);
    expect(await drawn(june)).toBe(String(june));
    expect((await renderSvg(spec, { now: june })).svg).toBe((await renderSvg(spec, { now: june })).svg);
    expect(await drawn(june + 1)).toBe(String(june + 1));
  });

  test("is the wall clock for a render without one, even right after a pinned render", async () => {
    await drawn(0);
    const before = Date.now();
    const shown = Number(await drawn());
    expect(shown).toBeGreaterThanOrEqual(before);
    expect(shown).toBeLessThanOrEqual(Date.now());
  });
});
