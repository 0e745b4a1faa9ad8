// @charts/datasets: dataset folders -> typed rows -> every figure verified against its text.
//
//   loadDatasets("datasets")        each datasets/<name>/ with dataset.json (+ dataset.schema.json) and data.csv
//     loadDataset(dir)              typed cells, provenance rules, duplicate rows, limits (size, rows)
//       readJson(file)              readUtf8 + JSON.parse + no duplicate keys, no deep nesting (also for specs and render)
//   loadSources("datasets/sources.json")   who published each text (sources.schema.json)
//   checkDatasets(datasets, textsDir)      findFigure -> parseFigure -> convertFigure -> evaluateFormula -> compare
//   timeStep(dataset, column)              the rows' step (declared `step`, or inferred): year, quarter, month, week, day
//   periodOf, periodStart, missingPeriods  time as whole periods: the gaps between rows
export * from "./types.ts";
export { loadDataset, loadDatasets, parseRows, type LoadOptions } from "./loadDataset.ts";
export { loadSources } from "./loadSources.ts";
export { checkDatasets, type CheckOptions } from "./checkDatasets.ts";
export { convertFigure } from "./convertFigure.ts";
export { unitOf, carriesRowUnits } from "./unitOf.ts";
export { timeStep } from "./timeStep.ts";
export {
  TIME_UNITS,
  formatStep,
  missingPeriods,
  parseStep,
  periodOf,
  periodStart,
  readIsoDate,
  type IsoDate,
  type PeriodRun,
  type TimeStep,
  type TimeUnit,
} from "./periods.ts";
export { parseUnit, unitScale, type Unit } from "@charts/numbers";
export { evaluateFormula, compileFormula } from "./evaluateFormula.ts";
export { validateJson } from "./validateJson.ts";
export { readJson, parseJson, checkDepth } from "./readJson.ts";
