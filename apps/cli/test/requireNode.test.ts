import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript, on purpose (it must load on any Node)
import { unsupportedNode } from "../bin/requireNode.mjs";

describe("unsupportedNode(version)", () => {
  it("refuses Node before 22.18 with what to install, naming the version received", () => {
    const problem = unsupportedNode("20.20.2") as string;
    expect(problem).toContain("Node.js 24");
    expect(problem).toContain("this is Node.js 20.20.2");
    expect(unsupportedNode("22.17.1")).toContain("22.17.1");
  });

  it("accepts Node 22.18 and later, and this Node", () => {
    expect(unsupportedNode("22.18.0")).toBeUndefined();
    expect(unsupportedNode("24.21.0")).toBeUndefined();
    expect(unsupportedNode(process.versions.node)).toBeUndefined();
  });
});
