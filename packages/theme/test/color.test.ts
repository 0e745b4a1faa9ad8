import { describe, expect, it } from "vitest";
import { colorDistance, contrast, deltaE2000, linearRgb, parseHex, simulate, toLab } from "../src/color.ts";

describe("contrast(a, b)", () => {
  it("matches the WCAG reference points", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
    // #767676 is the lightest grey that passes 4.5:1 on white; #777777 fails.
    expect(contrast("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(contrast("#fff", "#000")).toBe(contrast("#000000", "#FFFFFF"));
  });

  it("rejects colours it cannot read", () => {
    expect(() => parseHex("red")).toThrow('expected a colour as #rgb or #rrggbb but received "red"');
  });
});

describe("deltaE2000(lab1, lab2)", () => {
  // Pairs from Sharma, Wu & Dalal (2005), table 1.
  const pairs: Array<[[number, number, number], [number, number, number], number]> = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  it.each(pairs)("%j vs %j is %d", (a, b, expected) => {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
    expect(deltaE2000(b, a)).toBeCloseTo(expected, 4);
  });
});

describe("toLab(rgb)", () => {
  it("puts white at L 100 and sRGB red where the CIE says", () => {
    const [l, a, b] = toLab(linearRgb("#ffffff"));
    expect(l).toBeCloseTo(100, 2);
    expect(Math.abs(a) + Math.abs(b)).toBeLessThan(0.01);
    const red = toLab(linearRgb("#ff0000"));
    expect(red[0]).toBeCloseTo(53.24, 1);
    expect(red[1]).toBeCloseTo(80.09, 1);
    expect(red[2]).toBeCloseTo(67.2, 1);
  });
});

describe("simulate(rgb, deficiency)", () => {
  it("leaves greys grey and merges red with green for deuteranopes", () => {
    const grey = linearRgb("#808080");
    for (const d of ["protanopia", "deuteranopia", "tritanopia"] as const) {
      simulate(grey, d).forEach((c, i) => expect(c).toBeCloseTo(grey[i]!, 2));
    }
    // A classic red/green pair is far apart for most readers, close for deuteranopes.
    expect(colorDistance("#d62728", "#2ca02c")).toBeGreaterThan(40);
    expect(colorDistance("#d62728", "#2ca02c", "deuteranopia")).toBeLessThan(10);
  });
});
