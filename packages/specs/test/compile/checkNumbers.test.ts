import { describe, expect, it } from "vitest";
import type { Dataset } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";
import { LOCALES } from "@charts/numbers";
import { formatValue } from "@charts/theme";
import { checkNumbers, numbersWithoutRows } from "../../src/compile/checkNumbers.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { arms, cargo, sources, trade } from "../fixtures/datasets.ts";

const chart = (texts: Partial<ReturnType<typeof armsChart>>) => ({ ...armsChart(), ...texts });

describe("checkNumbers(definition, datasets, sources, file)", () => {
  it("accepts the rows' figures as written or rounded, in any scale, and years within their span", () => {
    const ok = chart({
      headline: "Arms transfers fell from about $1bn in 2014 to $72m in 2022",
      dek: "US$ million, 2014-2022",
      notes: "Nothing between 2015 and 2021; 1,000 million in the peak year.",
      alt: "Two bars: $1,000m and US$72 million.",
    });
    expect(() => checkNumbers(ok, [arms], sources, "c.json")).not.toThrow();
    const rounded = chart({ headline: "China $171bn, Russia $3.6bn and $3.5bn, 4 partners", notes: "2022 and 2023", alt: "Bars.", annotations: [] });
    expect(() => checkNumbers(rounded, [trade], sources, "c.json")).toThrow(/"4"/);
    expect(() => checkNumbers(chart({ headline: "China $171bn, Russia $4bn", notes: "2023", alt: "Bars.", annotations: [] }), [trade], sources, "c.json")).not.toThrow();
  });

  it("names the field and the number that no row supports", () => {
    expect(() => checkNumbers(chart({ notes: "Over 1995-2023, $7.5bn in all." }), [arms], sources, "charts/arms.chart.json")).toThrow(
      "charts/arms.chart.json, notes: the year 1995 is outside the years of the rows this chart draws or cites (2014-2022): quote a dataset row, or add its dataset to cites",
    );
    expect(() => checkNumbers(chart({ headline: "Down to $82m in 2022" }), [arms], sources, "c.json")).toThrow(
      'c.json, headline: the number "$82m" is not a figure of the rows this chart draws or cites (russia-arms-transfers): quote a dataset row, or add its dataset to cites',
    );
    const labelled = { ...armsChart(), annotations: [{ type: "label" as const, at: { year: 2014 }, text: "Peak: $1.2bn" }] };
    expect(() => checkNumbers(labelled, [arms], sources, "c.json")).toThrow(/c\.json, annotations\[0\]\.text: the number "\$1\.2bn"/);
  });

  it("reads the gaps' label and reason, and counts the years of dates in the rows' span", () => {
    expect(() => checkNumbers(chart({ gaps: { label: "Flights stopped in 2025" } }), [arms], sources, "c.json")).toThrow(
      new ChartsError(message.yearOutsideRows("2025", 2014, 2022), { file: "c.json", field: "gaps.label" }),
    );
    expect(() => checkNumbers(chart({ gaps: { mark: false, reason: "Every eight years, $5bn" } }), [arms], sources, "c.json")).toThrow(/gaps\.reason: the number "\$5bn"/);
    const dated = chart({ headline: "Cargo rose to 1.5m tonnes in 2024", dek: "Tonnes", notes: "Since 2022.", alt: "A line.", annotations: [] });
    expect(() => checkNumbers(dated, [cargo], sources, "c.json")).not.toThrow();
  });

  it("accepts a figure once the dataset that gives it is cited, and ignores numbers in publishers' names", () => {
    const quoting = chart({ notes: "Russia's trade with Vietnam was $3.6bn in 2022, says A Think Tank 2." });
    expect(() => checkNumbers(quoting, [arms], sources, "c.json")).toThrow(/"\$3\.6bn"/);
    expect(() => checkNumbers(quoting, [arms, trade], { ...sources, x: { publisher: "A Think Tank 2" } }, "c.json")).not.toThrow();
  });

  it("reads numbers as the chart's locale writes them, scale included", () => {
    const quoting = (headline: string, locale: string) => chart({ headline, locale, notes: "2023", alt: "Bars.", annotations: [] });
    expect(() => checkNumbers(quoting("Russia: 3,6\u202fMd$", "fr-FR"), [trade], sources, "c.json")).not.toThrow();
    expect(() => checkNumbers(quoting("Nga: 3,6 tỷ USD", "vi-VN"), [trade], sources, "c.json")).not.toThrow();
    expect(() => checkNumbers(quoting("Russia: $3.6B", "en-US"), [trade], sources, "c.json")).not.toThrow();
    expect(() => checkNumbers(quoting("Russland: 3,6 Mrd. $", "de-DE"), [trade], sources, "c.json")).not.toThrow();
    // The scale is read, not ignored: $3.6M is no figure of 3.6 USD billion.
    expect(() => checkNumbers(quoting("Russia: $3.6M", "en-US"), [trade], sources, "c.json")).toThrow(
      new ChartsError(message.numberWithoutRow("$3.6M", ["trade-by-partner"]), { file: "c.json", field: "headline" }),
    );
    // English copy kept in a chart of another locale reads as English.
    expect(() => checkNumbers(quoting("China $171bn", "fr-FR"), [trade], sources, "c.json")).not.toThrow();
    // Nor is a figure in another currency one.
    expect(() => checkNumbers(quoting("Russia: €3.6bn", "en-GB"), [trade], sources, "c.json")).toThrow(/"€3\.6bn"/);
  });

  it("accepts whatever the house formatter writes for a row, in every locale and unit", () => {
    const units: Array<[string, number]> = [["EUR million", 3600], ["count million", 36.4], ["%", 19], ["pp", 2.5], ["tonnes thousand", 450], ["USD", 72_000], ["rank", 6], ["number", 7.65]];
    const mixed: Dataset = {
      ...trade,
      name: "mixed",
      meta: { title: "Mixed", columns: [{ name: "year", type: "year" }, { name: "value", type: "number" }, { name: "unit", type: "string" }], value: "value" },
      rows: units.map(([unit, value], i) => ({ row: i + 1, values: { year: 2023, value, unit }, provenance: { source: "wire", figure: "x", status: "stated" as const } })),
    };
    for (const locale of LOCALES) {
      for (const [unit, value] of units) {
        for (const approx of [false, true]) {
          const written = formatValue(value, { unit, locale, approx });
          const definition = chart({ headline: `In 2023: ${written}.`, locale, dek: "", notes: "", alt: "", annotations: [] });
          expect(() => checkNumbers(definition, [mixed], sources, "c.json"), `${written} (${unit}, ${locale})`).not.toThrow();
        }
      }
    }
  });
});

describe("numbersWithoutRows(text, datasets, sources, locale)", () => {
  it("lists every number no row gives, in order, with the message checkNumbers throws for the first", () => {
    expect(numbersWithoutRows("From $1bn in 2014 to $72m in 2022, between 2015 and 2021", [arms], sources, "en-GB")).toEqual([]);
    expect(numbersWithoutRows("Down to $82m in 2022; $5bn since 1995", [arms], sources, "en-GB")).toEqual([
      { written: "$82m", message: message.numberWithoutRow("$82m", ["russia-arms-transfers"]) },
      { written: "$5bn", message: message.numberWithoutRow("$5bn", ["russia-arms-transfers"]) },
      { written: "1995", message: message.yearOutsideRows("1995", 2014, 2022) },
    ]);
  });
});
