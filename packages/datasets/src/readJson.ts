import { ChartsError, checkLimit, jsonPath, limitOf, message, type Limits, type Where } from "@charts/errors";
import { readUtf8 } from "@charts/texts";

/**
 * Reads a JSON file a desk wrote (dataset.json, sources.json, a chart
 * definition, a spec for `charts render`) through readUtf8 (at most
 * `limits.definitionBytes`, UTF-8, no control characters), then parseJson.
 * Errors name the file as `shown`.
 *
 * @example const json = await readJson("datasets/x/dataset.json", "datasets/x/dataset.json", limits)
 */
export async function readJson(path: string, shown: string, limits?: Partial<Limits>): Promise<unknown> {
  return parseJson(await readUtf8(path, { shown, limit: "definitionBytes", limits }), { file: shown }, limits);
}

/**
 * JSON text -> value, refusing what JSON.parse lets through silently or what
 * would crash a later stage: a key written twice in one object (JSON.parse
 * keeps the last one and drops the first without a word) and nesting deeper
 * than `limits.jsonDepth` (structuredClone, the schema validators and the
 * walkers of later stages recurse, and would overflow the stack). Both are
 * found by one linear scan of the text, before the value is used.
 *
 * @throws ChartsError: the parser's message, or the JSON path of the duplicate key or of the deep value.
 */
export function parseJson(text: string, where: Where, limits?: Partial<Limits>): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ChartsError(message.invalidJson((error as Error).message), where, { cause: error });
  }
  const scan = scanJson(text, limitOf(limits, "jsonDepth"));
  if (scan.duplicate) throw new ChartsError(message.duplicateKey(scan.duplicate.key), { ...where, field: jsonPath([...scan.duplicate.path, scan.duplicate.key]) });
  checkLimit("jsonDepth", scan.depth, { ...where, ...deepField(scan.deepPath) }, limits);
  return value;
}

/**
 * Throws when a parsed value nests deeper than `limits.jsonDepth`: for
 * definitions handed to a stage as objects rather than read from a file.
 * Iterative, so a value of any depth is measured without recursing.
 */
export function checkDepth(value: unknown, where: Where, limits?: Partial<Limits>, prefix: Array<string | number> = []): void {
  const limit = limitOf(limits, "jsonDepth");
  let depth = 0;
  let deepPath: Array<string | number> | undefined;
  const stack: Array<{ node: unknown; path: Array<string | number> }> = [{ node: value, path: prefix }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    const level = path.length - prefix.length + 1;
    if (level > depth) depth = level;
    if (level > limit && !deepPath) deepPath = path;
    for (const [key, child] of Object.entries(node)) {
      stack.push({ node: child, path: [...path, Array.isArray(node) ? Number(key) : key] });
    }
    if (deepPath && depth > limit * 4) break; // deep enough to say so; the rest would only cost time
  }
  checkLimit("jsonDepth", depth, { ...where, ...deepField(deepPath) }, limits, depth > limit * 4 ? `more than ${limit * 4}` : undefined);
}

/** The JSON path of a too-deep value, shortened: its first steps say where to look. */
function deepField(path: Array<string | number> | undefined): { field?: string } {
  if (!path?.length) return {};
  return { field: path.length > 6 ? `${jsonPath(path.slice(0, 6))}...` : jsonPath(path) };
}

interface Scan {
  depth: number;
  /** The path of the first container deeper than the limit. */
  deepPath?: Array<string | number>;
  duplicate?: { path: Array<string | number>; key: string };
}

/** One pass over valid JSON text: its nesting depth and its first duplicate key. */
function scanJson(text: string, limit: number): Scan {
  // One frame per open container: its keys so far and the last (objects) or its next index (arrays), and its key in its parent.
  const stack: Array<{ keys?: Set<string>; last?: string; index: number; expectKey: boolean; key?: string | number }> = [];
  const pathOf = () => stack.slice(1).map((frame) => frame.key!);
  let depth = 0;
  let deepPath: Array<string | number> | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack.at(-1);
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return { depth, duplicate: { path: pathOf(), key } };
        top.keys.add(key);
        top.expectKey = false;
        top.last = key;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      const parent = stack.at(-1);
      const key = parent ? (parent.keys ? parent.last : parent.index) : undefined;
      stack.push({ ...(c === "{" ? { keys: new Set<string>() } : {}), index: 0, expectKey: c === "{", ...(key !== undefined ? { key } : {}) });
      if (stack.length > depth) depth = stack.length;
      if (stack.length > limit && !deepPath) deepPath = [...pathOf()];
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const top = stack.at(-1)!;
      if (top.keys) top.expectKey = true;
      else top.index += 1;
    }
  }
  return { depth, ...(deepPath ? { deepPath } : {}) };
}
