import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { message } from "@charts/errors";
import { checkDatasets, loadDatasets, loadSources } from "../src/index.ts";

const root = join(import.meta.dirname, "..");
const fixtures = join(import.meta.dirname, "fixtures");
const texts = join(fixtures, "texts");

describe("checkDatasets(datasets, textsDir)", () => {
  it("verifies stated, implied and derived rows against their sentences", async () => {
    const datasets = await loadDatasets(join(fixtures, "good"), { root });
    const sources = await loadSources(join(fixtures, "good", "sources.json"), { root });
    const { verified, errors } = await checkDatasets(datasets, texts, { sources });
    expect(errors).toEqual([]);
    expect(verified.map(({ dataset, row, status, value }) => [dataset, row, status, value])).toEqual([
      ["grain-share", 1, "stated", 75],
      ["grain-share", 2, "derived", 25],
      ["harbour-fees", 1, "stated", 48],
      ["harbour-fees", 2, "implied", 36],
      ["harbour-rank", 1, "stated", 3],
      ["night-ferries", 1, "implied", 2024],
    ]);
    expect(verified[2]!.sentence).toBe("Port fees at Lumen brought in US$48 million in 2022, the authority said.");
    expect(verified[3]!.sentence).toMatch(/^A year later .* US\$36 million/);
  });

  it("collects every problem, each naming the dataset, row, text and figure", async () => {
    const datasets = await loadDatasets(join(fixtures, "broken"), { root });
    const { verified, errors } = await checkDatasets(datasets, texts);
    const file = (name: string) => `test/fixtures/broken/${name}/data.csv`;
    // each place (file, row, field) once; the message names the text and the figure
    expect(errors.map((error) => error.message)).toEqual([
      `${file("edited-figure")}, row 1, figure: ${message.figureNotInText("lumen", "US$50 million")}`,
      `${file("missing-text")}, row 1, source: ${message.textUnreadable("lumen-2", `${join(texts, "lumen-2.txt")}: ${message.noSuchFile()}`)}`,
      `${file("relative-stated")}, row 1, status: ${message.relativeYearStated("this year", "lumen")}`,
      `${file("wrong-context")}, row 1, figure: ${message.figureNotInText("lumen", "US$48 million", "ferries")}`,
      `${file("wrong-derived")}, row 1, fees: ${message.figureMismatch("96", "USD million", "US$48 million", "lumen", "2 * figure", 90)}`,
      `${file("wrong-unit")}, row 1, figure: ${message.invalid(message.expectedAmountIn("USD", "USD million"), "About 75%")}`,
      `${file("wrong-value")}, row 1, fees: ${message.figureMismatch("48", "USD million", "US$48 million", "lumen", undefined, 47)}`,
      `${file("year-not-said")}, row 1, year: ${message.yearNotInSentence("US$36 million", "lumen", 2023)}`,
    ]);
    expect(errors[0]!.where).toEqual({ file: file("edited-figure"), row: 1, field: "figure" });
    // the good row after the missing text is still checked
    expect(verified.map(({ dataset, row }) => [dataset, row])).toEqual([["missing-text", 2]]);
  });

  it("checks dated rows: a date value is the text's date, a stated row's date has its year in the sentence", async () => {
    const datasets = await loadDatasets(join(fixtures, "dates"), { root });
    const { verified, errors } = await checkDatasets(datasets, texts);
    expect(errors).toEqual([]);
    expect(verified.map(({ dataset, row, value }) => [dataset, row, value])).toEqual([
      ["quarterly-cargo", 1, 1.2],
      ["quarterly-cargo", 2, 1.4],
      ["quarterly-cargo", 3, 1.1],
      ["quay-opening", 1, 2023],
    ]);
    const moved = { ...datasets.get("quay-opening")! };
    moved.rows = moved.rows.map((row) => ({ ...row, values: { ...row.values, date: "2023-03-15" } }));
    const { errors: wrong } = await checkDatasets([moved], texts);
    expect(wrong.map((e) => e.message)).toEqual([
      `test/fixtures/dates/quay-opening/data.csv, row 1, figure: ${message.invalid(message.expectedDateFigure("2023-03-15"), "14 March 2023")} (text cargo, dataset quay-opening)`,
    ]);
    const cargo = datasets.get("quarterly-cargo")!;
    const undated = { ...cargo, rows: cargo.rows.map((row) => (row.row === 3 ? { ...row, values: { ...row.values, quarter: "2025-01-01" } } : row)) };
    const { errors: year } = await checkDatasets([undated], texts);
    expect(year.map((e) => e.message)).toEqual([
      'test/fixtures/dates/quarterly-cargo/data.csv, row 3, quarter: the sentence of "1.1 million tonnes" in text cargo does not say 2025: mark the row implied and explain in note',
    ]);
  });

  it("resolves a relative year only with the text's date", async () => {
    const datasets = await loadDatasets(join(fixtures, "good"), { root });
    const { errors } = await checkDatasets([datasets.get("night-ferries")!], texts);
    expect(errors.map((e) => e.message)).toEqual([
      `test/fixtures/good/night-ferries/data.csv, row 1, figure: ${message.relativeYearNeedsDate("this year", "lumen")}`,
    ]);
  });

  it("requires each source in sources.json when given", async () => {
    const datasets = await loadDatasets(join(fixtures, "good"), { root });
    const { errors } = await checkDatasets([datasets.get("harbour-rank")!], texts, { sources: new Map() });
    expect(errors.map((e) => e.message)).toEqual([
      `test/fixtures/good/harbour-rank/data.csv, row 1, source: ${message.notInSources("lumen")}`,
    ]);
  });

  it("notices a text edited after the dataset was written", async () => {
    const datasets = await loadDatasets(join(fixtures, "good"), { root });
    const fees = datasets.get("harbour-fees")!;
    const edited = { ...fees, rows: fees.rows.map((row) => ({ ...row, provenance: { ...row.provenance, figure: row.provenance.figure.replace("48", "84") } })) };
    const { errors } = await checkDatasets([edited], texts);
    expect(errors.map((e) => e.message)).toEqual([
      `test/fixtures/good/harbour-fees/data.csv, row 1, figure: ${message.figureNotInText("lumen", "US$84 million")}`,
    ]);
  });
});
