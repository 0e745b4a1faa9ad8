import { describe, expect, it } from "vitest";
import { displayPath } from "../src/index.ts";

describe("displayPath(path, root)", () => {
  it("is relative to the root inside it, absolute outside it", () => {
    expect(displayPath("/project/datasets/arms/data.csv", "/project")).toBe("datasets/arms/data.csv");
    expect(displayPath("/elsewhere/texts", "/project")).toBe("/elsewhere/texts");
    expect(displayPath("/project/../project-b/x", "/project")).toBe("/project-b/x");
  });
});
