// @charts/render: a chart from spec to pixels, headless and deterministic.
//
//   setupRenderer      once per process: fonts, fontconfig, exact metrics in Vega, `house` format, `wrapLabel`
//   compileVegaLite    Vega-Lite -> Vega
//   renderSvg          Vega -> SVG + text boxes + scene (View, renderer "none"): files under one folder
//                      (guardedLoader), interpreted expressions, bundled fonts, seeded randomness;
//                      axis descriptions in the labels' house format (describeAxes)
//   frameChart         plot SVG + ChartMeta + Theme -> headline, dek, plot, notes below it, notes, source,
//                      byline; an accessible image (role, title, desc)
//   renderChart        all of the above for a compiled chart, in its theme, fonts embedded (embedFonts:
//                      whole-block subsets, made once and kept in `cacheDir`)
//   drawChart          a chart definition at every breakpoint, light and dark, compiled and rendered,
//                      annotations that do not fit moved below the plot: what the build rasterises and
//                      the linter reads
//   assertSafeSvg      the published SVG is inert and self-contained (XML parser, allow-list)
//   unfitAnnotations   annotations whose text does not fit in the plot, for the build to move below it
//   svgToPng           SVG -> PNG via sharp at 1x / 2x, after a font probe (PNG_OPTIONS, by measurement;
//                      tuneRasteriser: sharp's threads and cache for a build)
//   renderFile         the standalone `charts render SPEC -o OUT`
//   rendererVersions   the installed versions of all of the above, for the manifest and the snapshots
export { setupRenderer } from "./setupRenderer.ts";
export { compileVegaLite, isVegaLite } from "./compileVegaLite.ts";
export { renderSvg, quoteFontFamilies } from "./renderSvg.ts";
export { guardedLoader, type Access, type GuardedLoader } from "./guardedLoader.ts";
export { resolveLocal } from "./resolveLocal.ts";
export { safeExpressions, assertSafeExpression } from "./safeExpressions.ts";
export { DEFAULT_SEED, seededRandom, isSeed } from "./seededRandom.ts";
export { frameChart, type FrameOptions, type FramedPlot } from "./frameChart.ts";
export { unfitAnnotations } from "./unfitAnnotations.ts";
export { acrossEdge, inside, lineThrough, overlap, SLACK, type Box } from "./overlap.ts";
export { dataMarks } from "./dataMarks.ts";
export { wrapLabel } from "./wrapLabel.ts";
export { renderChart, chartMetaOf, themeOf, type RenderChartOptions, type RenderedChartSvg } from "./renderChart.ts";
export { drawChart, placeRenderError, DEFAULT_VARIANT, type DrawChartOptions, type DrawnChart, type DrawnVariant } from "./drawChart.ts";
export { svgToPng, probeFonts, tuneRasteriser, PNG_OPTIONS, type SvgToPngOptions } from "./svgToPng.ts";
export { renderFile, type RenderFileOptions } from "./renderFile.ts";
export { rendererVersions, type RendererVersions } from "./rendererVersions.ts";
export { assertSafeSvg, type SafeSvgOptions } from "./assertSafeSvg.ts";
export { house } from "./houseFormat.ts";
export type { RenderedSvg, RenderOptions, Scene, SceneAxis, SceneMark, SceneScale, TextBox } from "./types.ts";
