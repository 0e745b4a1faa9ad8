import sharp from "sharp";
import { ChartsError, invalid, limitOf, message, type Limits } from "@charts/errors";
import { fontFaces, measureText } from "@charts/fonts";
import { checkPixels } from "./checkPixels.ts";
import { rendererFontsFolder, setupRenderer } from "./setupRenderer.ts";

let probed: Promise<void> | undefined;

/**
 * The PNG encoder's settings, chosen by measurement (`pnpm bench png` prints
 * the table: time and bytes per level over a sample of real charts, 1x and
 * 2x, as RGBA and RGB): the cheapest zlib level whose files stay within 10 %
 * of level 9's RGBA ones. For RGBA that is level 7 (level 9 spent two and a
 * half times its CPU for files 7 % smaller); written as RGB, an opaque chart
 * compresses better and level 5 makes files as small as level 7's RGBA ones
 * for a quarter less CPU. No adaptive filtering: on flat-colour charts it
 * costs more and makes larger files.
 */
export const PNG_OPTIONS = {
  rgba: { compressionLevel: 7, adaptiveFiltering: false },
  rgb: { compressionLevel: 5, adaptiveFiltering: false },
} as const;

/** What svgToPng takes besides the SVG and the scale. */
export interface SvgToPngOptions {
  limits?: Partial<Limits>;
  /**
   * The SVG paints every pixel with an opaque colour (a framed chart:
   * frameChart lays a rect of the theme's background, which checkColors holds
   * opaque, under everything): the PNG is written as RGB, without the alpha
   * channel that would be 255 everywhere, a quarter less for zlib to read.
   */
  opaque?: boolean;
}

/**
 * Tunes sharp for a process that rasterises many charts: libvips's own
 * threads per image (`threads`: the build runs one per worker thread, which
 * already keeps every core busy, so threads inside an image only fight them)
 * and no operation cache (every SVG is new: caching them only costs memory).
 */
export function tuneRasteriser(options: { threads: number }): void {
  sharp.concurrency(options.threads);
  sharp.cache(false);
}

/**
 * SVG -> PNG with sharp at `scale` device pixels per CSS px (density 72 x
 * scale), so a 640 px wide SVG gives a 1280 px PNG at scale 2. The PNG's
 * pixels are checked against `limits.plotPixels` before sharp sees the SVG,
 * and whatever sharp refuses becomes a ChartsError. The first call in a
 * process runs the font probe (see probeFonts) and fails if the house font
 * does not reach the rasteriser.
 *
 * @example await svgToPng(chart.svg, 2, { opaque: true })
 */
export async function svgToPng(svg: string, scale = 1, options: SvgToPngOptions = {}): Promise<Buffer> {
  if (!(scale > 0)) throw invalid({ field: "scale" }, message.expectedScale(), scale);
  const root = /^\s*(?:<\?xml[^>]*>\s*)?<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const [width, height] = ["width", "height"].map((name) => Number(new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(root)?.[1]));
  if (width && height) checkPixels(width, height, { scale, limits: options.limits });
  await setupRenderer();
  probed ??= probeFonts();
  await probed;
  try {
    const image = sharp(Buffer.from(svg), { density: 72 * scale, limitInputPixels: limitOf(options.limits, "plotPixels") });
    return await (options.opaque ? image.removeAlpha().png(PNG_OPTIONS.rgb) : image.png(PNG_OPTIONS.rgba)).toBuffer();
  } catch (error) {
    throw new ChartsError(message.rasteriseFailed((error as Error).message), {}, { cause: error });
  }
}

// Repeating a word three times instead of once widens its ink by exactly two
// shaped advances: the side bearings of the first and last glyphs cancel out,
// so the check needs no glyph outlines.
const PROBE = "Hanoi-Moscow";
const SIZE = 32;
const BAND = 56;

/**
 * Rasterises the probe word once and three times in every bundled face and
 * checks that the ink grows by what harfbuzz measures for the bundled font,
 * within 1.5 % or 2 px. Another font (a system fallback) or no font at all
 * fails with a ChartsError naming the fonts folder fontconfig was given.
 */
export async function probeFonts(): Promise<void> {
  const lines = fontFaces.flatMap((face) => [PROBE, PROBE.repeat(3)].map((text) => ({ face, text })));
  const width = Math.ceil(measureText(PROBE.repeat(3), { size: SIZE, weight: 700 })) + 40;
  const height = BAND * lines.length;
  const texts = lines.map(
    ({ face, text }, i) =>
      `<text x="10" y="${BAND * i + 40}" font-family="'${face.family}'" font-size="${SIZE}px" font-weight="${face.weight}" font-style="${face.style}" fill="#000">${text}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${texts.join("")}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg), { density: 72 }).greyscale().raw().toBuffer({ resolveWithObject: true });
  const ink = (band: number) => {
    let left = Infinity;
    let right = -Infinity;
    for (let y = band * BAND; y < (band + 1) * BAND; y++) {
      for (let x = 0; x < info.width; x++) {
        if (data[(y * info.width + x) * info.channels]! < 128) {
          left = Math.min(left, x);
          right = Math.max(right, x + 1);
        }
      }
    }
    return { left, right };
  };
  for (let i = 0; i < fontFaces.length; i++) {
    const face = fontFaces[i]!;
    const once = ink(2 * i);
    const thrice = ink(2 * i + 1);
    const font = { size: SIZE, weight: face.weight, style: face.style };
    const expected = measureText(PROBE.repeat(3), font) - measureText(PROBE, font);
    const drawn = thrice.right - once.right;
    const tolerance = Math.max(2, 0.015 * expected);
    const where = `fontconfig (FONTCONFIG_FILE=${process.env.FONTCONFIG_FILE}) was given the fonts folder ${rendererFontsFolder()}`;
    if (!Number.isFinite(drawn)) {
      throw new ChartsError(message.fontProbeNoText(face.name, where));
    }
    if (Math.abs(drawn - expected) > tolerance || Math.abs(thrice.left - once.left) > 1) {
      throw new ChartsError(message.fontProbeWrongFont(PROBE, face.name, drawn, expected, tolerance, where));
    }
  }
}
