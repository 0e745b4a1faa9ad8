import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { tableCsv } from "../src/index.ts";
import { table } from "./fixtures/syntheticChart.ts";

describe("tableCsv(table)", () => {
  it("writes a header of column keys and one line per row, numbers as data, quoting what needs it", () => {
    const csv = tableCsv(table());
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe("year,value_usd_m,unit,source,figure,status,note");
    expect(lines[1]).toBe("2014,1000,USD million,Example Agency,around US$1 billion,stated,");
    expect(lines[2]).toBe('2022,72,USD million,Example Agency,"US$72 million, ""final""",implied,"Year from the sentence, <b>not</b> stated"');
    // reads back as the same table
    const [header, ...rows] = parse(csv) as string[][];
    expect(header).toEqual(table().columns.map((c) => c.key));
    expect(rows.map((row) => row[4])).toEqual(["around US$1 billion", 'US$72 million, "final"']);
  });

  it("leaves a missing value empty", () => {
    const t = table();
    t.rows[0]![1] = { value: null, text: "" };
    expect(tableCsv(t).split("\n")[1]).toBe("2014,,USD million,Example Agency,around US$1 billion,stated,");
  });
});
