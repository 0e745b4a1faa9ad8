import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { bars, exports, lint, of } from "../fixtures/build.ts";

describe("source-line", () => {
  it("finds a source line that names no source (a definition's source of blanks)", async () => {
    const findings = of(await lint(bars({}, { source: " " }), [exports], { widths: [320], themes: [light] }), "source-line");
    expect(findings.map((f) => [f.element, f.measured, f.message])).toEqual([['source line "Source:"', "no source named", message.noSourceDrawn()]]);
  });

  it("passes the source line built from the rows' texts, or written", async () => {
    expect(of(await lint(bars(), [exports]), "source-line")).toEqual([]);
    expect(of(await lint(bars({}, { source: "Customs office" }), [exports], { widths: [320], themes: [light] }), "source-line")).toEqual([]);
  });
});
