// The one rule for which file a URL in a spec may name. Data, images and
// anything a Vega signal builds at run time all come through here (see
// guardedLoader), so a chart can read the folder it was given and nothing else.
import { realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { ChartsError, displayPath, message, type Where } from "@charts/errors";

// A scheme (file:, http:, data:, javascript:, C:) or a protocol-relative //host.
const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;
// Characters that could make the path mean something else once decoded or
// normalised by another layer: %-encoding (%2e%2e, %252e), backslashes,
// control characters (NUL included).
// eslint-disable-next-line no-control-regex
const AMBIGUOUS = /[%\\\u0000-\u001f\u007f]/;

/**
 * The real path (symbolic links resolved) of the file `url` names, if it lies
 * inside `root` (itself taken as its real path); else a ChartsError with the
 * URL received and the folder allowed. `url` is a path relative to `root`, or
 * an absolute path inside it; never a URL with a scheme, a protocol-relative
 * URL, an encoded path, or one that leaves the folder through `../` or a
 * symbolic link.
 *
 * Synchronous on purpose: see guardedLoader.
 *
 * @example resolveLocal("trade.csv", "datasets/trade") // "/abs/datasets/trade/trade.csv"
 */
export function resolveLocal(url: unknown, root: string, where: Where = {}): string {
  if (typeof url !== "string" || url === "") throw new ChartsError(message.invalid("a file path", url), where);
  const allowed = displayPath(root);
  if (AMBIGUOUS.test(url) || url.trim() !== url) throw new ChartsError(message.urlEncoded(url), where);
  if (SCHEME.test(url)) throw new ChartsError(message.urlNotLocal(url, allowed), where);
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch (error) {
    throw new ChartsError(message.unreadable(url, `the folder ${allowed} cannot be read (${(error as NodeJS.ErrnoException).code})`), where, {
      cause: error,
    });
  }
  const path = resolve(realRoot, url);
  if (!isInside(realRoot, path)) throw new ChartsError(message.pathOutsideRoot(url, path, allowed), where);
  let real: string;
  try {
    real = realpathSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ChartsError(message.unreadable(url, code === "ENOENT" ? `no file ${displayPath(path)} (ENOENT)` : String(code)), where, {
      cause: error,
    });
  }
  if (!isInside(realRoot, real)) throw new ChartsError(message.pathOutsideRoot(url, real, allowed), where);
  if (!statSync(real).isFile()) throw new ChartsError(message.unreadable(url, `${displayPath(real)} is not a file`), where);
  return real;
}

/** Whether `path` is `root` or below it (both absolute and normalised). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (rel.split(sep)[0] !== ".." && !isAbsolute(rel));
}
