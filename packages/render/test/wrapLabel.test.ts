import { beforeAll, describe, expect, test } from "vitest";
import { measureText } from "@charts/fonts";
import { WRAP_LABEL } from "@charts/specs";
import { renderSvg, setupRenderer, wrapLabel } from "../src/index.ts";
import { vegaModules } from "../src/loadVega.ts";

beforeAll(() => setupRenderer());

describe("wrapLabel(text, maxWidth, fontSize, fontWeight)", () => {
  test("breaks a label at spaces into lines of the house font no wider than maxWidth", () => {
    expect(wrapLabel("European Union", 84, 13, 400)).toEqual(["European", "Union"]);
    expect(wrapLabel("China", 84, 13, 400)).toBe("China");
    const lines = wrapLabel("Association of Southeast Asian Nations", 100, 13, 400) as string[];
    for (const line of lines) expect(measureText(line, { size: 13 })).toBeLessThanOrEqual(100);
    expect(lines.join(" ")).toBe("Association of Southeast Asian Nations");
  });

  test("is the function @charts/specs names in labelExpr, and Vega draws its lines", async () => {
    expect(WRAP_LABEL).toBe("wrapLabel");
    expect(typeof (vegaModules().vega as unknown as { expressionFunction: (name: string) => unknown }).expressionFunction(WRAP_LABEL)).toBe("function");
    const { boxes } = await renderSvg({
      width: 200,
      height: 120,
      data: { values: [{ k: "European Union", v: 72 }, { k: "China", v: 171 }] },
      mark: "bar",
      encoding: { y: { field: "k", type: "nominal", title: null, axis: { labelExpr: `${WRAP_LABEL}(datum.label, 84, 13, 400)` } }, x: { field: "v", type: "quantitative", title: null } },
      config: { font: "Source Sans 3", axis: { labelFontSize: 13 } },
    } as never);
    expect(boxes.filter((b) => b.role === "axis-label").map((b) => b.text)).toContain("European\nUnion");
  });
});
