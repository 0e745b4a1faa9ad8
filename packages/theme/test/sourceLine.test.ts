import { describe, expect, it } from "vitest";
import { sourceLine } from "../src/index.ts";

describe("sourceLine(source, locale, count)", () => {
  it("writes the source line in the chart's language", () => {
    expect(sourceLine("Douanes", "fr-FR")).toBe("Source\u00a0: Douanes");
    expect(sourceLine("Tổng cục Thống kê", "vi-VN")).toBe("Nguồn: Tổng cục Thống kê");
    expect(sourceLine("Example Agency")).toBe("Source: Example Agency");
    expect(sourceLine("A; B", "en-US", 2)).toBe("Sources: A; B");
    expect(sourceLine("A; B", "fr-FR", 2)).toBe("Sources\u00a0: A; B");
  });

  it("leaves a line that already has its label, in any house locale", () => {
    expect(sourceLine("Sources: A; B")).toBe("Sources: A; B");
    expect(sourceLine("Source: Desk", "fr-FR")).toBe("Source: Desk");
    expect(sourceLine("Nguồn: Tổng cục Thống kê")).toBe("Nguồn: Tổng cục Thống kê");
  });
});
