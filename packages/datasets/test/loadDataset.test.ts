import { readdirSync } from "node:fs";
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
  const provenance = "source, figure, status, context, formula, note";
  const malformed: Array<[string, string]> = [
    ["bad-json", `dataset.json: ${message.invalidJson("Expected ',' or '}' after property value in JSON at position 39 (line 4 column 3)")}`],
    ["bad-type", `dataset.json, columns[1].type: ${message.invalid('one of "string", "number", "year", "date"', "integer")}`],
    ["extra-property", `dataset.json, units: ${message.invalid("only the properties $schema, title, description, columns, value, step", "USD")}`],
    ["value-not-a-column", `dataset.json, value: ${message.invalid(message.expectedValueColumn(["year", "fees"]), "fee")}`],
    ["provenance-name", `dataset.json, columns[1].name: ${message.invalid(`a column name of letters, digits and _ that is not a provenance column (${provenance}) and does not start with __ (charts keep those for the fields they derive)`, "note")}`],
    ["missing-column", `data.csv, header: ${message.missingColumn("note", false, provenance)}`],
    ["unknown-column", `data.csv, header: ${message.invalid(message.expectedHeaderColumns(["year", "fees"], provenance), "fee_note")}`],
    ["bad-number", `data.csv, row 1, fees: ${message.invalid(message.expectedPlainNumber(), "48,0")}`],
    ["bad-year", `data.csv, row 1, year: ${message.invalid(message.expectedYear(), "22")}`],
    // A date in another form than ISO is an error naming the row, never a row dropped.
    ["derived-name", `dataset.json, columns[0].name: ${message.invalid(`a column name of letters, digits and _ that is not a provenance column (${provenance}) and does not start with __ (charts keep those for the fields they derive)`, "__period")}`],
    ["bad-date", `data.csv, row 2, day: ${message.invalid(message.expectedIsoDate(), "03/04/2023")}`],
    ["impossible-date", `data.csv, row 1, day: ${message.invalid(message.expectedIsoDate(), "2023-02-30")}`],
    ["mixed-date-forms", `data.csv, row 2, month: ${message.invalid(message.expectedDateForm("month", 1), "2023-05-31")}`],
    ["bad-step", `dataset.json, step: ${message.invalid(message.expectedStep(), "fortnight")}`],
    ["month-step-for-years", `dataset.json, step: ${message.invalid(message.expectedStepFor("the year column year", ["year"]), "month")}`],
    ["day-step-for-months", `dataset.json, step: ${message.invalid(message.expectedStepFor("the date column month, written as months", ["year", "quarter", "month"]), "day")}`],
    ["unclosed-quote", `data.csv: ${message.invalidCsv("Quote Not Closed: the parsing is finished with an opening quote at line 2")}`],
    ["ragged-row", `data.csv, row 1: ${message.fieldCount(8, 7)}`],
    ["no-figure", `data.csv, row 1, figure: ${message.invalid(message.expectedFigureCell(), "")}`],
    ["bad-status", `data.csv, row 1, status: ${message.invalid(message.expectedStatus(["stated", "implied", "derived"]), "said")}`],
    ["implied-no-note", `data.csv, row 1, note: ${message.invalid(message.expectedNote("implied"), "")}`],
    ["derived-no-formula", `data.csv, row 1, formula: ${message.invalid(message.expectedFormulaCell(), "")}`],
    ["bad-formula", `data.csv, row 1, formula: ${message.invalid(message.expectedFormula(), "2 ** figure")}`],
    ["formula-on-stated", `data.csv, row 1, formula: ${message.invalid(message.expectedNoFormula("stated"), "figure")}`],
    ["no-value", `data.csv, row 1, fees: ${message.invalid(message.expectedValue(), "")}`],
    ["duplicate-rows", `data.csv, row 3: ${message.invalid(message.expectedDistinctRow(1, ["year"]), "2022")}`],
    // A unit the grammar does not know fails when loading, never inside render.
    ["unknown-unit", `dataset.json, columns[2].unit: ${message.invalid(message.expectedUnit(), "EURO million")}`],
    ["unknown-row-unit", `data.csv, row 2, unit: ${message.invalid(message.expectedUnit(), "percent")}`],
  ];
  it.each(malformed)("rejects %s", async (name, text) => {
    const error = await loadDataset(join(fixtures, "malformed", name), options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChartsError);
    expect((error as ChartsError).message).toBe(`test/fixtures/malformed/${name}/${text}`);
  });

  it("names a missing file", async () => {
    await expect(loadDataset(join(fixtures, "good", "notes"), options)).rejects.toThrow(
      new ChartsError(message.noSuchFile(), { file: "test/fixtures/good/notes/dataset.json" }),
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

  it("with onError, reports each dataset that does not load by name and loads the others", async () => {
    const failed = new Map<string, string>();
    const mixed = join(fixtures, "malformed");
    const datasets = await loadDatasets(mixed, { ...options, onError: (error, name) => failed.set(name, error.message) });
    expect(datasets.size).toBe(0);
    expect([...failed.keys()]).toEqual(readdirSync(mixed).filter((name) => name !== "sources").sort());
    expect(failed.get("ragged-row")).toBe(`test/fixtures/malformed/ragged-row/data.csv, row 1: ${message.fieldCount(8, 7)}`);
    const good = await loadDatasets(join(fixtures, "good"), { ...options, onError: () => expect.fail("no error") });
    expect(good.size).toBe(4);
  });

  it("names a missing folder", async () => {
    await expect(loadDatasets(join(fixtures, "nowhere"), options)).rejects.toThrow(
      new ChartsError(message.noSuchFolder("datasets"), { file: "test/fixtures/nowhere" }),
    );
  });
});
