import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { definitionValidator, TOP_LEVEL_KINDS, useValidatorCache, vegaLiteValidator } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "validators-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Specs and definitions with mistakes, and what each validator says of them. */
const cases = {
  unit: { kind: "TopLevelUnitSpec", spec: { data: { values: [] }, mark: "barx", encoding: { x: { field: "a", type: "quantitative" } } } },
  layer: { kind: "TopLevelLayerSpec", spec: { data: { values: [] }, layer: [{ mark: "bar", encoding: { y: { field: "a", type: "quantitive" } } }] } },
  good: { kind: "TopLevelUnitSpec", spec: { data: { values: [] }, mark: "bar" } },
};
const definitions = [{ slug: "x" }, { slug: "Bad Slug", headline: 3 }];

const verdicts = () => ({
  specs: Object.entries(cases).map(([name, { kind, spec }]) => {
    const validate = vegaLiteValidator(kind);
    return [name, validate(spec), validate.errors?.map((e) => [e.instancePath, e.keyword, e.params, e.message, e.data]) ?? null];
  }),
  definitions: definitions.map((definition) => {
    const validate = definitionValidator();
    return [validate(definition), validate.errors?.map((e) => [e.instancePath, e.keyword, e.message, (e.parentSchema as { expected?: string })?.expected]) ?? null];
  }),
});

describe("useValidatorCache(dir)", () => {
  test("keeps the generated code, and validators loaded from it judge as compiled ones do, errors and all", () => {
    useValidatorCache(dir);
    const compiled = verdicts();
    expect(compiled.specs.map(([name, valid]) => [name, valid])).toEqual([["unit", false], ["layer", false], ["good", true]]);
    expect(compiled.definitions.map(([valid]) => valid)).toEqual([false, false]);
    const files = readdirSync(join(dir, "validators")).sort();
    expect(files).toEqual([expect.stringMatching(/^chart-definition-[0-9a-f]{16}\.cjs$/), expect.stringMatching(/^vega-lite-\d+\.\d+\.\d+-[0-9a-f]{16}\.cjs$/)]);

    // another process, which loads them from the folder instead of compiling
    const script = join(dir, "load.ts");
    writeFileSync(
      script,
      `import { useValidatorCache, vegaLiteValidator, definitionValidator } from ${JSON.stringify(new URL("../src/index.ts", import.meta.url).href)};
       useValidatorCache(${JSON.stringify(dir)});
       const started = performance.now();
       for (const kind of ${JSON.stringify(TOP_LEVEL_KINDS)}) vegaLiteValidator(kind);
       definitionValidator();
       const ms = performance.now() - started;
       const cases = ${JSON.stringify(cases)};
       const definitions = ${JSON.stringify(definitions)};
       const specs = Object.entries(cases).map(([name, { kind, spec }]) => { const v = vegaLiteValidator(kind); return [name, v(spec), v.errors?.map((e) => [e.instancePath, e.keyword, e.params, e.message, e.data]) ?? null]; });
       const defs = definitions.map((d) => { const v = definitionValidator(); return [v(d), v.errors?.map((e) => [e.instancePath, e.keyword, e.message, e.parentSchema?.expected]) ?? null]; });
       process.stdout.write(JSON.stringify({ ms, verdicts: { specs, definitions: defs } }));`,
    );
    const run = spawnSync(process.execPath, ["--disable-warning=ExperimentalWarning", script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    const loaded = JSON.parse(run.stdout) as { ms: number; verdicts: unknown };
    expect(loaded.verdicts).toEqual(JSON.parse(JSON.stringify(compiled)));
  }, 60_000);
});
