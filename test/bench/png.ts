// `pnpm bench png`: how the PNG encoder's settings trade time for bytes on
// real charts, the measurement behind PNG_OPTIONS of @charts/render. Builds a
// seeded synthetic story (story.ts), then encodes every variant's SVG at 1x
// and 2x with sharp at zlib levels 9 down to 4, with and without adaptive
// filtering, as RGBA and as RGB (the build's charts are opaque: svgToPng's
// `opaque`), in one thread (sharp.concurrency(1)), and prints per setting the
// CPU per image and the bytes, and which level the rule picks for each: the
// cheapest whose 1x + 2x bytes stay within `tolerance` of level 9's RGBA (the
// setting the build started from).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chartsCommand, root } from "./build.ts";
import { measure } from "./measure.ts";
import { generateStory } from "./story.ts";

type Channels = "rgba" | "rgb";

export interface PngRow {
  level: number;
  adaptiveFiltering: boolean;
  /** RGB: the alpha channel removed, as the build writes opaque charts. */
  rgb: boolean;
  /** CPU ms per image and KB per image, at 1x and 2x. */
  cpu: [number, number];
  kb: [number, number];
}

export interface PngBench {
  images: number;
  rows: PngRow[];
  tolerance: number;
  /** The level the rule picks for RGBA and for RGB. */
  picked: Record<Channels, number>;
  used: Record<Channels, { compressionLevel: number; adaptiveFiltering: boolean }>;
}

interface Pipeline {
  png(options: object): { toBuffer(): Promise<Buffer> };
  removeAlpha(): Pipeline;
}
type Sharp = ((input: Buffer, options: { density: number }) => Pipeline) & {
  concurrency(threads: number): void;
  cache(on: boolean): void;
};

export async function benchPng(options: { charts?: number; seed?: number; tolerance?: number; log?: (line: string) => void } = {}): Promise<PngBench> {
  const { charts = 10, seed = 1, tolerance = 0.1, log = () => {} } = options;
  const dir = mkdtempSync(join(tmpdir(), "bench-png-"));
  try {
    generateStory(dir, { charts, seed });
    log(`building a story of ${charts} charts for its SVGs`);
    // the build as the root `charts` script runs it (its Node.js version check included)
    const build = chartsCommand();
    await measure(build.command, [...build.args, "--config", join(dir, "charts.config.json")], { cwd: root });
    const out = join(dir, "dist/charts");
    const svgs = readdirSync(out)
      .filter((name) => /^chart-\d+(?:-[a-z0-9-]+)?\.svg$/.test(name))
      .map((name) => readFileSync(join(out, name)));
    const fromRender = createRequire(join(root, "packages/render/package.json"));
    const sharp = (await import(pathToFileURL(fromRender.resolve("sharp")).href)).default as Sharp;
    const render = (await import(pathToFileURL(join(root, "packages/render/src/index.ts")).href)) as { PNG_OPTIONS: PngBench["used"]; setupRenderer: () => Promise<void> };
    await render.setupRenderer(); // fontconfig on the bundled fonts, as the build draws
    sharp.concurrency(1);
    sharp.cache(false);
    const encode = async (png: object, density: number, rgb = false) => {
      let bytes = 0;
      const before = process.cpuUsage();
      for (const svg of svgs) {
        const image = sharp(svg, { density });
        bytes += (await (rgb ? image.removeAlpha() : image).png(png).toBuffer()).length;
      }
      const used = process.cpuUsage(before);
      return { cpu: (used.user + used.system) / 1000 / svgs.length, kb: bytes / 1024 / svgs.length };
    };
    await encode({}, 72); // warm up
    const rows: PngRow[] = [];
    for (const [rgb, adaptiveFiltering] of [[false, false], [true, false], [false, true]] as const) {
      for (const level of adaptiveFiltering ? [9, 6] : [9, 8, 7, 6, 5, 4]) {
        const png = { compressionLevel: level, adaptiveFiltering };
        const [one, two] = [await encode(png, 72, rgb), await encode(png, 144, rgb)];
        rows.push({ level, adaptiveFiltering, rgb, cpu: [one.cpu, two.cpu], kb: [one.kb, two.kb] });
        log(`  level ${level}${rgb ? " RGB" : ""}${adaptiveFiltering ? " adaptive" : ""}: ${(one.cpu + two.cpu).toFixed(1)} ms, ${(one.kb + two.kb).toFixed(1)} KB per output`);
      }
    }
    const best = levelNine(rows);
    const bytes = (row: PngRow) => row.kb[0] + row.kb[1];
    const cost = (row: PngRow) => row.cpu[0] + row.cpu[1];
    const pick = (rgb: boolean) =>
      rows.filter((row) => row.rgb === rgb && !row.adaptiveFiltering && bytes(row) <= bytes(best) * (1 + tolerance)).reduce((a, b) => (cost(b) < cost(a) ? b : a)).level;
    const picked = { rgba: pick(false), rgb: pick(true) };
    return { images: svgs.length, rows, tolerance, picked, used: render.PNG_OPTIONS };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatPng(result: PngBench): string {
  const lines = [
    `PNG encoder settings on ${result.images} chart variants (sharp, one thread; CPU and size per image):`,
    "",
    "| zlib level | channels | adaptive filtering | 1x CPU ms | 2x CPU ms | 1x KB | 2x KB | 1x + 2x CPU ms | 1x + 2x KB | bytes vs level 9 RGBA |",
    "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  const nine = levelNine(result.rows);
  for (const row of result.rows) {
    const kb = row.kb[0] + row.kb[1];
    lines.push(
      `| ${row.level} | ${row.rgb ? "RGB" : "RGBA"} | ${row.adaptiveFiltering ? "yes" : "no"} | ${row.cpu[0].toFixed(1)} | ${row.cpu[1].toFixed(1)} | ${row.kb[0].toFixed(1)} | ${row.kb[1].toFixed(1)} | ` +
        `${(row.cpu[0] + row.cpu[1]).toFixed(1)} | ${kb.toFixed(1)} | ${((kb / (nine.kb[0] + nine.kb[1]) - 1) * 100).toFixed(1)} % |`,
    );
  }
  const rule = (channels: Channels) => {
    const used = result.used[channels];
    const agrees = used.compressionLevel === result.picked[channels] && !used.adaptiveFiltering;
    return `${channels.toUpperCase()} level ${result.picked[channels]}, PNG_OPTIONS.${channels} level ${used.compressionLevel}${used.adaptiveFiltering ? " with adaptive filtering" : ""}${agrees ? " (agrees)" : " (does NOT agree with this run)"}`;
  };
  lines.push(
    "",
    `Rule: the cheapest level whose 1x + 2x bytes stay within ${Math.round(result.tolerance * 100)} % of level 9's RGBA picks ${rule("rgba")}; ${rule("rgb")}. ` +
      "The build writes its charts, opaque, as RGB; `charts render` writes RGBA.",
  );
  return `${lines.join("\n")}\n`;
}

/** The baseline the rule measures bytes against: level 9, RGBA, no adaptive filtering (the setting the build started from). */
function levelNine(rows: PngRow[]): PngRow {
  return rows.find((row) => row.level === 9 && !row.rgb && !row.adaptiveFiltering)!;
}
