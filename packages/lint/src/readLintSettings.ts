import { invalid, message } from "@charts/errors";
import { DEFAULT_SETTINGS, RULES, RULE_NAMES } from "./rules.ts";
import type { LintSettings, Severity } from "./types.ts";

const SEVERITIES: readonly Severity[] = ["error", "warning", "off"];

/**
 * charts.config.json `lint`: per rule, a severity, or an object with a
 * severity and the rule's thresholds; every rule left out keeps its default
 * (DEFAULT_SETTINGS). Keys starting with `$` are comments. An unknown rule
 * or option, a severity other than error, warning or off, or a threshold
 * that is not a number above 0 is an error naming the key.
 *
 * @example readLintSettings({ "dual-axis": "error", "text-size": { "min": 11 } }, "charts.config.json")
 */
export function readLintSettings(value: unknown, file: string): LintSettings {
  const settings: LintSettings = structuredClone(DEFAULT_SETTINGS);
  if (value === undefined) return settings;
  if (!isObject(value)) throw invalid({ file, field: "lint" }, message.expectedLintSettings(), value);
  for (const [name, setting] of Object.entries(value)) {
    if (name.startsWith("$")) continue;
    const rule = RULES.find((r) => r.name === name);
    const field = `lint.${name}`;
    if (!rule) throw invalid({ file, field }, message.expectedLintRule(RULE_NAMES), name);
    const options = Object.keys(rule.options);
    const severity = (value: unknown, at: string) => {
      if (!SEVERITIES.includes(value as Severity)) throw invalid({ file, field: at }, message.expectedLintSetting(options), value);
      settings[name]!.severity = value as Severity;
    };
    if (!isObject(setting)) {
      severity(setting, field);
      continue;
    }
    for (const [key, option] of Object.entries(setting)) {
      if (key === "severity") severity(option, `${field}.severity`);
      else if (!options.includes(key)) throw invalid({ file, field: `${field}.${key}` }, message.expectedLintSetting(options), key);
      else if (typeof option !== "number" || !Number.isFinite(option) || option <= 0) throw invalid({ file, field: `${field}.${key}` }, message.expectedLintThreshold(), option);
      else settings[name]!.options[key] = option;
    }
  }
  return settings;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
