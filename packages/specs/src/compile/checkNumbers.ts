import { unitOf, unitScale, type Dataset, type SourceInfo } from "@charts/datasets";
import { ChartsError } from "@charts/errors";
import type { ChartDefinition } from "../types.ts";

// A number as a desk writes it in prose: "$3.6bn", "US$72 million", "19%", "1,000", "2014".
const NUMBER = /(US\$|\$|€)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s?(bn|billion|trn|trillion|m|million|k|%|per ?cent)\b|(%))?/gi;
const SCALE: Record<string, number> = { bn: 1e9, billion: 1e9, trn: 1e12, trillion: 1e12, m: 1e6, million: 1e6, k: 1e3 };

/**
 * Step 3b: every number a reader sees in words (headline, dek, notes, alt
 * text, annotation labels) is a figure of the rows the chart draws or cites,
 * as written or rounded ("$7.2bn" for 7.2 USD billion, "$1bn" for 1,000 USD
 * million), or a year within the years those rows span. A number no row
 * supports is an error: it would be a figure without provenance.
 * Numbers written in words ("sixth", "half") are not checked.
 */
export function checkNumbers(
  definition: ChartDefinition,
  datasets: Dataset[],
  sources: Map<string, SourceInfo> | Record<string, SourceInfo>,
  file: string,
): void {
  const values = datasets.flatMap(numbersOf);
  const years = datasets.flatMap(yearsOf);
  const [first, last] = [Math.min(...years), Math.max(...years)];
  const publishers = (sources instanceof Map ? [...sources.values()] : Object.values(sources))
    .map((s) => s.publisher)
    .sort((a, b) => b.length - a.length); // "A Think Tank 2" before "A Think Tank"
  for (const [field, text] of textsOf(definition)) {
    // a publisher's name ("20 Minutes") is not a figure
    const prose = publishers.reduce((t, name) => t.split(name).join(" "), text);
    for (const match of prose.matchAll(NUMBER)) {
      const [written, currency, whole, decimals = "", suffix, percent] = match;
      const number = Number(`${whole!.replace(/,/g, "")}.${decimals || "0"}`);
      const unit = (suffix ?? percent ?? "").toLowerCase();
      if (!currency && !unit && !decimals && number >= 1000 && number <= 2100) {
        if (number >= first && number <= last) continue;
        throw new ChartsError(
          `the year ${written} is outside the years of the rows this chart draws or cites (${first}-${last}): quote a dataset row, or add its dataset to cites`,
          { file, field },
        );
      }
      const scale = SCALE[unit] ?? 1;
      const value = number * scale;
      // A money or percent figure may be rounded, by half a unit of its last
      // digit ("$4bn" for 3.6); a bare number ("4 partners") must be exact.
      const tolerance = currency || unit ? 0.5 * 10 ** -decimals.length * scale * (1 + 1e-9) : 1e-9 * value;
      if (values.some((v) => Math.abs(v - value) <= tolerance)) continue;
      throw new ChartsError(
        `the number "${written.trim()}" is not a figure of the rows this chart draws or cites (${datasets.map((d) => d.name).join(", ")}): quote a dataset row, or add its dataset to cites`,
        { file, field },
      );
    }
  }
}

function textsOf(definition: ChartDefinition): Array<[string, string]> {
  const texts: Array<[string, string | undefined]> = [
    ["headline", definition.headline],
    ["dek", definition.dek],
    ["notes", definition.notes],
    ["alt", definition.alt],
    ...(definition.annotations ?? []).map((a, i): [string, string | undefined] => [`annotations[${i}].text`, "text" in a ? a.text : undefined]),
  ];
  return texts.filter((entry): entry is [string, string] => typeof entry[1] === "string");
}

/** Every number cell of the rows, as written and in base units (USD, not USD million). */
function numbersOf(dataset: Dataset): number[] {
  const numbers = dataset.meta.columns.filter((c) => c.type !== "string");
  return dataset.rows.flatMap((row) =>
    numbers.flatMap((column) => {
      const cell = row.values[column.name];
      return typeof cell === "number" ? [cell, cell * unitScale(unitOf(dataset, column, row))] : [];
    }),
  );
}

function yearsOf(dataset: Dataset): number[] {
  const years = dataset.meta.columns.filter((c) => c.type === "year");
  return dataset.rows.flatMap((row) => years.map((c) => row.values[c.name]).filter((v): v is number => typeof v === "number"));
}
