import { describe as suite, expect, it } from "vitest";
import { ChartsError, describe, invalid } from "../src/index.ts";

suite("invalid(where, expected, received)", () => {
  it("names the file, row and field, what was expected and what was received", () => {
    const error = invalid({ file: "datasets/arms/data.csv", row: 3, field: "value" }, "a number", "7,6");
    expect(error).toBeInstanceOf(ChartsError);
    expect(error.message).toBe(
      'datasets/arms/data.csv, row 3, value: expected a number but received "7,6" of type string',
    );
    expect(error.where).toEqual({ file: "datasets/arms/data.csv", row: 3, field: "value" });
  });

  it("leaves out the parts of the place it does not know", () => {
    expect(invalid({ field: "--scale" }, "a number from 0.1 to 10", 0).message).toBe(
      "--scale: expected a number from 0.1 to 10 but received 0 of type number",
    );
    expect(invalid({}, "a string", undefined).message).toBe("expected a string but received nothing");
  });
});

suite("describe(value)", () => {
  it("shortens long strings and summarises objects", () => {
    expect(describe("x".repeat(100))).toMatch(/^"x{77}\.\.\." of type string$/);
    expect(describe([1, 2])).toBe("an array of 2");
    expect(describe({ a: 1 })).toBe('{"a":1} of type object');
    expect(describe(null)).toBe("null");
  });
});

suite("message catalogue", () => {
  it("is what invalid() throws, so tests can compare against the catalogue", async () => {
    const { message } = await import("../src/index.ts");
    expect(invalid({}, "a number", "7,6").message).toBe(message.invalid("a number", "7,6"));
    expect(message.overLimit("the plot width", 4000, 9000, "limits.plotWidth")).toBe(
      "the plot width is 9000, over the limit of 4000 (raise limits.plotWidth in charts.config.json if this is intended)",
    );
  });
});

suite("ChartsError", () => {
  it("keeps its message without the place as detail, and can be placed elsewhere with the place printed once", () => {
    const error = new ChartsError("expected a number but received nothing", { field: "value" });
    expect(error.detail).toBe("expected a number but received nothing");
    const placed = error.at({ file: "datasets/arms/data.csv", row: 2, field: "value" });
    expect(placed.message).toBe("datasets/arms/data.csv, row 2, value: expected a number but received nothing");
    expect(placed.cause).toBe(error);
  });
});
