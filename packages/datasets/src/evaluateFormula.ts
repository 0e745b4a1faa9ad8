import { ChartsError, checkLimit, invalid, message, type Limits, type Where } from "@charts/errors";

const TOKEN = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|(figure)\b|([-+*/()]))/y;

type Token = { kind: "number"; value: number } | { kind: "figure" } | { kind: "operator"; value: string };
type Node = (figure: number) => number;

/**
 * Evaluates the formula of a derived row with `figure` bound to the figure's
 * value. A tiny recursive-descent parser: numbers, `figure`, `+ - * /`, unary
 * minus and parentheses, nothing else (no eval, no Function). Its length and
 * nesting are limited (`limits.formulaLength`, `limits.formulaDepth`), checked
 * before and while parsing, so no formula can overflow the stack.
 *
 * @throws ChartsError via `invalid` for anything else, over a limit, or when the result is not finite.
 * @example evaluateFormula("2 * figure", 3.6) // 7.2
 */
export function evaluateFormula(formula: string, figure: number, where: Where = {}, limits?: Partial<Limits>): number {
  const value = compileFormula(formula, where, limits)(figure);
  if (!Number.isFinite(value)) throw new ChartsError(message.formulaNotFinite(formula, value, figure), where);
  return value;
}

/** Parses a formula into a function of `figure`; throws on a syntax error or over a limit. */
export function compileFormula(formula: string, where: Where = {}, limits?: Partial<Limits>): (figure: number) => number {
  checkLimit("formulaLength", formula.length, where, limits);
  const fail = (): never => {
    throw invalid(where, message.expectedFormula(), formula);
  };
  const tokens = tokenize(formula, fail);
  checkLimit("formulaDepth", nesting(tokens), where, limits);
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

/**
 * How deep the parser will recurse: each parenthesis, and each sign before an
 * operand ("- - figure"), opens a level until its operand ends. Counted on the
 * tokens before parsing, never less than the parser's depth, even for a
 * formula that will not parse.
 */
function nesting(tokens: Token[]): number {
  const open: Array<"(" | "sign"> = [];
  let deepest = 0;
  let operand = true; // whether the next token stands where an operand goes
  const closeSigns = () => {
    while (open.at(-1) === "sign") open.pop();
  };
  for (const token of tokens) {
    if (token.kind !== "operator") {
      closeSigns();
      operand = false;
    } else if (token.value === "(" || (operand && (token.value === "-" || token.value === "+"))) {
      open.push(token.value === "(" ? "(" : "sign");
      deepest = Math.max(deepest, open.length);
      operand = true;
    } else if (token.value === ")") {
      closeSigns();
      if (open.at(-1) === "(") open.pop();
      closeSigns();
      operand = false;
    } else {
      operand = true;
    }
  }
  return deepest;
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
