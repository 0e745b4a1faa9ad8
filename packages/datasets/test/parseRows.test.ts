// parseRows is loadDataset's CSV step; its rules on real folders are in loadDataset.test.ts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ChartsError, message } from "@charts/errors";
import { parseRows, type DatasetMeta } from "../src/index.ts";

const meta: DatasetMeta = {
  title: "Trade",
  columns: [
    { name: "label", type: "string" },
    { name: "year", type: "year" },
    { name: "value", type: "number", unit: "USD million" },
  ],
  value: "value",
};
const HEADER = "label,year,value,source,figure,status,context,formula,note";
const file = "datasets/trade/data.csv";
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");
const row = (label: string, year: string, value: string) => `${label},${year},${value},lumen,US$48 million,stated,,,`;

describe("parseRows(csv, meta, file, limits)", () => {
  it("reads CRLF line ends, a byte-order mark and quoted cells with commas, quotes and line breaks", () => {
    const text = [HEADER, row('"Hà Nội, ""north""\nport"', "2022", "48"), row("Đà Nẵng", "2023", "3.6")].join("\r\n");
    const rows = parseRows(`\uFEFF${text}\r\n`, meta, file);
    expect(rows.map((r) => r.values)).toEqual([
      { label: 'Hà Nội, "north"\nport', year: 2022, value: 48 },
      { label: "Đà Nẵng", year: 2023, value: 3.6 },
    ]);
  });

  it.each([
    ["1,000", "separators", '"1,000"'],
    ["$3.6bn", "units", "$3.6bn"],
    ["N/A", "a placeholder", "N/A"],
    ["—", "a dash", "—"],
    ["1.2e400", "an exponent", "1.2e400"],
    ["NaN", "NaN", "NaN"],
    ["Infinity", "Infinity", "Infinity"],
    [" 48", "a space", '" 48"'],
  ])("refuses the number cell %j (%s) naming file, row and column", (cell, _what, written) => {
    expect(() => parseRows(csv(row("Lumen", "2022", written)), meta, file)).toThrow(
      new ChartsError(message.invalid(message.expectedPlainNumber(), cell), { file, row: 1, field: "value" }),
    );
  });

  it("refuses a number with more digits than a double keeps, such as a 401-digit one that would become Infinity", () => {
    for (const cell of ["9".repeat(401), "1234567890123456", "0.1234567890123456"]) {
      expect(() => parseRows(csv(row("Lumen", "2022", cell)), meta, file)).toThrow(
        new ChartsError(message.invalid(message.expectedExactNumber(15), cell), { file, row: 1, field: "value" }),
      );
    }
    expect(parseRows(csv(row("Lumen", "2022", "123456789012345"), row("Port", "2022", "0.000001234")), meta, file).map((r) => r.values.value)).toEqual([
      123456789012345, 0.000001234,
    ]);
  });

  it("refuses an empty file and a header without rows", () => {
    expect(() => parseRows("", meta, file)).toThrow(new ChartsError(message.emptyCsv(), { file }));
    expect(() => parseRows(`${HEADER}\n\n`, meta, file)).toThrow(new ChartsError(message.noRows(), { file }));
  });

  it("refuses more rows than limits.datasetRows before typing them, with the number of rows", () => {
    const many = csv(...Array.from({ length: 12 }, (_, i) => row(`Port ${i}`, "2022", String(i))));
    expect(() => parseRows(many, meta, file, { datasetRows: 10 })).toThrow(
      new ChartsError(message.overLimit("the number of rows", 10, 12, "limits.datasetRows"), { file }),
    );
    expect(parseRows(many, meta, file, { datasetRows: 12 })).toHaveLength(12);
    // rows past the limit are never typed: a bad cell there is not what is reported
    expect(() => parseRows(`${many}\n${row("Bad", "20x2", "1")}`, meta, file, { datasetRows: 10 })).toThrow("over the limit of 10");
  });
});

describe("parseRows on generated input (fast-check)", () => {
  const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

  it("returns rows or a ChartsError for any text, never another error", () => {
    const csvLike = fc.string({ unit: fc.constantFrom(..."ab1.,\"\r\n -é🙂\u202e"), maxLength: 200 });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme", maxLength: 200 }), csvLike, csvLike.map((body) => `${HEADER}\n${body}`)), (text) => {
        try {
          expect(Array.isArray(parseRows(text, meta, file))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ChartsError);
          expect((error as ChartsError).where.file).toBe(file);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("reads back exactly the rows a CSV writer wrote: any Unicode label, years, plain numbers", () => {
    const label = fc.string({ unit: "grapheme", maxLength: 30 }).filter((s) => !/[\u0000-\u0008\u000e-\u001f]/.test(s));
    const value = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map(String),
      fc.tuple(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 1, max: 99999 })).map(([i, f]) => `${i}.${f}`),
    );
    const rowArb = fc.record({ label, year: fc.integer({ min: 1000, max: 9999 }), value });
    fc.assert(
      fc.property(fc.uniqueArray(rowArb, { minLength: 1, maxLength: 8, selector: (r) => `${r.label}\u0000${r.year}` }), (rows) => {
        const text = csv(...rows.map((r) => `${quote(r.label)},${r.year},${r.value},lumen,US$48 million,stated,,,`));
        const read = parseRows(text, meta, file);
        expect(read.map((r) => r.values)).toEqual(rows.map((r) => ({ label: r.label === "" ? null : r.label, year: r.year, value: Number(r.value) })));
      }),
      { numRuns: 1000 },
    );
  });
});
