// @charts/theme: the house style as data.
//   light, dark        Theme objects: type, colours, spacing
//   vegaLiteConfig     a Theme as Vega-Lite config
//   formatValue        numbers in house style, per unit and locale (the `house` format type)
//   sourceLine         "Source: ..." in the chart's language
//   color              contrast and colour-vision checks the themes are tested with
export type { TextStyle, Theme } from "./types.ts";
export { light } from "./light.ts";
export { dark } from "./dark.ts";
export { vegaLiteConfig } from "./vegaLiteConfig.ts";
export { formatValue, type ValueFormat } from "./formatValue.ts";
export { LOCALES, type Locale } from "@charts/numbers";
export { colorDistance, contrast, deltaE2000, linearRgb, luminance, parseHex, simulate, toLab, type Deficiency, type Lab, type Rgb } from "./color.ts";
export { sourceLine } from "./sourceLine.ts";
