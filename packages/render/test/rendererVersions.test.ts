import { readFileSync } from "node:fs";
import sharp from "sharp";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { describe, expect, it } from "vitest";
import { fontFaces } from "@charts/fonts";
import { rendererVersions } from "../src/index.ts";

const semver = /^\d+\.\d+\.\d+(?:[-+][\w.-]+)?$/;

describe("rendererVersions()", () => {
  it("reads each renderer's version from what is installed and loaded", async () => {
    const versions = await rendererVersions();
    expect(Object.keys(versions).sort()).toEqual(
      ["font", "harfbuzz", "harfbuzzjs", "librsvg", "libvips", "sharp", "subset-font", "vega", "vega-lite"],
    );
    // The same versions the libraries report about themselves, where they do.
    expect(versions.vega).toBe(vega.version);
    expect(versions["vega-lite"]).toBe(vegaLite.version);
    expect(versions.sharp).toBe(sharp.versions.sharp);
    expect(versions.libvips).toBe(sharp.versions.vips);
    expect(versions.librsvg).toBe(sharp.versions.rsvg);
    for (const name of ["harfbuzzjs", "harfbuzz", "subset-font"] as const) expect(versions[name]).toMatch(semver);
  });

  it("reads the font's version from the name table of the bundled files", async () => {
    const { font } = await rendererVersions();
    expect(font).toMatch(/^Source Sans 3 Version \d+\.\d+$/);
    // The name table holds it as UTF-16BE: the same string is in every bundled file.
    const utf16 = Buffer.from(font.replace("Source Sans 3 ", ""), "utf16le").swap16();
    for (const face of fontFaces) expect(readFileSync(face.file).includes(utf16), face.file).toBe(true);
  });
});
