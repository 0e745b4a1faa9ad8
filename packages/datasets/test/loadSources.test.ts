import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartsError } from "@charts/errors";
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
