// Every case of the bad-input corpus (fixtures/bad/cases.ts) through the
// library's stages: each bad input gives exactly its error from the catalogue,
// with its place, printed once; none crashes, hangs or passes silently; the
// inputs that must be accepted build.
import { describe, expect, it } from "vitest";
import { ChartsError } from "@charts/errors";
import { cases, type Kind } from "../fixtures/bad/cases.ts";
import { runPipeline, shown } from "../fixtures/bad/pipeline.ts";
import { writeProject } from "../fixtures/bad/project.ts";

describe("the bad-input corpus", () => {
  it("has at least 100 cases, each named once, covering every kind", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    const kinds: Kind[] = ["csv", "cell", "provenance", "formula", "check", "dataset.json", "sources.json", "text", "definition", "render", "label", "limit"];
    for (const kind of kinds) expect(cases.filter((c) => c.kind === kind).length, kind).toBeGreaterThan(0);
  });

  it("builds the project unchanged", async () => {
    const { error, svgs } = await runPipeline(writeProject());
    expect(error).toBeUndefined();
    expect([...svgs.keys()]).toEqual(["fees", "ships"]);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", async (_name, bad) => {
    const dir = writeProject(bad.changes);
    const { error, svgs } = await runPipeline(dir, { ...(bad.limits ? { limits: bad.limits } : {}), ...(bad.png ? { png: true } : {}) });
    if (bad.error === null) {
      expect(shown(error)).toBeUndefined();
      bad.svg?.(svgs);
      return;
    }
    // a ChartsError, never a crash: its message as printed and its place
    expect(error, String((error as Error)?.stack)).toBeInstanceOf(ChartsError);
    expect(shown(error)).toEqual(bad.error(dir));
    // the place is printed once
    const { file } = (error as ChartsError).where;
    if (file) expect((error as ChartsError).message.split(file).length - 1, "file named once").toBe(1);
  });
});
