// A synthetic story in the project's own format, for the benchmark: N charts,
// each with its dataset (rows citing a generated text, so the build checks every
// figure as it does for a real story), in a mix of chart types at realistic
// sizes. Seeded: the same seed and N give the same files, byte for byte.
//
//   generateStory(dir, { charts: 200, seed: 1 })
//     dir/charts.config.json
//     dir/texts/<id>.txt            one short generated article per 10 charts
//     dir/datasets/sources.json
//     dir/datasets/<name>/          dataset.json + data.csv (with provenance)
//     dir/charts/<slug>.chart.json  horizontal bars, yearly lines, labelled bars
//
//   changeFigure(story, i)   edits one figure of dataset i and the sentence quoting it
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export interface StoryOptions {
  charts: number;
  seed?: number;
}

export interface Story {
  dir: string;
  slugs: string[];
  /** Dataset names, in generation order; dataset i is drawn by chart i. */
  datasets: string[];
}

const PLACES = [
  "Aldmoor", "Brisca", "Caldera", "Dunmere", "Eskor", "Farrow", "Galen", "Hollin", "Istra", "Jorvik",
  "Kestrel", "Lindqvist", "Morrow", "Norland", "Ostrava", "Pellam", "Quarry", "Rasmus", "Solway", "Tarn",
];
const GOODS = ["rice", "coffee", "steel", "textiles", "electronics", "timber", "seafood", "rubber", "cement", "fertiliser"];
const MEASURES = [
  { noun: "exports", column: "exports_usd_m", unit: "USD million", dek: "US$ million" },
  { noun: "imports", column: "imports_usd_m", unit: "USD million", dek: "US$ million" },
] as const;

/** mulberry32: a tiny seeded generator; the benchmark needs repeatable, not cryptographic, numbers. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the story into `dir` (which must be empty or absent) and returns its charts. */
export function generateStory(dir: string, options: StoryOptions): Story {
  const next = random(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  for (const folder of ["texts", "datasets", "charts"]) mkdirSync(join(dir, folder), { recursive: true });

  const sources: Record<string, { publisher: string; date: string }> = {};
  const texts = new Map<string, string[]>();
  const slugs: string[] = [];
  const datasets: string[] = [];

  for (let i = 0; i < options.charts; i++) {
    const id = `t${String(Math.floor(i / 10)).padStart(4, "0")}`;
    if (!texts.has(id)) {
      texts.set(id, []);
      sources[id] = { publisher: `Gazette ${Math.floor(i / 10) + 1}`, date: "2024-06-20" };
    }
    const sentences = texts.get(id)!;
    const good = pick(GOODS);
    const measure = pick(MEASURES);
    const name = `series-${String(i).padStart(4, "0")}`;
    const kind = (["bars", "line", "labelled"] as const)[i % 3]!;
    // Whole millions with one decimal place of variety: US$123 million, US$4.5 billion.
    const amount = () => Math.round(50 + next() * 4950);

    const rows: string[] = [];
    let headline: string;
    let plot: Record<string, unknown>;
    let annotations: unknown[] = [];
    let columns: unknown[];
    if (kind === "bars") {
      const places = [...PLACES].sort(() => next() - 0.5).slice(0, 4 + Math.floor(next() * 8));
      for (const place of places) {
        const value = amount();
        sentences.push(`In 2023 ${measure.noun} of ${good} from ${place} came to ${figure(value)}, the trade ministry of ${place} said.`);
        rows.push(csv([place, 2023, value, id, figure(value), "stated", place, "", ""]));
      }
      columns = [
        { name: "place", type: "string" },
        { name: "year", type: "year" },
        { name: measure.column, type: "number", unit: measure.unit },
      ];
      headline = `${cap(measure.noun)} of ${good} by country of origin in 2023`;
      plot = {
        mark: "bar",
        encoding: {
          y: { field: "place", type: "nominal", sort: "-x", title: null },
          x: { field: measure.column, type: "quantitative", title: null },
        },
      };
      annotations = [{ type: "values" }];
    } else {
      const place = pick(PLACES);
      const start = 2008 + Math.floor(next() * 6);
      const years = 6 + Math.floor(next() * 8);
      for (let year = start; year < start + years; year++) {
        const value = amount();
        sentences.push(`${cap(measure.noun)} of ${good} from ${place} were worth ${figure(value)} in ${year}.`);
        rows.push(csv([place, year, value, id, figure(value), "stated", place, "", ""]));
      }
      columns = [
        { name: "place", type: "string" },
        { name: "year", type: "year" },
        { name: measure.column, type: "number", unit: measure.unit },
      ];
      headline = `${cap(measure.noun)} of ${good} from ${place}, ${start} to ${start + years - 1}`;
      plot =
        kind === "line"
          ? {
              mark: { type: "line", point: true },
              encoding: {
                x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
                y: { field: measure.column, type: "quantitative", title: null },
              },
            }
          : {
              mark: "bar",
              encoding: {
                x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
                y: { field: measure.column, type: "quantitative", title: null },
              },
            };
      if (kind === "labelled") annotations = [{ type: "values" }];
    }

    const dataset = join(dir, "datasets", name);
    mkdirSync(dataset, { recursive: true });
    writeFileSync(
      join(dataset, "dataset.json"),
      `${JSON.stringify({ title: `${cap(measure.noun)} of ${good}`, columns, value: measure.column }, null, 2)}\n`,
    );
    writeFileSync(join(dataset, "data.csv"), `place,year,${measure.column},source,figure,status,context,formula,note\n${rows.join("\n")}\n`);
    datasets.push(name);

    const slug = `chart-${String(i).padStart(4, "0")}`;
    const definition = {
      slug,
      headline,
      dek: `${cap(measure.noun)} of ${good}, ${measure.dek}`,
      byline: "Graphics desk",
      alt: `${kind === "line" ? "Line" : "Bar"} chart of ${measure.noun} of ${good}.`,
      data: name,
      plot,
      ...(annotations.length ? { annotations } : {}),
    };
    writeFileSync(join(dir, "charts", `${slug}.chart.json`), `${JSON.stringify(definition, null, 2)}\n`);
    slugs.push(slug);
  }

  for (const [id, sentences] of texts) writeFileSync(join(dir, "texts", `${id}.txt`), `${sentences.join(" ")}\n`);
  writeFileSync(join(dir, "datasets", "sources.json"), `${JSON.stringify(sources, null, 2)}\n`);
  writeFileSync(
    join(dir, "charts.config.json"),
    `${JSON.stringify({ texts: "texts", datasets: "datasets", sources: "datasets/sources.json", charts: "charts", out: "dist/charts" }, null, 2)}\n`,
  );
  return { dir, slugs, datasets };
}

/** How the generated texts write an amount: US$123 million, US$4,672 million. */
function figure(value: number): string {
  return `US$${value.toLocaleString("en-US")} million`;
}

export interface FigureChange {
  dataset: string;
  /** The chart drawing on the dataset: the only one a build should re-render. */
  slug: string;
  text: string;
  from: string;
  to: string;
}

/**
 * A one-dataset correction, as a desk makes it: the first figure of dataset
 * `index` whose words occur once in its text gets a new value (the next whole
 * number whose words the text does not contain), in data.csv (value and
 * figure) and in the sentence quoting it, so the build's check still passes.
 * Deterministic: the same story and index give the same edit.
 */
export function changeFigure(story: Story, index: number): FigureChange {
  const dataset = story.datasets[index];
  const slug = story.slugs[index];
  if (dataset === undefined || slug === undefined) throw new Error(`the story has no chart ${index}`);
  const file = join(story.dir, "datasets", dataset, "data.csv");
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]) continue;
    const cells = parseCsv(lines[i]!);
    const [, , value, text, from] = cells;
    const textFile = join(story.dir, "texts", `${text}.txt`);
    const words = readFileSync(textFile, "utf8");
    if (words.split(from!).length !== 2) continue; // quoted more than once: ambiguous
    let next = Number(value) + 1;
    while (words.includes(figure(next))) next++;
    const to = figure(next);
    cells[2] = String(next);
    cells[4] = to;
    lines[i] = csv(cells);
    writeFileSync(file, lines.join("\n"));
    writeFileSync(textFile, words.replace(from!, to));
    return { dataset, slug, text: text!, from: from!, to };
  }
  throw new Error(`dataset ${dataset} has no figure quoted exactly once in its text`);
}

/** The cells of a CSV line written by csv(). */
function parseCsv(line: string): string[] {
  const cells: string[] = [];
  for (const match of line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)) {
    cells.push(match[1] !== undefined ? match[1].replace(/""/g, '"') : match[2]!);
  }
  return cells;
}

/** A CSV line; cells with a comma or quote are quoted ("US$4,672 million"). */
function csv(cells: Array<string | number>): string {
  return cells.map((cell) => (/[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(",");
}

function cap(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
