import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { bars, exports, lint, of } from "../fixtures/build.ts";

describe("alt-drafted", () => {
  it("warns when the alt text was drafted from the rows", async () => {
    const { alt: _, ...drafted } = bars();
    const findings = of(await lint(drafted, [exports], { widths: [320], themes: [light] }), "alt-drafted");
    expect(findings.map((f) => [f.severity, f.measured, f.message])).toEqual([["warning", "drafted", message.altDrafted()]]);
  });

  it("passes alt text the desk wrote", async () => {
    expect(of(await lint(bars(), [exports], { widths: [320], themes: [light] }), "alt-drafted")).toEqual([]);
  });
});
