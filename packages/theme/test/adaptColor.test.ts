import { describe, expect, it } from "vitest";
import { adaptColor, invertColor } from "../src/adaptColor.ts";
import { contrast, linearRgb, toLab } from "../src/color.ts";

const hue = (hex: string) => {
  const [, a, b] = toLab(linearRgb(hex));
  return (Math.atan2(b, a) * 180) / Math.PI;
};

describe("invertColor(color, {from, to, min})", () => {
  it("gives the colour the contrast with the new page it had with the old one", () => {
    for (const grey of ["#121212", "#333333", "#595959", "#8C8C8C", "#E5E5E5"]) {
      const inverted = invertColor(grey, { from: "#ffffff", to: "#121212" });
      expect(contrast(inverted, "#121212"), grey).toBeCloseTo(contrast(grey, "#ffffff"), 1);
    }
    // the page itself becomes the other page
    expect(invertColor("#ffffff", { from: "#ffffff", to: "#121212" })).toBe("#121212");
  });

  it("keeps the hue of a colour", () => {
    const blue = invertColor("#0072B2", { from: "#ffffff", to: "#121212" });
    expect(Math.abs(hue(blue) - hue("#0072B2"))).toBeLessThan(3);
    expect(contrast(blue, "#121212")).toBeCloseTo(contrast("#0072B2", "#ffffff"), 1);
  });

  it("raises the contrast to `min`, and stops at the most the page allows", () => {
    expect(contrast(invertColor("#E5E5E5", { from: "#ffffff", to: "#121212", min: 4.5 }), "#121212")).toBeGreaterThanOrEqual(4.5);
    expect(invertColor("#000000", { from: "#ffffff", to: "#121212" })).toBe("#ffffff");
  });

  it("works from a dark page to a light one", () => {
    const back = invertColor("#9e9e9e", { from: "#121212", to: "#ffffff" });
    expect(contrast(back, "#ffffff")).toBeCloseTo(contrast("#9e9e9e", "#121212"), 1);
  });
});

describe("adaptColor(color, {from, to, min})", () => {
  it("inverts greys", () => {
    expect(adaptColor("#595959", { from: "#ffffff", to: "#121212", min: 4.5 })).toBe(invertColor("#595959", { from: "#ffffff", to: "#121212", min: 4.5 }));
  });

  it("keeps a colour with a hue that passes on the new page, and lightens one that does not, hue kept", () => {
    expect(adaptColor("#D55E00", { from: "#ffffff", to: "#121212", min: 3 })).toBe("#D55E00");
    const navy = adaptColor("#1f2a6b", { from: "#ffffff", to: "#121212", min: 3 });
    expect(contrast(navy, "#121212")).toBeGreaterThanOrEqual(3);
    expect(contrast(navy, "#121212")).toBeLessThan(3.2);
    expect(Math.abs(hue(navy) - hue("#1f2a6b"))).toBeLessThan(4);
  });

  it("darkens a colour that is too light for a light page", () => {
    const yellow = adaptColor("#F0E442", { from: "#121212", to: "#ffffff", min: 3 });
    expect(contrast(yellow, "#ffffff")).toBeGreaterThanOrEqual(3);
  });
});
