import { describe, expect, it } from "vitest";
import { ChartsError, message } from "@charts/errors";
import { DEFAULT_SETTINGS, readLintSettings, RULE_NAMES } from "../src/index.ts";

const F = "charts.config.json";
const refused = (value: unknown, field: string, expected: string, received: unknown) =>
  expect(() => readLintSettings(value, F)).toThrow(new ChartsError(message.invalid(expected, received), { file: F, field }));

describe("readLintSettings(value, file)", () => {
  it("is every rule's default when the config says nothing", () => {
    expect(readLintSettings(undefined, F)).toEqual(DEFAULT_SETTINGS);
    expect(readLintSettings({}, F)).toEqual(DEFAULT_SETTINGS);
  });

  it("takes a severity, or an object with a severity and thresholds, and keeps the defaults of the rest", () => {
    const settings = readLintSettings({ $comment: "the desk's policy", "dual-axis": "error", "alt-drafted": "off", "text-size": { min: 11 }, "text-contrast": { severity: "warning", large: 3.5 } }, F);
    expect(settings["dual-axis"]).toEqual({ severity: "error", options: {} });
    expect(settings["alt-drafted"]!.severity).toBe("off");
    expect(settings["text-size"]).toEqual({ severity: "error", options: { min: 11 } });
    expect(settings["text-contrast"]).toEqual({ severity: "warning", options: { normal: 4.5, large: 3.5 } });
    expect(settings["mark-contrast"]).toEqual(DEFAULT_SETTINGS["mark-contrast"]);
    // the defaults themselves are untouched
    expect(DEFAULT_SETTINGS["text-size"]!.options.min).toBe(12);
  });

  it("names the key of anything it cannot take", () => {
    refused([], "lint", message.expectedLintSettings(), []);
    refused({ "text-sise": "error" }, "lint.text-sise", message.expectedLintRule(RULE_NAMES), "text-sise");
    refused({ "text-size": "fatal" }, "lint.text-size", message.expectedLintSetting(["min"]), "fatal");
    refused({ "text-size": { severity: "on" } }, "lint.text-size.severity", message.expectedLintSetting(["min"]), "on");
    refused({ "text-size": { max: 30 } }, "lint.text-size.max", message.expectedLintSetting(["min"]), "max");
    refused({ "text-size": { min: 0 } }, "lint.text-size.min", message.expectedLintThreshold(), 0);
    refused({ "text-size": { min: "12" } }, "lint.text-size.min", message.expectedLintThreshold(), "12");
    refused({ "dual-axis": 1 }, "lint.dual-axis", message.expectedLintSetting([]), 1);
  });
});
