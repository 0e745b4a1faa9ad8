import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { loadSources } from "../src/index.ts";

const root = join(import.meta.dirname, "..");
const fixtures = join(import.meta.dirname, "fixtures");

describe("loadSources(file)", () => {
  it("maps text ids to who published them", async () => {
    const sources = await loadSources(join(fixtures, "good", "sources.json"), { root });
    expect([...sources]).toEqual([["lumen", { publisher: "Lumen Harbour Review", date: "2024-03-01" }]]);
  });

  it("names the file and JSON path of an invalid entry", async () => {
    await expect(loadSources(join(fixtures, "malformed", "sources", "sources.json"), { root })).rejects.toThrow(
      new ChartsError('expected an ISO date such as 2024-06-20 but received "March 2024" of type string', {
        file: "test/fixtures/malformed/sources/sources.json",
        field: "lumen.date",
      }),
    );
  });
});

describe("loadSources(file, { onError })", () => {
  const write = (json: string) => {
    const dir = mkdtempSync(join(tmpdir(), "charts-sources-"));
    writeFileSync(join(dir, "sources.json"), json);
    return join(dir, "sources.json");
  };

  it("reports each invalid entry by its text id and keeps the others", async () => {
    const file = write(JSON.stringify({ lumen: { publisher: "Lumen Review", date: "March 2024" }, "bad id!": { publisher: "X" }, harbour: { publisher: "Harbour News" }, ferry: {} }));
    const failed = new Map<string, ChartsError>();
    const sources = await loadSources(file, { root: dirname(file), onError: (error, id) => failed.set(id, error) });
    expect([...sources.keys()]).toEqual(["harbour"]);
    expect([...failed].map(([id, error]) => [id, error.message]).sort()).toEqual([
      ["bad id!", `sources.json, ["bad id!"]: ${message.invalid("a string matching ^[A-Za-z0-9_.-]+$", "bad id!")}`],
      ["ferry", `sources.json, ferry.publisher: ${message.invalid("a value (it is required)", undefined)}`],
      ["lumen", `sources.json, lumen.date: ${message.invalid("an ISO date such as 2024-06-20", "March 2024")}`],
    ]);
  });

  it("still throws for a file that is not a JSON object, or a key written twice", async () => {
    const onError = () => expect.fail("the whole file fails");
    await expect(loadSources(write("[]"), { onError })).rejects.toThrow(message.invalid("an object", []));
    await expect(loadSources(write('{"a": {"publisher": "A"}, "a": {"publisher": "B"}}'), { onError })).rejects.toThrow(message.duplicateKey("a"));
  });
});
