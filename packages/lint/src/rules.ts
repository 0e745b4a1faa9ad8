// Every rule of the linter, in the order findings are reported: text and
// layout, colour, axes and proportions, words. A rule's name is what
// charts.config.json `lint` and a definition's `lint.waive` use; its
// severity and options here are the defaults (packages/lint/README.md).
import { altDrafted } from "./rules/altDrafted.ts";
import { altText } from "./rules/altText.ts";
import { axisLabelSpacing } from "./rules/axisLabelSpacing.ts";
import { barBaseline } from "./rules/barBaseline.ts";
import { colorVision } from "./rules/colorVision.ts";
import { dualAxis } from "./rules/dualAxis.ts";
import { labelTruncated } from "./rules/labelTruncated.ts";
import { logScaleNote } from "./rules/logScaleNote.ts";
import { markContrast } from "./rules/markContrast.ts";
import { numbers } from "./rules/numbers.ts";
import { partsSum } from "./rules/partsSum.ts";
import { sourceLine } from "./rules/sourceLine.ts";
import { textClipped } from "./rules/textClipped.ts";
import { textContrast } from "./rules/textContrast.ts";
import { textOnMarks } from "./rules/textOnMarks.ts";
import { textOverlap } from "./rules/textOverlap.ts";
import { textSize } from "./rules/textSize.ts";
import { truncatedAxis } from "./rules/truncatedAxis.ts";
import { unusedWaiver } from "./rules/unusedWaiver.ts";
import { vegaWarning } from "./rules/vegaWarning.ts";
import type { LintSettings, Rule } from "./types.ts";

export const RULES: readonly Rule[] = [
  textOverlap,
  textOnMarks,
  textClipped,
  labelTruncated,
  axisLabelSpacing,
  textSize,
  textContrast,
  markContrast,
  colorVision,
  barBaseline,
  truncatedAxis,
  dualAxis,
  logScaleNote,
  partsSum,
  sourceLine,
  altText,
  altDrafted,
  numbers,
  vegaWarning,
  unusedWaiver,
];

/** The names of the rules, in order. */
export const RULE_NAMES: readonly string[] = RULES.map((rule) => rule.name);

/** Every rule at its default severity and thresholds. */
export const DEFAULT_SETTINGS: LintSettings = Object.fromEntries(RULES.map((rule) => [rule.name, { severity: rule.severity, options: { ...rule.options } }]));
