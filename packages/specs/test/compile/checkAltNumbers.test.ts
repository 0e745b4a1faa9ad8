import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { checkAltNumbers } from "../../src/compile/checkAltNumbers.ts";
import { arms, cargo, sources, trade } from "../fixtures/datasets.ts";

const F = "charts/arms.chart.json";
const check = (alt: string, options: { locale?: string; drafted?: boolean } = {}) =>
  checkAltNumbers(alt, arms, { file: F, sources, drafted: false, ...options });

describe("checkAltNumbers(alt, drawn, options)", () => {
  it("accepts values of the rows drawn, as the house writes them or rounded to their last digit", () => {
    expect(() => check("Bars: about $1bn in 2014, US$72 million in 2022.")).not.toThrow();
    expect(() => check("Bars: $1,000m in 2014 and $72.0m in 2022.")).not.toThrow();
    expect(() => check("$70m in 2022")).toThrow(message.altNumberNotPlotted("$70m", "russia-arms-transfers", false));
    expect(() => check("Barres : environ 1 Md$ en 2014, 72 M$ en 2022.", { locale: "fr-FR" })).not.toThrow();
    // a publisher's name is not a number
    expect(() => checkAltNumbers("A Think Tank: $72m in 2022.", arms, { file: F, sources, drafted: false })).not.toThrow();
  });

  it("refuses a year between the years drawn, which checkNumbers lets the other words quote", () => {
    expect(() => check("Bars for 2014 and 2022; 2015 to 2021 have no figures.")).toThrow(`${F}, alt: ${message.altNumberNotPlotted("2015", "russia-arms-transfers", false)}`);
  });

  it("refuses a figure of another dataset, even one the chart cites", () => {
    expect(() => checkAltNumbers("Russia's trade was $3.6bn in 2023.", arms, { file: F, sources, drafted: false })).toThrow(
      `${F}, alt: ${message.altNumberNotPlotted("$3.6bn", "russia-arms-transfers", false)}`,
    );
    expect(() => checkAltNumbers("Russia's trade was $3.6bn in 2023.", trade, { file: F, sources, drafted: false })).not.toThrow();
  });

  it("says when the text was drafted, so the desk writes one", () => {
    expect(() => check("1995 to 2023", { drafted: true })).toThrow(message.altNumberNotPlotted("1995", "russia-arms-transfers", true));
  });

  it("accepts the year of a date drawn, a value the time axis plots", () => {
    const year = cargo.rows.map((row) => String(row.values.quarter).slice(0, 4))[0]!;
    expect(() => checkAltNumbers(`Cargo by quarter since ${year}.`, cargo, { file: F, sources, drafted: false })).not.toThrow();
    expect(() => checkAltNumbers("Cargo by quarter since 1999.", cargo, { file: F, sources, drafted: false })).toThrow(message.altNumberNotPlotted("1999", "cargo", false));
  });
});
