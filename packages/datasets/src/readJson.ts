import { readFile } from "node:fs/promises";
import { ChartsError } from "@charts/errors";

/** Reads and parses a JSON file; errors name the file as `shown`. */
export async function readJson(path: string, shown: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ChartsError("no such file", { file: shown }, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ChartsError(`expected valid JSON but could not parse it: ${(error as Error).message}`, { file: shown }, { cause: error });
  }
}
