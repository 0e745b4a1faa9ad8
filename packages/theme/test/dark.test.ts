import { describe, expect, it } from "vitest";
import { dark } from "../src/dark.ts";
import { light } from "../src/light.ts";
import { checkTheme } from "./checkTheme.ts";

describe("dark", () => {
  checkTheme(dark);
  it("keeps the type and spacing of light", () => {
    expect(dark.spacing).toEqual(light.spacing);
    expect(dark.text.headline.size).toBe(light.text.headline.size);
  });
});
