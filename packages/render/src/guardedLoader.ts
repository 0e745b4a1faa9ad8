// Every way a spec reaches outside itself goes through a Vega loader: data
// URLs (literal, in a lookup, or built by a signal at run time) through
// load(), images through sanitize(uri, {context: "image"}), links on marks
// through sanitize(uri, {context: "href"}). This loader is the only one a
// render uses, so the rules below hold for every spec, Vega or Vega-Lite.
//
// Files are read synchronously: a load then settles before any timer Vega
// sets, so datasets arrive in the same order, in the same dataflow run, on
// every render. With asynchronous reads, which of two files came first
// changed from run to run, and so did what an interval selection over a map
// had selected (vega-lite's interactive_1d_geo_brush).
import { readFileSync } from "node:fs";
import type { Loader } from "vega";
import { ChartsError, displayPath, jsonPath, message, type Where } from "@charts/errors";
import { resolveLocal } from "./resolveLocal.ts";

export interface Access {
  /** The only folder data and images are read from; relative URLs resolve against it. */
  base: string;
  /** http(s) links on marks (`href`): kept when true (the default), refused when false. */
  links?: boolean;
  /** The setting that switched links off, named in the error. */
  linksSetting?: string;
  /** The JSON path of a URL in the spec, where it can be known (not for URLs built at run time). */
  locate?: (url: string) => string | undefined;
}

/** A Vega loader that also keeps what it refused, since Vega swallows image and link failures. */
export interface GuardedLoader extends Loader {
  refused: ChartsError[];
}

// Raster formats browsers and librsvg draw from a data URI, by their magic bytes.
const IMAGE_TYPES: Array<[string, (b: Buffer) => boolean]> = [
  ["image/png", (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ["image/jpeg", (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ["image/gif", (b) => /^GIF8[79]a/.test(b.subarray(0, 6).toString("latin1"))],
  ["image/webp", (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP"],
];

/**
 * The loader of every render:
 * - data: a file under `access.base` (see resolveLocal), read from its real
 *   path; no network, ever (`http()` refuses);
 * - images: the same files, PNG, JPEG, GIF or WebP, embedded as a data URI
 *   so the SVG stays self-contained;
 * - links: http: and https: only, or none when `access.links` is false.
 * Refusals are ChartsErrors naming the URL (and its JSON path where known);
 * data refusals reject the load, image and link refusals are kept in
 * `refused` for the render to throw, because Vega swallows them and would
 * crash on a refused link.
 */
export function guardedLoader(access: Access): GuardedLoader {
  const refused: ChartsError[] = [];
  const images = new Map<string, Promise<{ href: string }>>();
  const where = (url: string): Where => {
    const field = access.locate?.(url);
    return field ? { field } : {};
  };
  const refuse = (error: unknown): ChartsError => {
    const refusal = error instanceof ChartsError ? error : new ChartsError(String((error as Error)?.message ?? error));
    if (!refused.includes(refusal)) refused.push(refusal);
    return refusal;
  };

  const image = async (url: string): Promise<{ href: string }> => {
    const bytes = readFileSync(resolveLocal(url, access.base, where(url)));
    const type = IMAGE_TYPES.find(([, test]) => test(bytes))?.[0];
    if (!type) throw new ChartsError(message.imageFormat(url), where(url));
    return { href: `data:${type};base64,${bytes.toString("base64")}` };
  };

  const link = (href: string): { href: string | null } => {
    let url: URL | undefined;
    try {
      url = new URL(href);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
      refuse(new ChartsError(message.linkScheme(href), where(href)));
      return { href: null };
    }
    if (access.links === false) {
      refuse(new ChartsError(message.linksOff(href, access.linksSetting ?? "links are switched off"), where(href)));
      return { href: null };
    }
    return { href: url.href };
  };

  const loader = {
    options: {},
    refused,
    fileAccess: true,
    async sanitize(uri: string, options?: { context?: string }) {
      const context = options?.context;
      if (context === "href") return link(String(uri));
      if (context === "image") {
        const key = String(uri);
        let embedded = images.get(key);
        if (!embedded) images.set(key, (embedded = image(key)));
        return embedded.catch((error: unknown) => Promise.reject(refuse(error)));
      }
      const result = { href: resolveLocal(uri, access.base, where(uri)) };
      Object.defineProperty(result, "localFile", { value: true });
      return result;
    },
    async load(uri: string) {
      return readFileSync(resolveLocal(uri, access.base, where(uri))) as unknown as string; // Vega parses a Buffer as it parses its own file loader's
    },
    async file(path: string) {
      return readFileSync(resolveLocal(path, access.base, where(path))) as unknown as string;
    },
    async http(uri: string) {
      throw new ChartsError(message.urlNotLocal(uri, displayPath(access.base)), where(uri));
    },
  };
  return loader as unknown as GuardedLoader;
}

/**
 * The JSON path of the first string in `spec` equal to `value`, or undefined:
 * where a URL a loader received was written, e.g. `layer[1].data.url`.
 */
export function locateString(spec: unknown, value: string): string | undefined {
  const visit = (node: unknown, path: Array<string | number>): Array<string | number> | undefined => {
    if (node === value) return path;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const found = visit(node[i], [...path, i]);
        if (found) return found;
      }
    } else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        const found = visit(child, [...path, key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = visit(spec, []);
  return found && found.length ? jsonPath(found) : undefined;
}
