// The build benchmark's baseline: the plainest way to get the same outputs
// from the same specs, one chart after another in one Node.js process, with the
// vega, vega-lite and sharp the project itself uses (resolved from
// packages/render) and nothing of the project: no checks, no house fonts or text
// metrics, no header or footer, no font embedding, no manifest.
//
//   node test/bench/plainLoop.ts SPECS_DIR OUT_DIR
//
// For each SPECS_DIR/<slug>.vl.json: vegaLite.compile -> new vega.View(parse(spec),
// {renderer: "none"}) -> toSVG -> sharp PNG at density 72 and 144 (sharp's
// default PNG settings), written as OUT_DIR/<slug>.svg, <slug>.png, <slug>@2x.png.
// Prints `✓ <slug> <w>×<h> <stage> <n> ms ...` per chart (the build's format, buildOutput.ts).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

interface VegaView {
  toSVG(): Promise<string>;
  finalize(): void;
}
interface Vega {
  parse(spec: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: "none" }) => VegaView;
}
interface VegaLite {
  compile(spec: unknown): { spec: unknown };
}
interface Png {
  data: Buffer;
  info: { width: number; height: number };
}
type Sharp = (input: Buffer, options: { density: number }) => {
  png(): { toBuffer(options: { resolveWithObject: true }): Promise<Png> };
};

const fromRender = createRequire(new URL("../../packages/render/package.json", import.meta.url));
const load = async (name: string) => import(pathToFileURL(fromRender.resolve(name)).href);
const vega = (await load("vega")) as Vega;
const vegaLite = (await load("vega-lite")) as VegaLite;
const sharp = (await load("sharp")).default as Sharp;

const [specsDir, outDir] = process.argv.slice(2);
if (!specsDir || !outDir) {
  console.error("usage: node test/bench/plainLoop.ts SPECS_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

for (const file of readdirSync(specsDir).filter((name) => name.endsWith(".vl.json")).sort()) {
  const slug = file.slice(0, -".vl.json".length);
  const times: string[] = [];
  let last = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    times.push(`${stage} ${(now - last).toFixed(1)} ms`);
    last = now;
  };
  const spec = JSON.parse(readFileSync(join(specsDir, file), "utf8"));
  const vgSpec = vegaLite.compile(spec).spec;
  lap("compile");
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  lap("svg");
  const png = await sharp(Buffer.from(svg), { density: 72 }).png().toBuffer({ resolveWithObject: true });
  lap("png");
  const png2x = await sharp(Buffer.from(svg), { density: 144 }).png().toBuffer({ resolveWithObject: true });
  lap("png2x");
  writeFileSync(join(outDir, `${slug}.svg`), svg);
  writeFileSync(join(outDir, `${slug}.png`), png.data);
  writeFileSync(join(outDir, `${slug}@2x.png`), png2x.data);
  lap("write");
  const { width, height } = png.info;
  if (png2x.info.width !== 2 * width || png2x.info.height !== 2 * height) {
    throw new Error(`${slug}: the 2x PNG is ${png2x.info.width}×${png2x.info.height}, not twice ${width}×${height}`);
  }
  console.log(`✓ ${slug} ${width}×${height} ${times.join(" ")}`);
}
