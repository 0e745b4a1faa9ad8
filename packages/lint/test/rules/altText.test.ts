import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { bars, exports, lint, of } from "../fixtures/build.ts";

const only = { widths: [320], themes: [light] };

describe("alt-text", () => {
  it("finds alt text that only repeats the headline or the dek, once for the chart", async () => {
    const headline = of(await lint(bars({}, { headline: "Exports doubled in three years", alt: "Exports doubled in three years." }), [exports], { widths: [320, 600] }), "alt-text");
    expect(headline.map((f) => [f.variants, f.element, f.measured, f.message])).toEqual([[["all"], "alt text", "the headline", message.altRepeats("headline")]]);
    const dek = of(await lint(bars({}, { dek: "Exports, US$ billion", alt: "exports, US$ billion" }), [exports], only), "alt-text");
    expect(dek.map((f) => f.measured)).toEqual(["the dek"]);
  });

  it("passes alt text that says what the chart shows", async () => {
    expect(of(await lint(bars({}, { alt: "Bar chart of exports: $30bn in 2019, rising each year to $61bn in 2022." }), [exports], only), "alt-text")).toEqual([]);
  });
});
