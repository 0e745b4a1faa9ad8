// @charts/numbers: the one grammar of numbers, at the start of the data flow.
// Extraction (texts), the figure check (datasets), the number check (specs)
// and the house formatter (theme) all read and write numbers through it.
//
//   parseUnit("EUR million")          the unit grammar of dataset columns: currency | count | measure | % | pp | rank | year, [scale]
//   formatAmount(3.6, unit, "de-DE")  house style per locale ("3,6 Mrd. €"); the conventions are the table in house.ts
//   amountAt / findAmounts / parseAmount   read numbers as a locale writes them ("3,6 Md$" -> 3.6e9 USD)
//   currencyAt, scaleAt, percentAt, digitsAt   the pieces, for extraction's figure grammar
//   scaled, rounded, roundingTolerance         exact scaling and the house's rounding
export { LOCALES, DEFAULT_LOCALE, checkLocale, isLocale, languageOf, localesOf, separators, type Language, type Locale, type Separators } from "./locales.ts";
export { SCALES, isScaleName, scaleAt, scaleWords, type ScaleName, type ScaleWord } from "./scales.ts";
export { CURRENCIES, currencyAt, currencyOfSign, currencyStyle, isCurrency, type CurrencyStyle } from "./currencies.ts";
export { MEASURES, measureNamed, measureOfWord, type Measure } from "./measures.ts";
export { PERCENT_WORDS, POINTS_WORDS, percentAt } from "./percents.ts";
export { parseUnit, readUnit, unitScale, type Unit, type UnitKind } from "./units.ts";
export { decimalsFor, rounded, roundingTolerance, scaled } from "./round.ts";
export { HOUSE, type HouseStyle, type Tier } from "./house.ts";
export { formatAmount, type AmountFormat } from "./formatAmount.ts";
export { amountAt, digitsAt, findAmounts, parseAmount, type Amount } from "./readAmount.ts";
