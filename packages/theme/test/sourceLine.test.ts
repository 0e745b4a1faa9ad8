import { describe, expect, it } from "vitest";
import { sourceLine, sourceNames } from "../src/index.ts";

describe("sourceLine(source, locale, count)", () => {
  it("writes the source line in the chart's language", () => {
    expect(sourceLine("Douanes", "fr-FR")).toBe("Source\u00a0: Douanes");
    expect(sourceLine("Tổng cục Thống kê", "vi-VN")).toBe("Nguồn: Tổng cục Thống kê");
    expect(sourceLine("Example Agency")).toBe("Source: Example Agency");
    expect(sourceLine("A; B", "en-US", 2)).toBe("Sources: A; B");
    expect(sourceLine("A; B", "fr-FR", 2)).toBe("Sources\u00a0: A; B");
    expect(sourceLine("Destatis", "de-DE")).toBe("Quelle: Destatis");
    expect(sourceLine("A; B", "de-DE", 2)).toBe("Quellen: A; B");
    expect(sourceLine("INE", "es-ES")).toBe("Fuente: INE");
    expect(sourceLine("A; B", "es-ES", 2)).toBe("Fuentes: A; B");
  });

  it("has a label in the language of every house locale", async () => {
    const { LOCALES } = await import("@charts/numbers");
    for (const locale of LOCALES) {
      const line = sourceLine("X", locale);
      expect(line, locale).toMatch(/:\s?X$|\u00a0: X$/);
      if (!locale.startsWith("en")) expect(line, locale).not.toBe("Source: X");
    }
  });

  it("leaves a line that already has its label, in any house locale", () => {
    expect(sourceLine("Sources: A; B")).toBe("Sources: A; B");
    expect(sourceLine("Source: Desk", "fr-FR")).toBe("Source: Desk");
    expect(sourceLine("Nguồn: Tổng cục Thống kê")).toBe("Nguồn: Tổng cục Thống kê");
    expect(sourceLine("Quelle: Destatis", "de-DE")).toBe("Quelle: Destatis");
  });
});

describe("sourceNames(line)", () => {
  it("is what a source line names, without its label, in any house locale", () => {
    expect(sourceNames("Sources: ISEAS; AFP")).toBe("ISEAS; AFP");
    expect(sourceNames(sourceLine("Douanes", "fr-FR"))).toBe("Douanes");
    expect(sourceNames(sourceLine(" ", "en-GB"))).toBe("");
    expect(sourceNames("Nguồn: Tổng cục Thống kê")).toBe("Tổng cục Thống kê");
  });
});
