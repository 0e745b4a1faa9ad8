import { invalid } from "@charts/errors";

/** How a number is written: the unit of its dataset column, a locale, options. */
export interface ValueFormat {
  /** `USD`, `USD million`, `USD billion`, `%`, `count`, `number`, `rank` or `year`. */
  unit: string;
  /** `en-GB` (default), `en-US`, `fr-FR` or `vi-VN`. */
  locale?: string;
  /** Fixed number of decimals; by default at most one, none from 100 up. */
  precision?: number;
  /** The figure is an approximation ("around US$1 billion"): says so in words. */
  approx?: boolean;
}

export const UNITS = ["USD", "USD million", "USD billion", "%", "count", "number", "rank", "year"] as const;
export const LOCALES = ["en-GB", "en-US", "fr-FR", "vi-VN"] as const;
export type Locale = (typeof LOCALES)[number];

// House conventions, one row per locale (NNBSP = narrow no-break space U+202F):
//
//            USD 171e9   USD 3.6e9    USD 72e6     USD 72,000    %        count 1.2e6     rank  approx
//   en-GB    $171bn      $3.6bn       $72m         $72,000       19%      1.2m            1st   about $1bn
//   en-US    $171B       $3.6B        $72M         $72,000       19%      1.2M            1st   about $1B
//   fr-FR    171 Md$     3,6 Md$      72 M$        72 000 $      19 %     1,2 million     1er   environ 1 Md$
//   vi-VN    171 tỷ USD  3,6 tỷ USD   72 triệu USD 72.000 USD    19%      1,2 triệu       thứ 1 khoảng 1 tỷ USD
//
// - Money is scaled to the largest of thousand-million tiers it reaches (from a
//   million up; smaller sums are written out): bn/m (en-GB, after the FT and
//   The Economist), B/M (en-US, after Reuters graphics), Md$/M$ (fr-FR, the
//   French press), tỷ/triệu USD (vi-VN). Trillions: trn, T, (none: 1 200 Md$),
//   nghìn tỷ USD.
// - Spaces inside a French number or before its unit are NNBSP, as Intl
//   writes the French group separator and percent sign; vi-VN uses a no-break
//   space (U+00A0) before its unit words.
// - Decimals: at most one, trailing zero dropped ($1bn, $3.6bn), none once the
//   scaled value reaches 100 ($171bn); `precision` fixes the count instead.
// - Negative numbers take a true minus sign (U+2212) before the currency: −$72m.
// - Percentages are points (19 means 19%). Counts are written out below a
//   million, scaled above. Ranks are ordinals. Years have no separator.
// - A value that is not a finite number formats as "" so a label is left out.

const NNBSP = "\u202f";
const NBSP = "\u00a0";
const MINUS = "\u2212";

interface Tier {
  /** Divisor. */
  size: number;
  /** Templates with `{n}` for the number and `{s}` for a French plural. */
  money: string;
  count: string;
}

// Largest first; the first tier a value reaches is used.
const TIERS: Record<Locale, Tier[]> = {
  "en-GB": [
    { size: 1e12, money: "${n}trn", count: "{n}trn" },
    { size: 1e9, money: "${n}bn", count: "{n}bn" },
    { size: 1e6, money: "${n}m", count: "{n}m" },
  ],
  "en-US": [
    { size: 1e12, money: "${n}T", count: "{n}T" },
    { size: 1e9, money: "${n}B", count: "{n}B" },
    { size: 1e6, money: "${n}M", count: "{n}M" },
  ],
  "fr-FR": [
    { size: 1e9, money: `{n}${NNBSP}Md$`, count: `{n}${NNBSP}milliard{s}` },
    { size: 1e6, money: `{n}${NNBSP}M$`, count: `{n}${NNBSP}million{s}` },
  ],
  "vi-VN": [
    { size: 1e12, money: `{n}${NBSP}nghìn tỷ USD`, count: `{n}${NBSP}nghìn tỷ` },
    { size: 1e9, money: `{n}${NBSP}tỷ USD`, count: `{n}${NBSP}tỷ` },
    { size: 1e6, money: `{n}${NBSP}triệu USD`, count: `{n}${NBSP}triệu` },
  ],
};

/** Money below a million, written out. */
const PLAIN_MONEY: Record<Locale, string> = {
  "en-GB": "${n}",
  "en-US": "${n}",
  "fr-FR": `{n}${NNBSP}$`,
  "vi-VN": `{n}${NBSP}USD`,
};

const PERCENT: Record<Locale, string> = {
  "en-GB": "{n}%",
  "en-US": "{n}%",
  "fr-FR": `{n}${NNBSP}%`,
  "vi-VN": "{n}%",
};

const APPROX: Record<Locale, string> = {
  "en-GB": "about {n}",
  "en-US": "about {n}",
  "fr-FR": `environ {n}`,
  "vi-VN": "khoảng {n}",
};

const EN_ORDINAL: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };

const MONEY_SCALE: Record<string, number> = { USD: 1, "USD million": 1e6, "USD billion": 1e9 };

/**
 * Writes a number in house style for its unit and locale.
 *
 * @example formatValue(72, { unit: "USD million" }) // "$72m"
 * @example formatValue(171, { unit: "USD billion", locale: "fr-FR" }) // "171 Md$"
 * @example formatValue(3, { unit: "rank" }) // "3rd"
 */
export function formatValue(value: number, format: ValueFormat): string {
  const locale = checkLocale(format.locale);
  if (typeof value !== "number" || !Number.isFinite(value)) return "";
  const { unit, precision } = format;
  if (precision !== undefined && !(Number.isInteger(precision) && precision >= 0 && precision <= 6)) {
    throw invalid({ field: "format.precision" }, "a whole number from 0 to 6", precision);
  }
  let text: string;
  if (unit in MONEY_SCALE) {
    text = money(value * MONEY_SCALE[unit]!, locale, precision);
  } else if (unit === "%") {
    text = signed(value, (abs) => fill(PERCENT[locale], number(abs, locale, precision)));
  } else if (unit === "count" || unit === "number") {
    text = signed(value, (abs) => {
      const scaled = scale(abs, locale, precision);
      if (!scaled) return number(abs, locale, precision ?? (unit === "count" ? 0 : undefined));
      return fill(scaled.tier.count, scaled.n, scaled.plural);
    });
  } else if (unit === "rank") {
    text = ordinal(value, locale);
  } else if (unit === "year") {
    text = signed(value, (abs) => new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: precision ?? 1, minimumFractionDigits: precision ?? 0 }).format(abs));
  } else {
    throw invalid({ field: "format.unit" }, `one of ${UNITS.join(", ")}`, unit);
  }
  return format.approx ? fill(APPROX[locale], text) : text;
}

function checkLocale(locale: string | undefined): Locale {
  if (locale === undefined) return "en-GB";
  if ((LOCALES as readonly string[]).includes(locale)) return locale as Locale;
  throw invalid({ field: "format.locale" }, `one of ${LOCALES.join(", ")}`, locale);
}

function money(dollars: number, locale: Locale, precision: number | undefined): string {
  return signed(dollars, (abs) => {
    const scaled = scale(abs, locale, precision);
    if (!scaled) return fill(PLAIN_MONEY[locale], number(abs, locale, precision ?? (abs >= 100 ? 0 : undefined)));
    return fill(scaled.tier.money, scaled.n, scaled.plural);
  });
}

/**
 * The tier a value is written in, with the scaled number. A value that
 * rounds up to a thousand of one tier moves to the next ($1bn, not $1,000m).
 */
function scale(abs: number, locale: Locale, precision: number | undefined) {
  const tiers = TIERS[locale];
  let i = tiers.findIndex((t) => abs >= t.size);
  if (i < 0) {
    // 999,999.7 rounds to a million at the lowest tier.
    const lowest = tiers[tiers.length - 1]!;
    if (rounded(abs / lowest.size, precision) < 1) return undefined;
    i = tiers.length - 1;
  }
  if (i > 0 && rounded(abs / tiers[i]!.size, precision) >= 1000) i -= 1;
  const tier = tiers[i]!;
  const x = abs / tier.size;
  return { tier, n: number(x, locale, precision), plural: rounded(x, precision) >= 2 };
}

function rounded(x: number, precision: number | undefined): number {
  const digits = precision ?? (Math.round(x * 10) / 10 >= 100 ? 0 : 1);
  return Math.round(x * 10 ** digits) / 10 ** digits;
}

/** Formats |value| and puts a true minus sign in front when negative. */
function signed(value: number, write: (abs: number) => string): string {
  const text = write(Math.abs(value));
  // A value that rounds to zero carries no sign.
  return value < 0 && /[1-9]/.test(text) ? MINUS + text : text;
}

function number(abs: number, locale: Locale, precision: number | undefined): string {
  const options: Intl.NumberFormatOptions =
    precision === undefined
      ? { maximumFractionDigits: Math.round(abs * 10) / 10 >= 100 ? 0 : 1 }
      : { minimumFractionDigits: precision, maximumFractionDigits: precision };
  return new Intl.NumberFormat(locale, options).format(abs);
}

function ordinal(value: number, locale: Locale): string {
  // Ranks are whole numbers; an axis tick between two ranks gets no label.
  if (!Number.isInteger(value)) return "";
  const n = new Intl.NumberFormat(locale).format(value);
  if (locale === "fr-FR") return value === 1 ? `${n}er` : `${n}e`;
  if (locale === "vi-VN") return `thứ${NBSP}${n}`;
  return n + EN_ORDINAL[new Intl.PluralRules(locale, { type: "ordinal" }).select(value)]!;
}

function fill(template: string, n: string, plural = false): string {
  return template.replace("{n}", n).replace("{s}", plural ? "s" : "");
}
