import type { Spec } from "vega";
import { jsonPath } from "@charts/errors";
import { vegaModules } from "./loadVega.ts";

// Keys whose string values Vega-Lite or Vega parse as expressions.
const EXPRESSION_KEYS = new Set(["calculate", "filter", "test", "expr", "update", "init", "signal"]);

/**
 * Vega's parser names what it could not read ("Illegal callee type:
 * CallExpression", "Unrecognized function: foo", "Unexpected end of input")
 * but not where. The JSON path of the expression that fails with the same
 * message, found by parsing each expression of the spec on its own (its
 * syntax, then as Vega parses it in a signal), or undefined when no single
 * expression explains it.
 *
 * @example locateExpression({ transform: [{ calculate: "datum.b()()", as: "c" }] }, "Illegal callee type: CallExpression") // "transform[0].calculate"
 */
export function locateExpression(spec: object, reason: string): string | undefined {
  const { vega } = vegaModules();
  const quoted = /^Expression parse error: ([^]*)$/.exec(reason)?.[1];
  const fails = (parse: () => unknown) => {
    try {
      parse();
      return false;
    } catch (error) {
      return (error as Error).message === reason;
    }
  };
  for (const [path, expression] of expressions(spec)) {
    if (
      expression === quoted ||
      fails(() => vega.parseExpression(expression)) ||
      fails(() => vega.parse({ signals: [{ name: "probe", update: expression }] } as Spec, undefined, { ast: true }))
    ) {
      return jsonPath(path);
    }
  }
  return undefined;
}

/** Every [path, string] under an expression key, in document order. */
function expressions(spec: object): Array<[Array<string | number>, string]> {
  const found: Array<[Array<string | number>, string]> = [];
  const visit = (node: unknown, path: Array<string | number>): void => {
    if (Array.isArray(node)) node.forEach((child, i) => visit(child, [...path, i]));
    else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        if (typeof child === "string" && EXPRESSION_KEYS.has(key)) found.push([[...path, key], child]);
        else if (key !== "values") visit(child, [...path, key]);
      }
    }
  };
  visit(spec, []);
  return found;
}
