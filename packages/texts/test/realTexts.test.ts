// Runs the texts stage on the five scraped articles of the first story
// (/work/shared/texts, or CHARTS_TEXTS). Asserts on figures and junk only:
// the articles' sentences are not copied into this repository.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractFigures, findFigure, listTexts, readText, type Figure, type SourceText } from "../src/index.ts";

interface Label {
  text: string;
  at: number;
  figure: string;
  kind: string;
  value: number;
  unit: string;
  date?: string;
  vague?: boolean;
}
const labelled = JSON.parse(readFileSync(resolve(import.meta.dirname, "fixtures/figures.json"), "utf8")) as { names: string[]; figures: Label[] };

const dir = process.env.CHARTS_TEXTS ?? resolve(import.meta.dirname, "../../../../shared/texts");
const present = existsSync(dir);
if (!present) console.warn(`Skipping the real-text tests: no texts folder at ${dir} (set CHARTS_TEXTS).`);

describe.skipIf(!present)(`the real texts in ${dir}`, () => {
  const read = async () => Promise.all((await listTexts(dir)).map((id) => readText(dir, id)));
  const byId = async (prefix: string): Promise<SourceText> => {
    const id = (await listTexts(dir)).find((name) => name.startsWith(prefix));
    if (!id) throw new Error(`no text ${prefix}* in ${dir}`);
    return readText(dir, id);
  };

  it("are five texts, the README excluded", async () => {
    expect((await listTexts(dir)).map((id) => id.slice(0, 4))).toEqual(["000_", "001_", "002_", "003_", "004_"]);
  });

  it("lose every junk line and keep no broken entity or odd space", async () => {
    const junk = [
      /Leave a Comment/, /Required fields/, /Scroll to Top/, /Source link/, /Print Friendly/, /Post navigation/,
      /^Translate/m, /^Comment:/m, /Deposit Bonus/, /All rights of reproduction/, /cookies/, /^source site$/m,
      /[a-z]+grave;/, /\u00A0/, / {2}/,
    ];
    for (const text of await read()) {
      for (const pattern of junk) expect(text.clean, `${text.id} ${pattern}`).not.toMatch(pattern);
      expect(text.clean).toBe(text.clean.normalize("NFC"));
    }
  });

  it("text 004 states US$72 million for 2022 in one sentence, and the trade figures", async () => {
    const text = await byId("004_");
    const figures = extractFigures(text);
    const arms = figures.find((f) => f.text === "US$72 million");
    expect(arms).toMatchObject({ kind: "money", value: 72e6, unit: "USD" });
    expect(arms!.sentence.text).toMatch(/arms transfers/);
    expect(arms!.sentence.text).toMatch(/\b2022\b/);
    expect(figures.find((f) => f.text === "around US$1 billion")).toMatchObject({ value: 1e9, qualifier: "around" });
    expect(figures.filter((f) => f.kind === "money").map((f) => f.text)).toEqual([
      "US$3.6 billion", "US$171 billion", "US$111 billion", "US$72 billion", "around US$1 billion", "US$72 million",
    ]);
    expect(figures.find((f) => f.kind === "percent")).toMatchObject({ text: "19 per cent", value: 19 });
    // "COVID 19" names the pandemic; it is no count.
    expect(figures.some((f) => f.kind === "count" && f.value === 19)).toBe(false);
    expect(findFigure(text, "US$72 million", "arms transfers")).toHaveLength(1);
  });

  it("text 003's casino ad is not a figure", async () => {
    const text = await byId("003_");
    const figures = extractFigures(text);
    expect(figures.some((f) => f.unit === "EUR" || f.value === 3000 || f.value === 20000 || f.text.includes("%"))).toBe(false);
    expect(findFigure(text, "€3,000")).toEqual([]);
    expect(figures.find((f) => f.unit === "inhabitants")).toMatchObject({ text: "100 million inhabitants", value: 1e8 });
  });

  it("text 000 gives trade in dollars and Russia's share of arms imports", async () => {
    const figures = extractFigures(await byId("000_"));
    const texts = figures.map((f) => f.text);
    expect(texts).toEqual(expect.arrayContaining(["3.5 billion dollars", "175 billion USD", "123 billion USD", "$7.6 billion"]));
    expect(figures.find((f) => f.text === "more than 80%")).toMatchObject({ value: 80, qualifier: "more than" });
    expect(figures.find((f) => f.text === "1995 and 2023")).toMatchObject({ kind: "range", range: [1995, 2023] });
    // the years of the range are not listed again on their own
    expect(figures.filter((f) => f.kind === "year" && (f.value === 1995 || f.value === 2023) && f.text.length === 4)).toHaveLength(
      1, // 2023 also stands alone once, in brackets, in another sentence
    );
  });

  it("text 001 gives a share range, a count and a rank", async () => {
    const figures = extractFigures(await byId("001_"));
    expect(figures.find((f) => f.kind === "range" && f.unit === "%")).toMatchObject({ range: [60, 70], qualifier: "about" });
    expect(figures.find((f) => f.text === "six Kilo-class submarines")).toMatchObject({ value: 6 });
    expect(figures.find((f) => f.text === "sixth-highest")).toMatchObject({ kind: "ordinal", value: 6 });
  });

  it("never splits a sentence after Mr., M. or an initial", async () => {
    for (const text of await read()) {
      for (const sentence of text.sentences) {
        expect(sentence.text, text.id).not.toMatch(/(?:^|\s)(?:Mr|Mrs|Ms|Dr|M|\p{Lu})\.$/u);
        expect(text.clean.slice(sentence.start, sentence.end)).toBe(sentence.text);
      }
    }
  });

  it("gives every figure a sentence that contains it", async () => {
    for (const text of await read()) {
      for (const figure of extractFigures(text)) {
        expect(figure.start).toBeGreaterThanOrEqual(figure.sentence.start);
        expect(figure.end).toBeLessThanOrEqual(figure.sentence.end);
      }
    }
  });

  // The hand-labelled figures of test/fixtures/figures.json (its description gives the rules).
  it("extractFigures finds the hand-labelled figures with precision and recall above 0.9", async () => {
    const key = (text: string, f: Pick<Label, "at" | "figure" | "kind" | "value" | "unit" | "date" | "vague">) =>
      JSON.stringify([text, f.at, f.figure, f.kind, f.value, f.unit, f.date ?? null, f.vague === true]);
    const expected = new Set<string>();
    const found = new Set<string>();
    for (const text of await read()) {
      for (const label of labelled.figures.filter((l) => l.text === text.id)) {
        // Every label stands where it says, in the cleaned text.
        expect(text.clean.slice(label.at, label.at + label.figure.length), `${text.id} @${label.at}`).toBe(label.figure);
        expected.add(key(text.id, label));
      }
      for (const figure of extractFigures(text, { names: labelled.names })) found.add(key(text.id, asLabel(figure)));
    }
    const hits = [...found].filter((k) => expected.has(k)).length;
    const precision = hits / found.size;
    const recall = hits / expected.size;
    console.log(`extractFigures on the five texts: ${expected.size} labelled, ${found.size} found, ${hits} right: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    console.log(`  found, not labelled: ${[...found].filter((k) => !expected.has(k)).join(" ")}`);
    console.log(`  labelled, not found: ${[...expected].filter((k) => !found.has(k)).join(" ")}`);
    expect(expected.size).toBeGreaterThan(50);
    expect(precision).toBeGreaterThan(0.9);
    expect(recall).toBeGreaterThan(0.9);
  });
});

function asLabel(figure: Figure): Omit<Label, "text"> {
  return { at: figure.start, figure: figure.text, kind: figure.kind, value: figure.value, unit: figure.unit, date: figure.date, vague: figure.vague };
}
