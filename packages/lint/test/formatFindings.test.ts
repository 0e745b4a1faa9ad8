import { describe, expect, it } from "vitest";
import { formatFindings, lintSummary, type Finding } from "../src/index.ts";

const finding = (more: Partial<Finding>): Finding => ({ chart: "arms", file: "charts/arms.chart.json", variants: ["320"], rule: "text-size", severity: "error", element: 'axis label "2019"', measured: "10 px", threshold: "≥ 12 px", message: "m", ...more });

describe("formatFindings(findings)", () => {
  it("prints a header and one line per finding in columns, a waived one with its reason", () => {
    const table = formatFindings([
      finding({}),
      finding({ chart: "vietnam-trade", variants: ["320", "320-dark"], rule: "bar-baseline", element: "bar (year 2021)", measured: "starts at 100", threshold: "starts at 0", waived: "index chart starting at 100" }),
    ]);
    expect(table.split("\n")).toEqual([
      "chart          variant        rule          severity  element            measured       threshold",
      'arms           320            text-size     error     axis label "2019"  10 px          ≥ 12 px',
      "vietnam-trade  320, 320-dark  bar-baseline  waived    bar (year 2021)    starts at 100  starts at 0 (waived: index chart starting at 100)",
    ]);
  });

  it("cuts a long element to one line of at most 60 characters", () => {
    const [, line] = formatFindings([finding({ element: `label "${"x".repeat(80)}\nsecond line"` })]).split("\n");
    expect(line).toContain(`label "${"x".repeat(52)}…`);
  });
});

describe("lintSummary(findings, charts)", () => {
  it("counts errors and warnings that count, and the waived", () => {
    expect(lintSummary([finding({}), finding({ severity: "warning" }), finding({ waived: "r" })], 4)).toBe("1 error, 1 warning (1 waived) in 4 charts");
    expect(lintSummary([], 1)).toBe("0 errors, 0 warnings in 1 chart");
  });
});
