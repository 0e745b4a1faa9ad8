import { describe, expect, test } from "vitest";
import { message } from "@charts/errors";
import { assertFontFamilies, isBundledFamily } from "../src/index.ts";

const refused = (family: unknown) => message.fontFamily(family, "Source Sans 3");

describe("assertFontFamilies", () => {
  test("accepts the bundled family, quoted or not, and sans-serif", () => {
    for (const family of ["Source Sans 3", "'Source Sans 3'", `"source sans 3", sans-serif`, "sans-serif"]) expect(isBundledFamily(family)).toBe(true);
    expect(() =>
      assertFontFamilies({ config: { font: "Source Sans 3", axis: { labelFont: "sans-serif" } }, mark: { type: "text", font: { expr: "f" } } }),
    ).not.toThrow();
  });

  test.each([
    [{ config: { font: "Georgia" } }, "config.font", "Georgia"],
    [{ config: { axis: { labelFont: `Source Sans 3" onload="alert(1)` } } }, "config.axis.labelFont", `Source Sans 3" onload="alert(1)`],
    [{ config: { title: { subtitleFont: "Source Sans 3, Comic Sans MS" } } }, "config.title.subtitleFont", "Source Sans 3, Comic Sans MS"],
    [{ layer: [{ mark: { type: "text", font: "'><script>alert(1)</script>" } }] }, "layer[0].mark.font", "'><script>alert(1)</script>"],
    [{ marks: [{ encode: { enter: { font: { value: "&quot;x" } } } }] }, "marks[0].encode.enter.font.value", "&quot;x"],
    [{ marks: [{ encode: { update: { font: [{ test: "true", value: "Arial" }] } } }] }, "marks[0].encode.update.font[0].value", "Arial"],
    [{ config: { legend: { titleFont: 42 } } }, "config.legend.titleFont", 42],
  ])("refuses %j at %s", (spec, path, family) => {
    expect(() => assertFontFamilies(spec, { file: "x.vl.json" })).toThrow(`x.vl.json, ${path}: ${refused(family)}`);
  });

  test("leaves data alone: a column may be called font", () => {
    expect(() => assertFontFamilies({ data: { values: [{ font: "Georgia" }] }, datasets: { a: [{ font: "x" }] } })).not.toThrow();
  });
});
