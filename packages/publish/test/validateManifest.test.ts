import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { validateManifest } from "../src/index.ts";

const manifest = {
  $schema: "manifest.schema.json",
  version: 1,
  toolVersion: "1.0.0",
  renderers: { vega: "6.4.0", font: "Source Sans 3 Version 3.052" },
  publishedAt: "2024-06-19T12:00:00.000Z",
  baseUrl: "/charts/",
  charts: [],
  failed: [],
};

describe("validateManifest(json, file)", () => {
  it("returns a manifest that matches the schema", () => {
    expect(validateManifest(manifest, "manifest.json")).toBe(manifest);
  });

  it("reads a chart published before variants had their own Vega-Lite and charts their data table", () => {
    const file = (name: string, stable: string, type: string) => ({ name, stable, type, bytes: 1, sha256: "0".repeat(64) });
    const variant = (name: string) => ({
      name,
      theme: "light",
      width: 640,
      height: 400,
      svg: file(`a.${"1".repeat(12)}.svg`, "a.svg", "image/svg+xml"),
      png: file(`a.${"2".repeat(12)}.png`, "a.png", "image/png"),
      png2x: file(`a@2x.${"3".repeat(12)}.png`, "a@2x.png", "image/png"),
    });
    const chart = {
      slug: "a",
      headline: "A",
      dek: "B",
      alt: "C",
      source: "D",
      hash: "4".repeat(12),
      hashes: { data: "5".repeat(12), text: "6".repeat(12), render: "7".repeat(12) },
      lastChanged: "2024-06-19T12:00:00.000Z",
      toolVersion: "1.0.0",
      variants: [variant("default")],
      vegaLite: file(`a.${"8".repeat(12)}.vl.json`, "a.vl.json", "application/json"),
      embed: file(`a.${"9".repeat(12)}.html`, "a.html", "text/html"),
      datasets: [],
      texts: [],
      provenance: [],
      changes: [],
    };
    expect(() => validateManifest({ ...manifest, charts: [chart] }, "m.json")).not.toThrow();
    const table = { csv: file(`a.${"a".repeat(12)}.csv`, "a.csv", "text/csv"), html: file(`a.${"b".repeat(12)}.table.html`, "a.table.html", "text/html") };
    expect(() => validateManifest({ ...manifest, charts: [{ ...chart, locale: "en-GB", table }] }, "m.json")).not.toThrow();
  });

  it("names the JSON path of what is missing, unknown or of the wrong shape", () => {
    const { toolVersion: _, ...missing } = manifest;
    expect(() => validateManifest(missing, "m.json")).toThrow(`m.json, toolVersion: ${message.manifestInvalid("required", undefined, undefined)}`);
    expect(() => validateManifest({ ...manifest, extra: 1 }, "m.json")).toThrow(`m.json, extra: ${message.manifestInvalid("additionalProperties", undefined, 1)}`);
    expect(() => validateManifest({ ...manifest, renderers: { vega: "" } }, "m.json")).toThrow(
      `m.json, renderers.vega: ${message.manifestInvalid("minLength", "must NOT have fewer than 1 characters", "")}`,
    );
    expect(() => validateManifest({ ...manifest, publishedAt: "yesterday" }, "m.json")).toThrow(
      `m.json, publishedAt: ${message.manifestInvalid("format", 'must match format "date-time"', "yesterday")}`,
    );
    expect(() => validateManifest(null, "m.json")).toThrow(`m.json, (root): ${message.manifestInvalid("type", "must be object", null)}`);
  });
});
