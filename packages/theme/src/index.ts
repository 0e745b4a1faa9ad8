// @charts/theme: the house style as data.
//   light, dark          Theme objects: type, colours, spacing, frames; dark is derived from light (deriveDark)
//   themeAt, frameFor    the theme for one width: its frame (ticks, aspect, short years, wrapping, bar layout)
//   vegaLiteConfig       a Theme as Vega-Lite config, for its frame
//   formatValue          numbers in house style, per unit and locale (the `house` format type)
//   sourceLine           "Source: ..." in the chart's language
//   adaptColor           a colour moved to another page, contrast kept (dark mode)
//   checkColors          WCAG contrast and colour-vision checks every theme is held to
//   color                contrast, CVD simulation and colour distance
export type { Frame, TextStyle, Theme } from "./types.ts";
export { light } from "./light.ts";
export { dark, deriveDark, DARK_BACKGROUND, themeColor } from "./dark.ts";
export { themes } from "./themes.ts";
export { FRAMES, frameFor, frameOf, themeAt } from "./frames.ts";
export { vegaLiteConfig } from "./vegaLiteConfig.ts";
export { formatValue, type ValueFormat } from "./formatValue.ts";
export { LOCALES, type Locale } from "@charts/numbers";
export { adaptColor, invertColor, GREY_CHROMA, type InvertOptions } from "./adaptColor.ts";
export { checkColors, MIN_DISTANCE, MIN_DISTANCE_CVD } from "./checkColors.ts";
export {
  colorDistance,
  contrast,
  deltaE2000,
  fromLab,
  linearRgb,
  luminance,
  MARK_CONTRAST,
  parseHex,
  simulate,
  textContrast,
  toHex,
  toLab,
  type Deficiency,
  type Lab,
  type Rgb,
} from "./color.ts";
export { sourceLine, sourceNames } from "./sourceLine.ts";
