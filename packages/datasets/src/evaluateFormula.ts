import { ChartsError, invalid, type Where } from "@charts/errors";

const EXPECTED = 'a formula of numbers, the variable figure, + - * / and parentheses, such as "2 * figure"';
const TOKEN = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|(figure)\b|([-+*/()]))/y;

type Token = { kind: "number"; value: number } | { kind: "figure" } | { kind: "operator"; value: string };
type Node = (figure: number) => number;

/**
 * Evaluates the formula of a derived row with `figure` bound to the figure's
 * value. A tiny recursive-descent parser: numbers, `figure`, `+ - * /`, unary
 * minus and parentheses, nothing else (no eval, no Function).
 *
 * @throws ChartsError via `invalid` for anything else, or when the result is not finite.
 * @example evaluateFormula("2 * figure", 3.6) // 7.2
 */
export function evaluateFormula(formula: string, figure: number, where: Where = {}): number {
  const value = compileFormula(formula, where)(figure);
  if (!Number.isFinite(value)) throw new ChartsError(`formula "${formula}" gives ${value} for figure ${figure}`, where);
  return value;
}

/** Parses a formula into a function of `figure`; throws on a syntax error. */
export function compileFormula(formula: string, where: Where = {}): (figure: number) => number {
  const fail = (): never => {
    throw invalid(where, EXPECTED, formula);
  };
  const tokens = tokenize(formula, fail);
  let position = 0;
  const isOperator = (token: Token | undefined, ...values: string[]) =>
    token?.kind === "operator" && values.includes(token.value);

  const expression = (): Node => {
    let node = term();
    while (isOperator(tokens[position], "+", "-")) {
      const operator = (tokens[position++] as { value: string }).value;
      const [left, right] = [node, term()];
      node = operator === "+" ? (f) => left(f) + right(f) : (f) => left(f) - right(f);
    }
    return node;
  };
  const term = (): Node => {
    let node = factor();
    while (isOperator(tokens[position], "*", "/")) {
      const operator = (tokens[position++] as { value: string }).value;
      const [left, right] = [node, factor()];
      node = operator === "*" ? (f) => left(f) * right(f) : (f) => left(f) / right(f);
    }
    return node;
  };
  const factor = (): Node => {
    const token = tokens[position++];
    if (!token) return fail();
    if (token.kind === "number") return () => token.value;
    if (token.kind === "figure") return (f) => f;
    if (token.value === "-") {
      const inner = factor();
      return (f) => -inner(f);
    }
    if (token.value === "+") return factor();
    if (token.value === "(") {
      const inner = expression();
      if (!isOperator(tokens[position++], ")")) fail();
      return inner;
    }
    return fail();
  };

  const node = expression();
  if (position !== tokens.length) fail();
  return node;
}

function tokenize(formula: string, fail: () => never): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (!/^\s*$/.test(formula.slice(position))) {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(formula);
    if (!match) fail();
    else {
      if (match[1] !== undefined) tokens.push({ kind: "number", value: Number(match[1]) });
      else if (match[2] !== undefined) tokens.push({ kind: "figure" });
      else tokens.push({ kind: "operator", value: match[3]! });
      position = TOKEN.lastIndex;
    }
  }
  if (!tokens.length) fail();
  return tokens;
}
