import { currencyStyle } from "./currencies.ts";
import { HOUSE, type HouseStyle, type Tier } from "./house.ts";
import { languageOf, type Locale } from "./locales.ts";
import { decimalsFor, rounded } from "./round.ts";
import type { Unit } from "./units.ts";
import { numberFormat } from "./numberFormat.ts";

const MINUS = "\u2212";
const NBSP = "\u00a0";

export interface AmountFormat {
  /** Fixed number of decimals (0 to 6); by default at most one, none from 100 up. */
  precision?: number;
  /** The figure is an approximation: says so in words ("about $1bn"). */
  approx?: boolean;
}

/**
 * Writes `value`, given in `unit` (72 in "USD million"), in house style for
 * `locale`: the conventions are the table in house.ts. A value that is not a
 * finite number is written "" so a label is left out.
 *
 * @example formatAmount(3.6, parseUnit("EUR billion")!, "de-DE") // "3,6 Mrd. €"
 * @example formatAmount(36.4, parseUnit("count million")!, "en-GB") // "36.4m"
 */
export function formatAmount(value: number, unit: Unit, locale: Locale, format: AmountFormat = {}): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const house = HOUSE[locale];
  const { precision } = format;
  const base = value * 10 ** unit.exponent;
  let text: string;
  switch (unit.kind) {
    case "money":
      text = signed(base, (abs) => money(abs, unit.currency!, locale, precision));
      break;
    case "percent":
      text = signed(value, (abs) => percent(number(abs, locale, precision), locale));
      break;
    case "points":
      text = signed(value, (abs) => `${number(abs, locale, precision)}${house.points === "pp" ? "" : NBSP}${house.points}`);
      break;
    case "count":
    case "number":
    case "measure":
      text = signed(base, (abs) => quantity(abs, unit, locale, precision));
      break;
    case "rank":
      // Ranks are whole numbers; an axis tick between two ranks gets no label.
      text = Number.isInteger(value) ? house.ordinal(value, numberFormat(locale).format(value)) : "";
      break;
    case "year":
      text = signed(value, (abs) =>
        numberFormat(locale, { useGrouping: false, maximumFractionDigits: precision ?? 1, minimumFractionDigits: precision ?? 0 }).format(abs),
      );
      break;
  }
  return format.approx && text ? `${house.approx} ${text}` : text;
}

/** Formats |value| and puts a true minus sign in front when negative; a value that rounds to zero carries none. */
function signed(value: number, write: (abs: number) => string): string {
  const text = write(Math.abs(value));
  return value < 0 && /[1-9]/.test(text) ? MINUS + text : text;
}

function number(abs: number, locale: Locale, precision: number | undefined): string {
  const decimals = decimalsFor(abs, precision);
  const options = precision === undefined ? { maximumFractionDigits: decimals } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  return numberFormat(locale, options).format(abs);
}

function percent(n: string, locale: Locale): string {
  const parts = numberFormat(locale, { style: "percent" }).formatToParts(0.19);
  const space = parts.find((part) => part.type === "literal")?.value ?? "";
  return `${n}${space && (HOUSE[locale].signBefore ?? space)}%`;
}

/**
 * The tier a value is written in, with the scaled number, or undefined below
 * the lowest. A value that rounds up to the next tier moves there ($1bn, not
 * $1,000m; in es-ES, whose tiers jump from M to B, 999 999,96 M $ is 1 B $).
 */
function tierOf(abs: number, house: HouseStyle, precision: number | undefined): { tier: Tier; x: number } | undefined {
  const { tiers } = house;
  let i = tiers.findIndex((t) => abs >= 10 ** t.exponent);
  const lowest = tiers.length - 1;
  if (i < 0) {
    const x = abs / 10 ** tiers[lowest]!.exponent;
    if (rounded(x, decimalsFor(x, precision)) < 1) return undefined;
    i = lowest;
  }
  const up = tiers[i - 1];
  const x = abs / 10 ** tiers[i]!.exponent;
  if (up && rounded(x, decimalsFor(x, precision)) >= 10 ** (up.exponent - tiers[i]!.exponent)) i -= 1;
  const tier = tiers[i]!;
  return { tier, x: abs / 10 ** tier.exponent };
}

function money(abs: number, currency: string, locale: Locale, precision: number | undefined): string {
  const house = HOUSE[locale];
  const style = currencyStyle(currency, locale);
  const scaled = tierOf(abs, house, precision);
  const n = scaled ? number(scaled.x, locale, precision) : number(abs, locale, precision ?? (abs >= 100 ? 0 : undefined));
  const amount = scaled ? `${n}${house.scaleSpace}${scaled.tier.money}` : n;
  if (style.before) return `${style.sign}${style.space}${amount}`;
  return `${amount}${scaled ? house.signSpace(style.sign) : (house.signBefore ?? style.space)}${style.sign}`;
}

function quantity(abs: number, unit: Unit, locale: Locale, precision: number | undefined): string {
  const house = HOUSE[locale];
  const scaled = tierOf(abs, house, precision);
  const whole = unit.kind === "count" || (unit.kind === "measure" && !unit.measure?.symbol);
  let text: string;
  let one = false;
  if (scaled) {
    const x = rounded(scaled.x, decimalsFor(scaled.x, precision));
    const word = scaled.tier.count[house.plural(x) ? 1 : 0];
    text = `${number(scaled.x, locale, precision)}${house.scaleSpace}${word}`;
  } else {
    const decimals = precision ?? (whole ? 0 : undefined);
    text = number(abs, locale, decimals);
    one = rounded(abs, decimalsFor(abs, decimals)) === 1;
  }
  const measure = unit.measure;
  if (!measure) return text;
  const label = measure.symbol ?? measure.words[languageOf(locale)][one ? "one" : "other"];
  const of = scaled && house.of ? ofWord(house.of, label) : "";
  return `${text}${NBSP}${of}${label}`;
}

/** "de tonnes", "d’habitants": French elides before a vowel; Spanish never does. */
function ofWord(of: string, label: string): string {
  return of === "de" && /^[aeiouyéèêh]/i.test(label) && label !== label.toUpperCase() ? "d’" : `${of} `;
}
