import { describe, expect, test } from "vitest";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { DEFAULT_SEED, seededRandom } from "../src/index.ts";

const child = fileURLToPath(new URL("./fixtures/randomChild.ts", import.meta.url));
const run = async (...args: string[]) => {
  const { stdout } = await promisify(execFile)(process.execPath, ["--disable-warning=ExperimentalWarning", child, ...args], { maxBuffer: 64 << 20 });
  return JSON.parse(stdout) as Record<string, string>;
};

describe("seededRandom", () => {
  test("gives the same numbers in [0, 1) for the same seed, others for another", () => {
    const draw = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed));
    const a = draw(DEFAULT_SEED);
    expect(draw(DEFAULT_SEED)).toEqual(a);
    expect(draw(2)).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(a).size).toBe(1000);
    expect(Math.abs(a.reduce((s, x) => s + x, 0) / a.length - 0.5)).toBeLessThan(0.05);
  });

  test("random(), sample and bootstrapped CIs render byte-identically in two processes, and differently with another seed", async () => {
    const [first, second, other] = await Promise.all([run(), run(), run("7")]);
    expect(Object.keys(first)).toEqual(["random", "sample", "ci"]);
    for (const name of Object.keys(first)) {
      expect(second[name], name).toBe(first[name]);
      // the seed does reach each of them: another seed draws other numbers
      expect(other[name], name).not.toBe(first[name]);
    }
  });

  // Renders stay deterministic only while every random number Vega draws comes
  // from vega-statistics' replaceable source. This counts every Math.random in
  // the files Node loads for vega: a Vega upgrade that adds one fails here.
  test("Vega draws random numbers only from the source setRandom replaces", () => {
    // the file Node loads for each package, resolved from where vega resolves it
    const require = createRequire(import.meta.url);
    const vegaEntry = require.resolve("vega");
    const vega = JSON.parse(readFileSync(packageFile(vegaEntry), "utf8")) as { dependencies: Record<string, string> };
    const fromVega = createRequire(vegaEntry);
    const found: Record<string, number> = {};
    for (const name of [...Object.keys(vega.dependencies), "vega-interpreter"]) {
      let entry: string;
      try {
        entry = (name === "vega-interpreter" ? require : fromVega).resolve(name);
      } catch {
        continue; // vega-typings: types only
      }
      const count = readFileSync(entry, "utf8").split("Math.random").length - 1;
      if (count) found[name] = count;
    }
    expect(found).toEqual({
      "vega-statistics": 1, // `export var random = Math.random`, replaced by setRandom
      "vega-expression": 1, // codegen's table entry; renders interpret, and random() resolves to vega-functions' (vega-statistics')
      "vega-wordcloud": 1, // CloudLayout's default, replaced by .random(vega-statistics random)
      "vega-interpreter": 1, // fallback table entry; vega-functions' random() is found first
    });
  });
});

/** The package.json of the package a resolved file belongs to. */
function packageFile(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate) && basename(dirname(candidate)) !== "build") return candidate;
  }
  throw new Error(`no package.json above ${file}`);
}
