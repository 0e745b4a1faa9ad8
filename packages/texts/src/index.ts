// @charts/texts: scraped article -> clean text -> sentences -> figures.
//
//   readText(dir, id)        raw .txt -> SourceText { raw, clean, sentences }
//     readUtf8(file)         size limit, UTF-8, no control characters: how every stage reads a desk's files
//     cleanText(raw)         entities, broken characters, spaces, junk lines (junkPatterns)
//     splitSentences(clean)  Intl.Segmenter + fixes for "Mr. Putin", "V. Putin", "U.S.", "3.5"
//   extractFigures(text, { names })   every figure the text states, with its sentence (numbers: @charts/numbers)
//   findFigure(text, "US$72 million", context?)  where a dataset's figure stands
//   parseFigure("US$72 million")                 -> { kind: "money", value: 72e6, unit: "USD" }
export type { Figure, FigureKind, ParsedFigure, Sentence, SourceText } from "./types.ts";
export { readText, listTexts, sourceText } from "./readText.ts";
export { readUtf8, decodeUtf8, type ReadUtf8Options } from "./readUtf8.ts";
export { cleanText } from "./cleanText.ts";
export { junkPatterns, isJunkLine } from "./junkPatterns.ts";
export { splitSentences } from "./splitSentences.ts";
export { extractFigures, type ExtractOptions } from "./extractFigures.ts";
export { findFigure } from "./findFigure.ts";
export { parseFigure } from "./parseFigure.ts";
