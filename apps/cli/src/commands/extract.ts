import { readFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import { ChartsError } from "@charts/errors";
import { extractFigures, sourceText, type Figure } from "@charts/texts";

/** `charts extract FILE`: every figure the text states, with its sentence. */
export async function extract(file: string, options: { json?: boolean }): Promise<void> {
  const path = resolve(file);
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    throw new ChartsError(`cannot read the text: ${(error as NodeJS.ErrnoException).code ?? error}`, { file }, { cause: error });
  }
  const text = sourceText(basename(path, extname(path)), path, raw);
  const figures = extractFigures(text);
  if (options.json) {
    console.log(JSON.stringify(figures.map(({ sentence, ...figure }) => ({ ...figure, sentence: sentence.text })), null, 2));
    return;
  }
  console.log(`${text.id}: ${figures.length} figures in ${text.sentences.length} sentences\n`);
  let last = -1;
  for (const figure of figures) {
    if (figure.sentence.index !== last) {
      last = figure.sentence.index;
      console.log(`  [${last + 1}] ${figure.sentence.text}`);
    }
    console.log(`      ${describeFigure(figure)}`);
  }
}

function describeFigure(figure: Figure): string {
  const value = figure.range ? `${figure.range[0]}-${figure.range[1]}` : String(figure.value);
  const qualifier = figure.qualifier ? ` (${figure.qualifier})` : "";
  return `${figure.kind.padEnd(8)} ${JSON.stringify(figure.text).padEnd(28)} = ${value} ${figure.unit}${qualifier}`;
}
