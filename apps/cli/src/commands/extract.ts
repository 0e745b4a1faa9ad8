import { existsSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { loadSources } from "@charts/datasets";
import { ChartsError, invalid, message, type Limits } from "@charts/errors";
import { extractFigures, listTexts, readText, readUtf8, sourceText, type Figure, type SourceText } from "@charts/texts";
import { findConfig, loadConfig, type Config } from "../config.ts";
import { writeStarterDataset } from "./starterDataset.ts";

export interface ExtractOptions {
  json?: boolean;
  texts?: string;
  config?: string;
  /** Write a starter dataset of this name from the picked figures. */
  dataset?: string;
  /** Figure numbers as printed ("3,5,8"). */
  pick?: string;
}

/**
 * `charts extract TEXT`: every figure a text states, numbered, with its
 * sentence. TEXT is a file, or the id of a text in the project's texts
 * folder (`charts extract 004_e411960df6774cf9`). Publishers' names from
 * sources.json are not read as figures. With `--dataset NAME --pick 3,5,8`
 * the picked figures become a starter datasets/NAME/ (see starterDataset).
 */
export async function extract(input: string, options: ExtractOptions): Promise<void> {
  // A path ("texts/a.txt", "../shared/texts/004_e411960df6774cf9.txt") is read as a file; a bare id from the texts folder.
  const isFile = existsSync(input) || /[/\\]|\.txt$/.test(input);
  const config = isFile && !options.dataset ? tryConfig(options) : loadConfig({ file: options.config, texts: options.texts });
  const text = isFile ? await readFileText(input, config?.limits) : await readTextById(input, config!);
  const names = config && existsSync(config.sources) ? [...(await loadSources(config.sources, { root: config.root })).values()].map((s) => s.publisher) : [];
  const figures = extractFigures(text, { names });
  if (options.dataset !== undefined || options.pick !== undefined) {
    if (!options.dataset || !options.pick) throw new ChartsError(message.pickTogether(), { field: options.dataset ? "--pick" : "--dataset" });
    const picked = pick(figures, options.pick);
    const written = await writeStarterDataset(config!, options.dataset, text, picked, figures);
    console.log(`wrote ${written.files.join(" and ")}: ${picked.length} rows in ${written.unit ?? "their own units"}; run charts check`);
    return;
  }
  if (options.json) {
    console.log(JSON.stringify(figures.map(({ sentence, ...figure }, i) => ({ number: i + 1, ...figure, sentence: sentence.text })), null, 2));
    return;
  }
  console.log(`${text.id}: ${figures.length} figures in ${text.sentences.length} sentences\n`);
  let last = -1;
  figures.forEach((figure, i) => {
    if (figure.sentence.index !== last) {
      last = figure.sentence.index;
      console.log(`  [${last + 1}] ${figure.sentence.text}`);
    }
    console.log(`   ${`#${i + 1}`.padStart(4)}  ${describeFigure(figure)}`);
  });
  console.log(`\nPick figures into a new dataset: charts extract ${text.id} --dataset NAME --pick 1,2,3`);
}

/** The project's config when there is one (a file can be extracted outside a project); a broken one is an error. */
function tryConfig(options: ExtractOptions): Config | undefined {
  if (!options.config && !findConfig(process.cwd())) return undefined;
  return loadConfig({ file: options.config, texts: options.texts });
}

/** A text given as a file: read through readUtf8 (limits.textBytes, UTF-8, no control characters), so a binary file is refused, not mined for "figures". */
async function readFileText(file: string, limits: Partial<Limits> | undefined): Promise<SourceText> {
  const path = resolve(file);
  return sourceText(basename(path, extname(path)), path, await readUtf8(path, { shown: file, limit: "textBytes", limits }));
}

async function readTextById(id: string, config: Config): Promise<SourceText> {
  const known = existsSync(config.texts) ? await listTexts(config.texts) : [];
  if (!known.includes(id)) throw invalid({ field: "text" }, message.expectedText(config.texts, known), id);
  return readText(config.texts, id, config.limits);
}

/** The figures numbered as printed: "3,5,8" -> the 3rd, 5th and 8th. */
function pick(figures: Figure[], list: string): Array<{ number: number; figure: Figure }> {
  const numbers = list.split(",").map((part) => part.trim());
  if (!numbers.every((n) => /^\d+$/.test(n) && Number(n) >= 1 && Number(n) <= figures.length)) {
    throw invalid({ field: "--pick" }, message.expectedPicks(figures.length), list);
  }
  return [...new Set(numbers.map(Number))].map((number) => ({ number, figure: figures[number - 1]! }));
}

function describeFigure(figure: Figure): string {
  const value = figure.date ?? (figure.range ? `${figure.range[0]}-${figure.range[1]}` : String(figure.value));
  const notes = [figure.qualifier, figure.vague ? "vague" : undefined].filter(Boolean).join(", ");
  return `${figure.kind.padEnd(8)} ${JSON.stringify(figure.text).padEnd(28)} = ${value} ${figure.unit}${notes ? ` (${notes})` : ""}`;
}
