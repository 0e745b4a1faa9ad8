import { invalid, message } from "@charts/errors";
import { checkLocale, formatAmount, readUnit } from "@charts/numbers";

/** How a number is written: the unit of its dataset column, a locale, options. */
export interface ValueFormat {
  /** A unit of the @charts/numbers grammar: `USD million`, `EUR billion`, `count million`, `%`, `pp`, `tonnes`, `rank`, `year`... */
  unit: string;
  /** `en-GB` (default), `en-US`, `fr-FR`, `vi-VN`, `de-DE` or `es-ES`. */
  locale?: string;
  /** Fixed number of decimals; by default at most one, none from 100 up. */
  precision?: number;
  /** The figure is an approximation ("around US$1 billion"): says so in words. */
  approx?: boolean;
}

/**
 * Writes a number in house style for its unit and locale: the `house` format
 * type of every axis and label. The conventions, one row per locale, are the
 * table in @charts/numbers (src/house.ts), where the number check reads them
 * back, so a chart's words may quote exactly what its axis writes:
 *
 *            USD 171e9    EUR 3.6e9    USD 72e6      %       count 1.2e6    rank   approx
 *   en-GB    $171bn       €3.6bn       $72m          19%     1.2m           1st    about $1bn
 *   en-US    $171B        €3.6B        $72M          19%     1.2M           1st    about $1B
 *   fr-FR    171 Md$      3,6 Md€      72 M$         19 %    1,2 million    1er    environ 1 Md$
 *   vi-VN    171 tỷ USD   3,6 tỷ EUR   72 triệu USD  19%     1,2 triệu      thứ 1  khoảng 1 tỷ USD
 *   de-DE    171 Mrd. $   3,6 Mrd. €   72 Mio. $     19 %    1,2 Mio.       1.     rund 1 Mrd. $
 *   es-ES    171.000 M $  3600 M €     72 M $        19 %    1,2 millones   1.º    cerca de 1000 M $
 *
 * A value that is not a finite number formats as "" so a label is left out.
 *
 * @example formatValue(72, { unit: "USD million" }) // "$72m"
 * @example formatValue(171, { unit: "USD billion", locale: "fr-FR" }) // "171 Md$"
 * @example formatValue(3.6, { unit: "EUR billion", locale: "de-DE" }) // "3,6 Mrd. €"
 * @example formatValue(3, { unit: "rank" }) // "3rd"
 * @throws ChartsError naming format.unit, format.locale or format.precision when one is not the grammar's.
 */
export function formatValue(value: number, format: ValueFormat): string {
  const locale = checkLocale(format.locale, { field: "format.locale" });
  const { precision } = format;
  if (precision !== undefined && !(Number.isInteger(precision) && precision >= 0 && precision <= 6)) {
    throw invalid({ field: "format.precision" }, message.expectedPrecision(), precision);
  }
  const unit = readUnit(format.unit, { field: "format.unit" });
  return formatAmount(value, unit, locale, { precision, approx: format.approx });
}
