// The project's folders come from charts.config.json at the project root, so a
// desk can move texts or output without touching code; the texts folder can be
// overridden per run (--texts) or per machine (CHARTS_TEXTS).
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
// the light entry points: reading the config must not load the stages (a no-op build never does)
import { parseJson } from "@charts/datasets/readJson";
import { ChartsError, DEFAULT_LIMITS, displayPath, invalid, limitSetting, message, type Limits } from "@charts/errors";
import { DEFAULT_SEED, isSeed } from "@charts/render/seed";

export const CONFIG_FILE = "charts.config.json";

export interface Config {
  /** Folder holding charts.config.json. */
  root: string;
  texts: string;
  datasets: string;
  sources: string;
  charts: string;
  out: string;
  /**
   * Where the build keeps what it can reuse: font subsets, compiled validators, the figure check of
   * each dataset, the last build's fingerprint. Default beside the publish folder: `dist/.charts.cache`.
   * Everything in it is keyed by the hash of what it was made from; deleting it only costs time.
   */
  cache: string;
  /** Prefix of file URLs in embed snippets: where the CMS fetches published files (default `/charts/`, the service's route). */
  baseUrl?: string;
  /** Whether charts may carry http(s) links on marks (`href`); `"allowLinks": false` refuses them. Default true. */
  allowLinks: boolean;
  /** What a bad input may not exceed (`limits` in the file, each key optional): DEFAULT_LIMITS of @charts/errors, raised or lowered. */
  limits: Limits;
  /** The widths every chart is drawn at (a definition's `breakpoints` or `width` replace them), narrowest first. */
  breakpoints: number[];
  /**
   * `lint` as the file writes it (each rule optional), and the file: read into every rule's severity and
   * thresholds by lintSettings (build/lintSettings.ts) where charts are linted, so reading the config does
   * not load the linter's rules (a no-op build never does).
   */
  lint: { value: unknown; file: string };
}

/** The desk's breakpoints when charts.config.json names none: a phone, an article column, a wide page. */
export const DEFAULT_BREAKPOINTS = [320, 600, 1000];

/** Names the switch in errors about links. */
export const LINKS_SETTING = `"allowLinks": false in ${CONFIG_FILE}`;

const KEYS = ["texts", "datasets", "sources", "charts", "out"] as const;

/** Finds charts.config.json from `start` upwards (or reads `file`) and resolves its folders. */
export function loadConfig(options: { start?: string; file?: string; texts?: string; out?: string } = {}): Config {
  const start = options.start ?? process.cwd();
  const file = options.file ? resolve(options.file) : findConfig(start);
  if (!file) throw new ChartsError(message.noConfig(CONFIG_FILE, start));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new ChartsError(message.configUnreadable((error as NodeJS.ErrnoException).code ?? String(error)), { file }, { cause: error });
  }
  const parsed = parseJson(text, { file });
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw invalid({ file }, message.expectedConfig(), parsed);
  const json = parsed as Record<string, unknown>;
  const root = dirname(file);
  const config = { root } as Config;
  for (const key of KEYS) {
    const value = json[key];
    if (typeof value !== "string" || value === "") throw invalid({ file, field: key }, message.expectedFolderPath(), value);
    config[key] = resolve(root, value);
  }
  if (json.cache !== undefined && (typeof json.cache !== "string" || json.cache === "")) throw invalid({ file, field: "cache" }, message.expectedFolderPath(), json.cache);
  if (json.baseUrl !== undefined) {
    if (typeof json.baseUrl !== "string" || !json.baseUrl.endsWith("/")) throw invalid({ file, field: "baseUrl" }, message.expectedBaseUrl(), json.baseUrl);
    config.baseUrl = json.baseUrl;
  }
  if (json.allowLinks !== undefined && typeof json.allowLinks !== "boolean") throw invalid({ file, field: "allowLinks" }, message.expectedBoolean(), json.allowLinks);
  config.allowLinks = json.allowLinks !== false;
  config.limits = readLimits(json.limits, file);
  config.breakpoints = readBreakpoints(json.breakpoints, file);
  config.lint = { value: json.lint, file };
  const texts = options.texts ?? process.env.CHARTS_TEXTS;
  if (texts) config.texts = resolve(texts);
  if (options.out) config.out = resolve(options.out);
  config.cache = typeof json.cache === "string" ? resolve(root, json.cache) : join(dirname(config.out), `.${basename(config.out)}.cache`);
  return config;
}

/**
 * `limits` of charts.config.json: any of the keys of DEFAULT_LIMITS, each a
 * whole number above 0; what it leaves out keeps its default.
 *
 * @example "limits": { "datasetRows": 50000, "plotPixels": 100000000 }
 */
function readLimits(value: unknown, file: string): Limits {
  if (value === undefined) return { ...DEFAULT_LIMITS };
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalid({ file, field: "limits" }, message.expectedLimits(Object.keys(DEFAULT_LIMITS)), value);
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [key, limit] of Object.entries(value)) {
    if (!Object.hasOwn(DEFAULT_LIMITS, key)) throw invalid({ file, field: `limits.${key}` }, message.expectedLimitName(Object.keys(DEFAULT_LIMITS)), key);
    if (!Number.isSafeInteger(limit) || (limit as number) < 1) throw invalid({ file, field: limitSetting(key as keyof Limits) }, message.expectedLimitValue(), limit);
    limits[key as keyof Limits] = limit as number;
  }
  return limits;
}

/** `"breakpoints": [320, 600, 1000]`: different whole widths from 200 to 2000 px, as chart definitions take them. */
function readBreakpoints(value: unknown, file: string): number[] {
  if (value === undefined) return DEFAULT_BREAKPOINTS;
  const width = (w: unknown) => Number.isInteger(w) && (w as number) >= 200 && (w as number) <= 2000;
  if (!Array.isArray(value) || !value.length || !value.every(width) || new Set(value).size !== value.length) {
    throw invalid({ file, field: "breakpoints" }, message.expectedBreakpoints(), value);
  }
  return [...(value as number[])].sort((a, b) => a - b);
}

/** charts.config.json in `start` or the nearest folder above it, or undefined outside a project. */
export function findConfig(start: string): string | undefined {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, CONFIG_FILE);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/** A path as the user should read it: relative to the project root when inside it. */
export function display(config: Config, path: string): string {
  return displayPath(path, config.root);
}

/** The `--seed` option: a whole number from 0 to 2^32 - 1, default DEFAULT_SEED. */
export function parseSeed(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SEED;
  const seed = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!isSeed(seed)) throw new ChartsError(message.seed(value), { field: "--seed" });
  return seed;
}

/** One part of a build split across machines: shard `index` of `count`, from 1. */
export interface Shard {
  index: number;
  count: number;
}

/** `--shard I/N`: the I-th of N parts, 1 <= I <= N. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1) || !(index >= 1) || index > count) throw invalid({ field: "--shard" }, message.expectedShard(), value);
  return { index, count };
}

/**
 * The clock of the manifest's dates: `--now` (an ISO date and time), else
 * SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention),
 * else undefined (the real clock). Two builds with the same clock and inputs
 * publish byte-identical releases.
 */
export function parseNow(value: string | undefined): Date | undefined {
  if (value !== undefined) {
    const date = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) throw invalid({ field: "--now" }, message.expectedNow(), value);
    return date;
  }
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === "") return undefined;
  if (!/^\d+$/.test(epoch)) throw invalid({ field: "SOURCE_DATE_EPOCH" }, message.expectedEpoch(), epoch);
  return new Date(Number(epoch) * 1000);
}
