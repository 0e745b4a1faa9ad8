// Vega compiles expressions (signals, filters, calculate, encodings) to
// JavaScript and runs them through the Function constructor. Renders use
// Vega's CSP-safe interpreter instead (vega-interpreter: `parse(spec, config,
// {ast: true})` + `new View(runtime, {expr})`), which walks the expression's
// syntax tree and never generates code. On top of it, an expression that
// names a property leading out of the data (`constructor`, `__proto__`,
// `prototype`, ...) is refused before it runs, with a ChartsError instead of
// the interpreter's console message.
import { expressionInterpreter } from "vega-interpreter";
import { ChartsError, message } from "@charts/errors";

const REFUSED = new Set([
  "constructor",
  "__proto__",
  "prototype",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

interface Node {
  type: string;
  name?: string;
  value?: unknown;
  computed?: boolean;
  property?: Node;
  [key: string]: unknown;
}

/** Throws a ChartsError for a member access to a refused property anywhere in an expression's syntax tree. */
export function assertSafeExpression(ast: unknown): void {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== "object") return;
    const n = node as Node;
    if (n.type === "MemberExpression" && n.property) {
      const name = n.computed ? (n.property.type === "Literal" ? String(n.property.value) : undefined) : n.property.name;
      if (name !== undefined && REFUSED.has(name)) throw new ChartsError(message.expressionRefused(`reads the property ${JSON.stringify(name)}`));
    }
    for (const [key, child] of Object.entries(n)) if (key !== "type") visit(child);
  };
  visit(ast);
}

type Interpreter = typeof expressionInterpreter;
type Expr = { ast?: unknown };

/** vega-interpreter with every expression checked by assertSafeExpression first; pass as the View's `expr`. */
export const safeExpressions: Interpreter = {
  operator: (ctx: unknown, expr: Expr) => (assertSafeExpression(expr.ast), expressionInterpreter.operator(ctx, expr)),
  parameter: (ctx: unknown, expr: Expr) => (assertSafeExpression(expr.ast), expressionInterpreter.parameter(ctx, expr)),
  event: (ctx: unknown, expr: Expr) => (assertSafeExpression(expr.ast), expressionInterpreter.event(ctx, expr)),
  handler: (ctx: unknown, expr: Expr) => (assertSafeExpression(expr.ast), expressionInterpreter.handler(ctx, expr)),
  encode: (ctx: unknown, encode: { channels: Record<string, Expr> }) => {
    for (const channel of Object.values(encode.channels ?? {})) assertSafeExpression(channel.ast);
    return expressionInterpreter.encode(ctx, encode);
  },
};

/**
 * Functions whose vega-interpreter fallback disagrees with the codegen Vega
 * documents; setupRenderer registers these (vega.expressionFunction), which the
 * interpreter finds first. `datetime(timestamp)`: the interpreter reads a lone
 * number as a year (Invalid Date, and a temporal axis without ticks); Vega's
 * codegen writes `new Date(...args)`.
 */
export const interpreterFixes: Record<string, (...args: never[]) => unknown> = {
  datetime: (...args: ConstructorParameters<typeof Date>) => new Date(...args),
};
