/// <reference path="./subset-font.d.ts" />
// An SVG shown through <img> is sandboxed: it cannot load or use the page's
// fonts. So the faces it draws with travel inside it, subset to the blocks of
// the characters it draws (subsetText), as WOFF2 data URIs.
import { ChartsError } from "@charts/errors";
import { faceFor, fontFaces, type FontFace } from "./fontFaces.ts";
import { fontSubset } from "./fontSubset.ts";
import { subsetText } from "./subsetBlocks.ts";

interface FontState {
  family?: string;
  weight?: string;
  style?: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function attribute(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  if (!match) return undefined;
  return decode(match[2] ?? match[3] ?? "");
}

function styleProperty(attrs: string, name: string): string | undefined {
  const style = attribute(attrs, "style");
  if (!style) return undefined;
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(style);
  return match?.[1]?.trim();
}

function fontState(attrs: string, parent: FontState): FontState {
  const read = (name: string) => styleProperty(attrs, name) ?? attribute(attrs, name);
  return {
    family: read("font-family") ?? parent.family,
    weight: read("font-weight") ?? parent.weight,
    style: read("font-style") ?? parent.style,
  };
}

/**
 * The characters an SVG draws, per bundled face, following font attributes
 * and inline styles down the element tree. Throws a ChartsError for text set
 * in a face that is not bundled.
 */
export function textByFace(svg: string): Map<FontFace, Set<string>> {
  const used = new Map<FontFace, Set<string>>();
  const stack: FontState[] = [{}];
  let textDepth = 0;
  const tokens = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
  for (const match of svg.matchAll(tokens)) {
    const [, cdata, closing, tag, attrs = "", selfClosing, content] = match;
    const top = stack[stack.length - 1] ?? {};
    const drawn = content !== undefined ? decode(content) : cdata;
    if (drawn !== undefined) {
      if (textDepth > 0 && drawn.trim() !== "") {
        const face = faceFor(top, { field: `text ${JSON.stringify(drawn.trim())}` });
        let chars = used.get(face);
        if (!chars) used.set(face, (chars = new Set()));
        for (const char of drawn) chars.add(char);
      }
      continue;
    }
    if (!tag) continue;
    const isText = tag === "text" || tag === "tspan" || tag === "textPath";
    if (closing) {
      stack.pop();
      if (isText) textDepth--;
    } else if (!selfClosing) {
      // <style>/<script> content is not drawn text
      stack.push(fontState(attrs, top));
      if (isText) textDepth++;
    }
  }
  return used;
}

const STYLE_ID = "charts-fonts";

export interface EmbedOptions {
  /** A folder where subsets are kept across runs (fontSubset); without one they are kept for this process only. */
  cacheDir?: string;
}

/**
 * Returns `svg` with a `<style>` in its `<defs>` declaring, for each bundled
 * face the SVG draws text in, an @font-face whose source is a WOFF2 subset of
 * that face as a data URI: the whole Unicode blocks of the characters drawn
 * (subsetText), so charts share subsets and each is made once. The bytes
 * depend on this SVG's characters only. Idempotent: an SVG already embedded
 * is returned unchanged.
 *
 * @example await embedFonts(plotSvg) // "<svg ...><defs><style id="charts-fonts">@font-face{...}</style>..."
 */
export async function embedFonts(svg: string, options: EmbedOptions = {}): Promise<string> {
  if (svg.includes(`id="${STYLE_ID}"`)) return svg;
  const open = /<svg\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(svg);
  if (!open) throw new ChartsError(`expected an SVG document but received text starting ${JSON.stringify(svg.slice(0, 40))}`);
  const used = [...textByFace(svg)].sort(([a], [b]) => fontFaces.indexOf(a) - fontFaces.indexOf(b));
  const rules: string[] = [];
  const subsets = await Promise.all(used.map(([face, chars]) => fontSubset(face, subsetText(chars), options.cacheDir)));
  for (const [i, [face]] of used.entries()) {
    rules.push(
      `@font-face{font-family:'${face.family}';font-weight:${face.weight};font-style:${face.style};` +
        `src:url(data:font/woff2;base64,${subsets[i]}) format('woff2')}`,
    );
  }
  if (!rules.length) return svg;
  const style = `<style id="${STYLE_ID}">${rules.join("")}</style>`;
  const openEnd = open.index + open[0].length;
  if (open[0].endsWith("/>")) {
    return `${svg.slice(0, open.index)}${open[0].slice(0, -2)}><defs>${style}</defs></svg>${svg.slice(openEnd)}`;
  }
  const defs = /<defs\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/.exec(svg.slice(openEnd));
  if (defs) {
    const start = openEnd + defs.index;
    const end = start + defs[0].length;
    if (defs[2]) return `${svg.slice(0, start)}<defs${defs[1]}>${style}</defs>${svg.slice(end)}`;
    return svg.slice(0, end) + style + svg.slice(end);
  }
  return `${svg.slice(0, openEnd)}<defs>${style}</defs>${svg.slice(openEnd)}`;
}

