import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { loadDataset, loadDatasets } from "../src/index.ts";

const root = join(import.meta.dirname, "..");
const fixtures = join(import.meta.dirname, "fixtures");
const options = { root };

describe("loadDataset(dir)", () => {
  it("loads metadata and typed rows with their provenance", async () => {
    const dataset = await loadDataset(join(fixtures, "good", "harbour-fees"), options);
    expect(dataset.name).toBe("harbour-fees");
    expect(dataset.metaFile).toBe("test/fixtures/good/harbour-fees/dataset.json");
    expect(dataset.dataFile).toBe("test/fixtures/good/harbour-fees/data.csv");
    expect(dataset.meta.value).toBe("fees");
    expect(dataset.rows).toEqual([
      { row: 1, values: { year: 2022, fees: 48 }, provenance: { source: "lumen", figure: "US$48 million", status: "stated" } },
      {
        row: 2,
        values: { year: 2023, fees: 36 },
        provenance: { source: "lumen", figure: "US$36 million", status: "implied", context: "fell to", note: "Year implied: a year after 2022" },
      },
    ]);
  });

  it("keeps date cells as the ISO strings written, days or months", async () => {
    const dataset = await loadDataset(join(fixtures, "dates", "quarterly-cargo"), options);
    expect(dataset.rows.map((row) => row.values.quarter)).toEqual(["2023-01-01", "2023-04-01", "2024-01-01"]);
    expect(dataset.meta.columns[0]).toMatchObject({ name: "quarter", type: "date" });
  });

  it("accepts the columns in any order", async () => {
    const dataset = await loadDataset(join(fixtures, "good", "harbour-rank"), options);
    expect(dataset.rows[0]!.values).toEqual({ year: 2021, rank: 3 });
  });

  // Every malformed fixture fails with one exact message naming file, row, field,
  // what was expected and what was received.
  const malformed: Array<[string, string]> = [
    ["bad-json", "dataset.json: expected valid JSON but could not parse it: Expected ',' or '}' after property value in JSON at position 39 (line 4 column 3)"],
    ["bad-type", 'dataset.json, columns[1].type: expected one of "string", "number", "year", "date" but received "integer" of type string'],
    ["extra-property", 'dataset.json, units: expected only the properties $schema, title, description, columns, value, step but received "USD" of type string'],
    ["value-not-a-column", 'dataset.json, value: expected the name of a number, year or date column (year, fees) but received "fee" of type string'],
    ["provenance-name", 'dataset.json, columns[1].name: expected a column name of letters, digits and _ that is not a provenance column (source, figure, status, context, formula, note) and does not start with __ (charts keep those for the fields they derive) but received "note" of type string'],
    ["missing-column", 'data.csv, header: expected a column "note" (a provenance column: every data.csv has source, figure, status, context, formula, note) but the header has none'],
    ["unknown-column", 'data.csv, header: expected only the columns of dataset.json (year, fees) and the provenance columns (source, figure, status, context, formula, note) but received "fee_note" of type string'],
    ["bad-number", 'data.csv, row 1, fees: expected a plain number such as 171 or 3.6 (no separators, units or spaces) but received "48,0" of type string'],
    ["bad-year", 'data.csv, row 1, year: expected a four-digit year such as 2023 but received "22" of type string'],
    // A date in another form than ISO is an error naming the row, never a row dropped.
    ["derived-name", 'dataset.json, columns[0].name: expected a column name of letters, digits and _ that is not a provenance column (source, figure, status, context, formula, note) and does not start with __ (charts keep those for the fields they derive) but received "__period" of type string'],
    ["bad-date", `data.csv, row 2, day: ${message.invalid(message.expectedIsoDate(), "03/04/2023")}`],
    ["impossible-date", `data.csv, row 1, day: ${message.invalid(message.expectedIsoDate(), "2023-02-30")}`],
    ["mixed-date-forms", `data.csv, row 2, month: ${message.invalid(message.expectedDateForm("month", 1), "2023-05-31")}`],
    ["bad-step", `dataset.json, step: ${message.invalid(message.expectedStep(), "fortnight")}`],
    ["month-step-for-years", `dataset.json, step: ${message.invalid(message.expectedStepFor("the year column year", ["year"]), "month")}`],
    ["day-step-for-months", `dataset.json, step: ${message.invalid(message.expectedStepFor("the date column month, written as months", ["year", "quarter", "month"]), "day")}`],
    ["unclosed-quote", "data.csv: expected valid CSV but could not parse it: Quote Not Closed: the parsing is finished with an opening quote at line 2"],
    ["ragged-row", "data.csv, row 1: expected 8 fields as in the header but received 7"],
    ["no-figure", 'data.csv, row 1, figure: expected the figure as the text writes it, such as "US$72 million" but received "" of type string'],
    ["bad-status", 'data.csv, row 1, status: expected one of "stated", "implied", "derived" but received "said" of type string'],
    ["implied-no-note", 'data.csv, row 1, note: expected a note saying where the unsaid part comes from (implied rows need one) but received "" of type string'],
    ["derived-no-formula", 'data.csv, row 1, formula: expected a formula of the figure such as "2 * figure" (derived rows need one) but received "" of type string'],
    ["bad-formula", 'data.csv, row 1, formula: expected a formula of numbers, the variable figure, + - * / and parentheses, such as "2 * figure" but received "2 ** figure" of type string'],
    ["formula-on-stated", 'data.csv, row 1, formula: expected no formula on a stated row (mark the row derived, or empty the cell) but received "figure" of type string'],
    ["no-value", 'data.csv, row 1, fees: expected a value (the figure is checked against it) but received "" of type string'],
    ["duplicate-rows", 'data.csv, row 3: expected a row that differs from row 1 in year but received "2022" of type string'],
    // A unit the grammar does not know fails when loading, never inside render.
    ["unknown-unit", `dataset.json, columns[2].unit: ${message.invalid(message.expectedUnit(), "EURO million")}`],
    ["unknown-row-unit", `data.csv, row 2, unit: ${message.invalid(message.expectedUnit(), "percent")}`],
  ];
  it.each(malformed)("rejects %s", async (name, message) => {
    const error = await loadDataset(join(fixtures, "malformed", name), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartsError);
    expect((error as ChartsError).message).toBe(`test/fixtures/malformed/${name}/${message}`);
  });

  it("names a missing file", async () => {
    await expect(loadDataset(join(fixtures, "good", "notes"), options)).rejects.toThrow(
      new ChartsError("no such file", { file: "test/fixtures/good/notes/dataset.json" }),
    );
  });
});

describe("loadDatasets(root)", () => {
  it("loads every subfolder with a dataset.json, by name; sources.json and other folders are not datasets", async () => {
    const datasets = await loadDatasets(join(fixtures, "good"), options);
    expect([...datasets.keys()]).toEqual(["grain-share", "harbour-fees", "harbour-rank", "night-ferries"]);
    expect(datasets.get("grain-share")!.rows.map((row) => row.provenance.status)).toEqual(["stated", "derived"]);
  });

  it("stops at the first dataset that does not load", async () => {
    await expect(loadDatasets(join(fixtures, "malformed"), options)).rejects.toThrow("test/fixtures/malformed/bad-date/data.csv, row 2, day:");
  });

  it("names a missing folder", async () => {
    await expect(loadDatasets(join(fixtures, "nowhere"), options)).rejects.toThrow(
      new ChartsError("no such datasets folder", { file: "test/fixtures/nowhere" }),
    );
  });
});
