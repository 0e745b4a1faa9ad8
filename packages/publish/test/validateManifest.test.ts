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
