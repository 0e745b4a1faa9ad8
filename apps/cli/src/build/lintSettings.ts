import { readLintSettings, type LintSettings } from "@charts/lint";
import type { Config } from "../config.ts";

/**
 * charts.config.json `lint` read into every rule's severity and thresholds
 * (@charts/lint's defaults, changed): an unknown rule or a bad threshold is
 * an error naming the file and the key. Kept out of loadConfig, which must
 * not load the linter's rules.
 */
export function lintSettings(config: Config): LintSettings {
  return readLintSettings(config.lint.value, config.lint.file);
}
