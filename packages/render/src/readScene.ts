// Reads what Vega drew from its scenegraph after a headless run: the text
// boxes (with the house font checked) and the scene (marks, axes). Vega's
// scenegraph is public (view.scenegraph()); each group item offsets its child
// marks by its x and y, and item bounds are in the coordinates of their group.
import type { View } from "vega";
import { ChartsError, message } from "@charts/errors";
import { assertGlyphs, houseFamily, isBundledFamily } from "@charts/fonts";
import { isHouseFamily, measureCss } from "./exactCanvas.ts";
import type { Scene, SceneAxis, SceneMark, SceneScale, TextBox } from "./types.ts";

export interface SceneItem {
  marktype?: string;
  role?: string;
  name?: string;
  description?: string;
  items?: SceneItem[];
  x?: number;
  y?: number;
  text?: unknown;
  font?: string;
  fontWeight?: string | number;
  fontStyle?: string;
  fontVariant?: string;
  fontSize?: number;
  limit?: number;
  ellipsis?: string;
  dir?: string;
  opacity?: number;
  fillOpacity?: number;
  strokeOpacity?: number;
  fill?: unknown;
  stroke?: unknown;
  strokeWidth?: number;
  bounds?: { x1: number; y1: number; x2: number; y2: number };
  datum?: Record<string, unknown>;
  orient?: SceneAxis["orient"];
  angle?: number;
  defined?: boolean;
  context?: { scales: Record<string, { value: ScaleLike }> };
}

/** What readScene needs of a Vega scale. */
export interface ScaleLike {
  type: string;
  domain(): unknown[];
  range(): unknown[];
}

/** Marks drawn as one shape from all their items (the first item carries the style). */
const WHOLE = new Set(["line", "area", "trail"]);

/**
 * The text boxes and the scene of a view that has run: `x0`, `y0` place the
 * root group in the SVG (padding + origin). Every drawn text must be in the
 * house family and its glyphs in the bundled font (a family built at run time
 * by a signal is caught here); `locate` names the JSON path where the spec
 * writes a text that fails, when it can.
 */
export function readScene(view: View, x0: number, y0: number, locate: (text: string) => string | undefined = () => undefined): { boxes: TextBox[]; scene: Scene } {
  const boxes: TextBox[] = [];
  const marks: SceneMark[] = [];
  const axes: SceneAxis[] = [];
  const root = (view.scenegraph() as unknown as { root: SceneItem }).root;

  const visit = (mark: SceneItem, dx: number, dy: number, role: string, axis?: SceneAxis): void => {
    const markRole = mark.role ?? role;
    const name = mark.name ?? "";
    if (mark.marktype === "group") {
      for (const item of mark.items ?? []) {
        let inner = axis;
        if (markRole === "axis") {
          inner = axisOf(mark, item, dx, dy);
          // Vega-Lite draws gridlines as an axis of their own, without labels or domain line: those are marks
          if ((item.items ?? []).some((child) => child.role === "axis-label" || child.role === "axis-domain")) axes.push(inner);
        }
        for (const child of item.items ?? []) visit(child, dx + (item.x ?? 0), dy + (item.y ?? 0), markRole, inner);
      }
      return;
    }
    if (mark.marktype === "text") {
      for (const item of mark.items ?? []) {
        const box = textBox(item, dx, dy, markRole, name, locate);
        if (!box) continue;
        boxes.push(box);
        if (axis && markRole === "axis-label") axis.labels.push(box.text);
      }
      return;
    }
    if (WHOLE.has(mark.marktype ?? "")) {
      const [first] = mark.items ?? [];
      const drawn = first ? sceneMark({ ...first, bounds: mark.bounds }, mark.marktype!, name, markRole, dx, dy) : undefined;
      if (drawn) marks.push({ ...drawn, points: pointsOf(mark.items!, dx, dy) });
      return;
    }
    for (const item of mark.items ?? []) {
      const drawn = sceneMark(item, mark.marktype ?? "", name, markRole, dx, dy);
      if (drawn) marks.push(drawn);
    }
  };
  visit(root, x0, y0, "");
  const plot = { x1: x0, y1: y0, x2: x0 + view.width(), y2: y0 + view.height() };
  return { boxes, scene: { background: String(view.background() ?? "none"), plot, marks, axes, scales: scalesOf(root) } };
}

/** The points a line or trail is drawn through, where it is defined. */
function pointsOf(items: SceneItem[], dx: number, dy: number): Array<[number, number]> {
  return items.filter((item) => item.defined !== false && Number.isFinite(item.x) && Number.isFinite(item.y)).map((item) => [item.x! + dx, item.y! + dy]);
}

/** The scales of the top-level view, from the context of its group. */
function scalesOf(root: SceneItem): SceneScale[] {
  const scales = root.items?.[0]?.context?.scales ?? {};
  return Object.entries(scales).map(([name, { value }]) => ({ name, type: value.type, domain: [...value.domain()] }));
}

function axisOf(mark: SceneItem, item: SceneItem, dx: number, dy: number): SceneAxis {
  const scaleName = String(item.datum?.scale ?? "");
  const scale = item.context?.scales[scaleName]?.value;
  const b = item.bounds ?? { x1: 0, y1: 0, x2: 0, y2: 0 };
  const orient = item.orient ?? (item.datum?.orient as SceneAxis["orient"]) ?? "bottom";
  // the scale's range is in the coordinates of the group the axis belongs to (the axis itself is offset half a pixel, for crisp lines)
  const start = orient === "left" || orient === "right" ? dy : dx;
  const range = (scale?.range() ?? []).map(Number);
  return {
    orient,
    scale: scaleName,
    scaleType: scale?.type ?? "",
    domain: scale ? [...scale.domain()] : [],
    range: [start + (range[0] ?? 0), start + (range[range.length - 1] ?? 0)],
    labels: [],
    description: mark.description ?? "",
    x1: b.x1 + dx,
    y1: b.y1 + dy,
    x2: b.x2 + dx,
    y2: b.y2 + dy,
  };
}

function sceneMark(item: SceneItem, type: string, mark: string, role: string, dx: number, dy: number): SceneMark | undefined {
  const b = item.bounds;
  const opacity = item.opacity ?? 1;
  if (!b || b.x2 < b.x1 || opacity === 0) return undefined;
  const fill = typeof item.fill === "string" && item.fill !== "none" && item.fill !== "transparent" ? item.fill : undefined;
  const stroke = typeof item.stroke === "string" && item.stroke !== "none" && item.stroke !== "transparent" ? item.stroke : undefined;
  if (!fill && !stroke) return undefined;
  const datum = role === "mark" && item.datum ? ownFields(item.datum) : undefined;
  return {
    type,
    mark,
    role,
    x1: b.x1 + dx,
    y1: b.y1 + dy,
    x2: b.x2 + dx,
    y2: b.y2 + dy,
    ...(fill ? { fill } : {}),
    ...(stroke ? { stroke, strokeWidth: item.strokeWidth ?? 1 } : {}),
    opacity: opacity * (fill ? (item.fillOpacity ?? 1) : (item.strokeOpacity ?? 1)),
    ...(stroke ? { strokeOpacity: opacity * (item.strokeOpacity ?? 1) } : {}),
    ...(datum ? { datum } : {}),
  };
}

/** A datum's own string, number, boolean and null fields (not Vega's symbols). */
function ownFields(datum: Record<string, unknown>): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(datum)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) own[key] = value;
  }
  return own;
}

function textBox(item: SceneItem, dx: number, dy: number, role: string, mark: string, locate: (text: string) => string | undefined): TextBox | undefined {
  const text = drawnText(item).trim();
  const hidden = item.opacity === 0 || item.fillOpacity === 0 || !item.bounds || item.bounds.x2 < item.bounds.x1;
  if (!text || hidden) return undefined;
  const family = item.font ?? "sans-serif";
  if (!isHouseFamily(family) || !isBundledFamily(family)) {
    // a family built at run time by a signal: the check before rendering could not see it
    throw new ChartsError(message.fontFamily(family, houseFamily), placeOf(locate(text)));
  }
  assertGlyphs(text, { weight: item.fontWeight, style: item.fontStyle }, placeOf(locate(text)));
  const b = item.bounds!;
  return {
    text,
    x1: b.x1 + dx,
    y1: b.y1 + dy,
    x2: b.x2 + dx,
    y2: b.y2 + dy,
    role: role || "mark",
    fontSize: item.fontSize ?? 11,
    fontWeight: item.fontWeight ?? 400,
    ...(typeof item.fill === "string" ? { fill: item.fill } : {}),
    opacity: (item.opacity ?? 1) * (item.fillOpacity ?? 1),
    ...(mark ? { mark } : {}),
    ...(item.angle ? { angle: item.angle } : {}),
    ...(cut(item) ? { full: fullText(item), limit: item.limit! } : {}),
  };
}

function placeOf(field: string | undefined): { field?: string } {
  return field ? { field } : {};
}

/** The text Vega draws for an item: each line trimmed and, with a `limit`, truncated as vega-scenegraph does. */
function drawnText(item: SceneItem): string {
  return linesOf(item)
    .map((text) => (item.limit && item.limit > 0 && text ? truncate(item, text, item.limit) : text))
    .join("\n");
}

/** The item's text before any truncation. */
function fullText(item: SceneItem): string {
  return linesOf(item).join("\n").trim();
}

/** Whether Vega cut the item's text to its limit. */
function cut(item: SceneItem): boolean {
  return Boolean(item.limit && item.limit > 0) && drawnText(item).trim() !== fullText(item);
}

function linesOf(item: SceneItem): string[] {
  const raw = Array.isArray(item.text) ? item.text : [item.text];
  return raw.map((line) => (line == null ? "" : String(line).trim()));
}

// vega-scenegraph's truncate(), on the same exact widths Vega measured with.
function truncate(item: SceneItem, text: string, limit: number): string {
  const font = `${item.fontStyle ? `${item.fontStyle} ` : ""}${item.fontVariant ? `${item.fontVariant} ` : ""}${item.fontWeight ? `${item.fontWeight} ` : ""}${item.fontSize ?? 11}px ${item.font ?? "sans-serif"}`;
  const width = (t: string) => measureCss(t, font);
  if (width(text) < limit) return text;
  const ellipsis = item.ellipsis ?? "\u2026";
  const room = limit - width(ellipsis);
  if (item.dir === "rtl") {
    let lo = 0;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (width(text.slice(mid)) > room) lo = mid + 1;
      else hi = mid;
    }
    return ellipsis + text.slice(lo);
  }
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}
