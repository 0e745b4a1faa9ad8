import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { ChartsError } from "@charts/errors";
import type { Loader } from "vega";
import { vegaModules } from "./loadVega.ts";

/**
 * A Vega loader that reads local files only, relative to `base` (a folder,
 * default the working directory). Any URL with a scheme other than file:,
 * or a protocol-relative one, is refused: renders are deterministic and
 * offline.
 */
export function localLoader(base: string = process.cwd()): Loader {
  const { vega } = vegaModules();
  const baseURL = base.startsWith("file:") ? base : pathToFileURL(resolve(base) + "/").href;
  const loader = vega.loader({ baseURL, mode: "file" });
  const sanitize = loader.sanitize.bind(loader);
  loader.sanitize = (uri, options) => {
    if (/^\s*\/\//.test(uri) || (/^\s*[a-z][a-z0-9+.-]*:/i.test(uri) && !/^\s*file:/i.test(uri))) {
      return Promise.reject(
        new ChartsError(
          `data URL ${JSON.stringify(uri)} is not a local file: charts read local data only (inline the values or give a file path)`,
        ),
      );
    }
    return sanitize(uri, options);
  };
  return loader;
}
