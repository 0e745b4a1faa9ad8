// House conventions for writing numbers, one row per locale (NNBSP = narrow
// no-break space U+202F, NBSP = U+00A0):
//
//            USD 171e9    EUR 3.6e9     USD 72e6      USD 72,000   %       pp        count 1.2e6    tonnes 1.2e6           rank   approx
//   en-GB    $171bn       €3.6bn        $72m          $72,000      19%     2.5pp     1.2m           1.2m tonnes            1st    about $1bn
//   en-US    $171B        €3.6B         $72M          $72,000      19%     2.5pp     1.2M           1.2M tonnes            1st    about $1B
//   fr-FR    171 Md$      3,6 Md€       72 M$         72 000 $     19 %    2,5 pts   1,2 million    1,2 million de tonnes  1er    environ 1 Md$
//   vi-VN    171 tỷ USD   3,6 tỷ EUR    72 triệu USD  72.000 USD   19%     2,5 điểm %  1,2 triệu    1,2 triệu tấn          thứ 1  khoảng 1 tỷ USD
//   de-DE    171 Mrd. $   3,6 Mrd. €    72 Mio. $     72.000 $     19 %    2,5 Pp.   1,2 Mio.       1,2 Mio. Tonnen        1.     rund 1 Mrd. $
//   es-ES    171.000 M $  3600 M €      72 M $        72.000 $     19 %    2,5 p. p. 1,2 millones   1,2 millones de toneladas  1.º  cerca de 1000 M $
//
// - Money is scaled to the largest tier it reaches, from a million up;
//   smaller sums are written out. en-GB: bn/m/trn after the FT and The
//   Economist; en-US: B/M/T after Reuters graphics; fr-FR: Md/M glued to the
//   symbol, as Le Monde and Les Echos write Md$ and M€ (no trillion: 1 200
//   Md$); vi-VN: tỷ/triệu/nghìn tỷ and the ISO code after, as VnExpress and
//   Tuổi Trẻ write "tỷ USD" (the dong as "đồng"); de-DE: Mio./Mrd./Bio. and
//   the symbol after, as Handelsblatt and the FAZ write "3,6 Mrd. €"; es-ES:
//   millions up to a million million, as El País's style book asks
//   ("3600 millones", never "billones" for 10^9), abbreviated M as in
//   Expansión's tables, billones (10^12) as B, Intl's (CLDR's) Spanish forms.
// - The currency sign and its side come from Intl; the house writes the
//   narrow symbol ($, £, ¥, ₽) where it reads back as one currency, so USD is
//   "$" in en-GB and fr-FR where Intl writes "US$" and "$US".
// - Spaces and separators are Intl's, but French puts a NNBSP (espace fine)
//   before % and a currency, as the house always has; German and Spanish a NBSP; Spanish leaves four-digit numbers
//   ungrouped (3600), as the RAE asks. vi-VN puts a NBSP before its words.
// - Decimals: at most one, a trailing zero dropped ($1bn, $3.6bn), none once
//   the scaled value reaches 100 ($171bn); `precision` fixes the count.
// - Negative numbers take a true minus sign (U+2212) before the currency.
// - Percentages are points (19 means 19%); pp are percentage points. Counts
//   are written out below a million, scaled above, with the scale in words
//   where the press writes it so (fr, vi, es). A measure follows its number
//   (symbol or word); French and Spanish put "de" between a scale word and it.
// - Ranks are ordinals: 1st, 1er, thứ 1, 1. (German), 1.º (RAE).
import type { Locale } from "./locales.ts";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

export interface Tier {
  exponent: number;
  /** The scale as money writes it: "bn", "Md", "tỷ", "Mrd.". */
  money: string;
  /** The scale as counts write it, singular and plural: "m", ["million", "millions"]. */
  count: [one: string, other: string];
}

export interface HouseStyle {
  /** Largest first. */
  tiers: Tier[];
  /** Between the number and a scale: "" (en: $3.6bn) or a space. */
  scaleSpace: string;
  /** Between a money scale and a currency sign written after it: fr glues symbols (Md$), others space. */
  signSpace: (sign: string) => string;
  /** Before %, and a currency sign after the number: Intl's space unless set (French: NNBSP, as the house always wrote). */
  signBefore?: string;
  /** Whether the plural form of a count scale is used for `x` as written. */
  plural: (x: number) => boolean;
  /** Before a measure's word after a scale word: fr "de", es "de"; "" for none. */
  of: string;
  points: string;
  approx: string;
  ordinal: (n: number, written: string) => string;
}

const EN_ORDINAL: Record<string, string> = { one: "st", two: "nd", few: "rd", other: "th" };
const englishOrdinal = (n: number, written: string) => written + EN_ORDINAL[new Intl.PluralRules("en", { type: "ordinal" }).select(n)]!;
const tier = (exponent: number, money: string, one: string, other = one): Tier => ({ exponent, money, count: [one, other] });
const never = () => false;

export const HOUSE: Record<Locale, HouseStyle> = {
  "en-GB": {
    tiers: [tier(12, "trn", "trn"), tier(9, "bn", "bn"), tier(6, "m", "m")],
    scaleSpace: "",
    signSpace: () => NBSP,
    plural: never,
    of: "",
    points: "pp",
    approx: "about",
    ordinal: englishOrdinal,
  },
  "en-US": {
    tiers: [tier(12, "T", "T"), tier(9, "B", "B"), tier(6, "M", "M")],
    scaleSpace: "",
    signSpace: () => NBSP,
    plural: never,
    of: "",
    points: "pp",
    approx: "about",
    ordinal: englishOrdinal,
  },
  "fr-FR": {
    tiers: [tier(9, "Md", "milliard", "milliards"), tier(6, "M", "million", "millions")],
    scaleSpace: NNBSP,
    signSpace: (sign) => (/\p{L}/u.test(sign) ? NNBSP : ""),
    signBefore: NNBSP,
    plural: (x) => x >= 2,
    of: "de",
    points: `pts`,
    approx: "environ",
    ordinal: (n, written) => (n === 1 ? `${written}er` : `${written}e`),
  },
  "vi-VN": {
    tiers: [tier(12, "nghìn tỷ", "nghìn tỷ"), tier(9, "tỷ", "tỷ"), tier(6, "triệu", "triệu")],
    scaleSpace: NBSP,
    signSpace: () => " ",
    plural: never,
    of: "",
    points: "điểm %",
    approx: "khoảng",
    ordinal: (_, written) => `thứ${NBSP}${written}`,
  },
  "de-DE": {
    tiers: [tier(12, "Bio.", "Bio."), tier(9, "Mrd.", "Mrd."), tier(6, "Mio.", "Mio.")],
    scaleSpace: NBSP,
    signSpace: () => NBSP,
    plural: never,
    of: "",
    points: "Pp.",
    approx: "rund",
    ordinal: (_, written) => `${written}.`,
  },
  "es-ES": {
    tiers: [tier(12, "B", "billón", "billones"), tier(6, "M", "millón", "millones")],
    scaleSpace: NBSP,
    signSpace: () => NBSP,
    plural: (x) => x !== 1,
    of: "de",
    points: "p.\u00a0p.",
    approx: "cerca de",
    ordinal: (_, written) => `${written}.º`,
  },
};
