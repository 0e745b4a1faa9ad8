import type { Dataset, SourceInfo } from "@charts/datasets";
import { ChartsError, message } from "@charts/errors";
import { checkLocale } from "@charts/numbers";
import { cellsOf, unsupportedNumbers } from "./checkNumbers.ts";

/**
 * Step 3c: alt text is stricter than the other words of a chart. A reader
 * who cannot see the chart takes every number in it as a value the chart
 * shows, so each must be a value of a row the chart draws: not a figure of
 * a dataset it only cites, not a year between the years drawn ("2020 to 2022"
 * in a chart of 2019 and 2023). Numbers are read as checkNumbers reads them
 * (house formats of the chart's locale, rounding to the last written digit).
 * The year of a drawn date is a plotted value too ("riders fell in 2023" of
 * monthly rows). A number no drawn row gives is an error naming `alt` and the
 * number; `drafted` says the text was drafted (draftAlt), so the desk writes one.
 */
export function checkAltNumbers(
  alt: string,
  drawn: Dataset,
  options: { file: string; locale?: string; sources: Map<string, SourceInfo> | Record<string, SourceInfo>; drafted: boolean },
): void {
  const { file, sources, drafted } = options;
  const locale = checkLocale(options.locale, { file, field: "locale" });
  const [first] = unsupportedNumbers(alt, [...cellsOf(drawn), ...dateYearsOf(drawn)], locale, sources);
  if (first) throw new ChartsError(message.altNumberNotPlotted(first.text.trim(), drawn.name, drafted), { file, field: "alt" });
}

/** The years of the dates a dataset's rows carry, as cells a number can state. */
function dateYearsOf(dataset: Dataset): Array<{ value: number; base: number }> {
  const dates = dataset.meta.columns.filter((column) => column.type === "date");
  const years = dataset.rows.flatMap((row) => dates.map((column) => row.values[column.name]).filter((cell): cell is string => typeof cell === "string"));
  return [...new Set(years.map((date) => Number(date.slice(0, 4))))].map((year) => ({ value: year, base: year }));
}
