import { describe, expect, it } from "vitest";
import { closest } from "../src/closest.ts";

describe("closest(name, names)", () => {
  it("finds the name a typo meant, and nothing when no name is close", () => {
    expect(closest("value_usd", ["year", "value_usd_m", "status"])).toBe("value_usd_m");
    expect(closest("Year", ["year", "value_usd_m"])).toBe("year");
    expect(closest("widht", ["height", "width"])).toBe("width");
    expect(closest("partner", ["year", "value_usd_m"])).toBeUndefined();
  });
});
