import type { ChartMeta } from "@charts/specs";
import { sourceLine, type TextStyle, type Theme } from "@charts/theme";
import { assertGlyphs, fontExtents, measureText, wrapText } from "@charts/fonts";
import type { RenderedSvg, Scene, TextBox } from "./types.ts";

/** Text for an SVG element or a double-quoted attribute: &, <, > and " escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

interface Line {
  text: string;
  style: TextStyle;
  role: string;
  x: number;
  /** Top of the line box. */
  top: number;
  anchor: "start" | "end";
}

export interface FrameOptions {
  /**
   * Prefix of the ids of the SVG's <title> and <desc>, which must be unique in
   * a page that inlines several charts. Default `chart-<slug>`.
   */
  id?: string;
}

/** The plot as frameChart takes it: a rendered SVG; boxes and scene when renderSvg made it. */
export type FramedPlot = Pick<RenderedSvg, "svg" | "width" | "height"> & { boxes?: TextBox[]; scene?: Scene };

/**
 * Draws the plot inside the house frame, one SVG: the headline (the finding,
 * bold, left-aligned) and dek above; below the plot, the annotations moved
 * there (`meta.below`: each marker in bold, its text beside it), then notes,
 * the "Source: ..." line and the byline (right-aligned on the source line
 * when it fits, else on its own line), and the theme's logo, if it has one,
 * at the bottom right. Text is wrapped to the chart width with exact metrics
 * and never cut; every glyph must exist in the bundled font. The chart is
 * `meta.width` wide when it gives one and the plot is narrower (small
 * multiples, which Vega sizes by their panels, stand at the left as a single
 * plot does). The background is theme.colors.background.
 *
 * The SVG is an accessible image: `role="img"`, `aria-labelledby` naming its
 * <title> (the headline) and <desc> (the alt text), `lang` the chart's
 * locale, and the decorative background and logo hidden (`aria-hidden`).
 *
 * Returns the SVG, its size, the frame's text boxes together with the plot's
 * and the plot's scene (shifted into place, on the theme's background).
 *
 * @example frameChart(await renderSvg(spec), meta, light, { id: "chart-arms-dark" })
 */
export function frameChart(plot: FramedPlot, meta: ChartMeta, theme: Theme, options: FrameOptions = {}): RenderedSvg {
  const { padding, headerGap, footerGap, dekGap } = theme.spacing;
  // Small multiples are sized by their panels: the frame keeps the chart's width around them.
  const width = Math.ceil(Math.max(plot.width, meta.width ?? 0));
  const textWidth = width - 2 * padding;
  const lines: Line[] = [];
  let y = padding;

  const block = (text: string | undefined, style: TextStyle, role: string): boolean => {
    if (!text || !text.trim()) return false;
    const font = fontOf(theme, style);
    assertGlyphs(text, font, { field: role });
    for (const line of wrapText(text, font, textWidth)) {
      lines.push({ text: line, style, role, x: padding, top: y, anchor: "start" });
      y += style.size * style.lineHeight;
    }
    return true;
  };

  /** Annotations moved below the plot: the marker in bold, its text wrapped beside it (a hanging indent). */
  function belowPlot(notes: NonNullable<ChartMeta["below"]>): void {
    const style = theme.text.annotation;
    const bold: TextStyle = { ...style, weight: 700 };
    const indent = Math.ceil(Math.max(...notes.map((note) => measureText(note.marker, fontOf(theme, bold))))) + Math.round(style.size / 2);
    for (const note of notes) {
      assertGlyphs(note.marker, fontOf(theme, bold), { field: "below" });
      assertGlyphs(note.text, fontOf(theme, style), { field: "below" });
      lines.push({ text: note.marker, style: bold, role: "below", x: padding, top: y, anchor: "start" });
      for (const line of wrapText(note.text, fontOf(theme, style), textWidth - indent)) {
        lines.push({ text: line, style, role: "below", x: padding + indent, top: y, anchor: "start" });
        y += style.size * style.lineHeight;
      }
    }
  }

  block(meta.headline, theme.text.headline, "headline");
  if (meta.dek?.trim()) {
    y += dekGap;
    block(meta.dek, theme.text.dek, "dek");
  }
  y += headerGap;
  const plotTop = Math.round(y);
  y = plotTop + Math.ceil(plot.height) + footerGap;

  const footerStart = y;
  if (meta.below?.length) {
    belowPlot(meta.below);
    if (meta.notes?.trim()) y += 2 * dekGap;
  }
  block(meta.notes, theme.text.notes, "notes");
  const source = theme.text.source;
  block(sourceLine(meta.source, meta.locale), source, "source");
  const byline = meta.byline?.trim();
  if (byline) {
    const font = fontOf(theme, source);
    assertGlyphs(byline, font, { field: "byline" });
    const last = lines[lines.length - 1];
    const room = last && last.role === "source" ? textWidth - measureText(last.text, font) - 2 * source.size : -1;
    if (last && measureText(byline, font) <= room) {
      lines.push({ text: byline, style: source, role: "byline", x: width - padding, top: last.top, anchor: "end" });
    } else {
      block(byline, source, "byline");
    }
  }
  let logo = "";
  if (theme.logo) {
    const { svg: markup, width: w, height: h } = theme.logo;
    y += y > footerStart ? dekGap : 0;
    logo = markup.replace(/^\s*(<\?xml[^>]*>\s*)?<svg\b/, `<svg class="logo" aria-hidden="true" x="${width - padding - w}" y="${Math.round(y)}" width="${w}" height="${h}"`);
    y += h;
  }
  const height = Math.ceil(y + (y > footerStart ? 0 : -footerGap) + padding);

  const boxes: TextBox[] = [];
  const texts = lines.map((line) => {
    const font = fontOf(theme, line.style);
    const lineHeight = line.style.size * line.style.lineHeight;
    const { ascent, descent } = fontExtents(font);
    // the CSS line box: half the leading above, then the ascent to the baseline;
    // a whole-pixel baseline keeps stems crisp and both rasterisers agree on it
    const baseline = Math.round(line.top + (lineHeight - ascent - descent) / 2 + ascent);
    const w = measureText(line.text, font);
    const x1 = line.anchor === "end" ? line.x - w : line.x;
    // same vertical box as Vega gives its text items, for comparable checks
    boxes.push({
      text: line.text,
      x1,
      y1: baseline - 0.8 * font.size,
      x2: x1 + w,
      y2: baseline + 0.2 * font.size,
      role: line.role,
      fontSize: line.style.size,
      fontWeight: line.style.weight,
      fill: line.style.color,
      opacity: 1,
    });
    const attrs = [
      `x="${round(line.x)}"`,
      `y="${round(baseline)}"`,
      line.anchor === "end" ? `text-anchor="end"` : "",
      `font-family="${escapeXml(`'${theme.fontFamily}'`)}"`,
      `font-size="${line.style.size}px"`,
      `font-weight="${line.style.weight}"`,
      line.style.style === "italic" ? `font-style="italic"` : "",
      `fill="${escapeXml(line.style.color)}"`,
    ].filter(Boolean);
    return `<text class="${line.role}" ${attrs.join(" ")}>${escapeXml(line.text)}</text>`;
  });
  for (const box of plot.boxes ?? []) boxes.push({ ...box, y1: box.y1 + plotTop, y2: box.y2 + plotTop });

  // the plot's own background only repeats the page: hidden from assistive technology
  const inner = plot.svg
    .replace(/^\s*(<\?xml[^>]*>\s*)?<svg\b/, `<svg x="0" y="${plotTop}"`)
    .replace(/^(<svg\b[^>]*>)<rect /, '$1<rect aria-hidden="true" ');
  const id = escapeXml(options.id ?? `chart-${meta.slug}`);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` role="img" aria-labelledby="${id}-title ${id}-desc" lang="${escapeXml(meta.locale)}">`,
    `<title id="${id}-title">${escapeXml(meta.headline)}</title>`,
    `<desc id="${id}-desc">${escapeXml(meta.alt)}</desc>`,
    `<defs/>`,
    `<rect class="background" aria-hidden="true" width="${width}" height="${height}" fill="${escapeXml(theme.colors.background)}"/>`,
    ...texts,
    inner,
    logo,
    `</svg>`,
  ].join("");
  return { svg, width, height, boxes, scene: shiftScene(plot.scene, plotTop, theme.colors.background) };
}

/** The plot's scene in the chart's coordinates, on the page colour. */
function shiftScene(scene: Scene | undefined, dy: number, background: string): Scene {
  if (!scene) return { background, plot: { x1: 0, y1: dy, x2: 0, y2: dy }, marks: [], axes: [], scales: [] };
  const down = <T extends { y1: number; y2: number }>(box: T): T => ({ ...box, y1: box.y1 + dy, y2: box.y2 + dy });
  const marks = scene.marks.map((mark) => ({ ...down(mark), ...(mark.points ? { points: mark.points.map(([x, y]): [number, number] => [x, y + dy]) } : {}) }));
  // a vertical axis's range runs along y
  const axes = scene.axes.map((axis) => ({ ...down(axis), ...(axis.orient === "left" || axis.orient === "right" ? { range: axis.range.map((y) => y + dy) as [number, number] } : {}) }));
  return { ...scene, background, plot: down(scene.plot), marks, axes };
}

function fontOf(theme: Theme, style: TextStyle) {
  return { size: style.size, weight: style.weight, style: style.style ?? "normal", family: theme.fontFamily };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
