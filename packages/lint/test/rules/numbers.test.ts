import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { light } from "@charts/theme";
import { bars, dataset, lint, of } from "../fixtures/build.ts";

// 2019 derived, with the note the build prints under the chart ("2019 is derived: ...")
const derived = (note: string) =>
  dataset("exports", [{ name: "year", type: "year" }, { name: "exports", type: "number", unit: "USD billion" }], [
    { year: 2019, exports: 30, $status: "derived", $note: note },
    { year: 2020, exports: 42 },
    { year: 2021, exports: 55 },
  ]);
const only = { widths: [320], themes: [light] };

describe("numbers", () => {
  it("finds a figure no row gives in the notes the build writes from a row's note", async () => {
    const findings = of(await lint(bars(), [derived("half the 2020 figure of $60bn")], only), "numbers");
    expect(findings.map((f) => [f.variants, f.element, f.measured, f.message])).toEqual([[["all"], 'notes "$60bn"', "$60bn", message.numberWithoutRow("$60bn", ["exports"])]]);
  });

  it("passes words whose numbers are the rows' figures", async () => {
    expect(of(await lint(bars({}, { headline: "Exports rose from $30bn in 2019 to $55bn in 2021", notes: "$42bn in 2020." }), [derived("half the 2020 figure of $42bn, rounded")], only), "numbers")).toEqual([]);
  });
});
