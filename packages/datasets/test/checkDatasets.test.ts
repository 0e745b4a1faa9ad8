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
