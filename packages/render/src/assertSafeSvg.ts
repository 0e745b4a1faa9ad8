// The last gate before an SVG is published: whatever the spec, the data and
// the text around them contain, the file a CMS embeds must be inert (nothing
// in it can run: no script, no event handler, no javascript: URL, no foreign
// HTML) and self-contained (it renders the same from any folder, offline and
// inside <img>, which loads nothing). The SVG is read with a real XML parser,
// as a browser would read it, and checked against an allow-list.
import { DOMParser, MIME_TYPE, type Element, type Node } from "@xmldom/xmldom";
import { ChartsError, message } from "@charts/errors";

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";

/** Elements a chart draws with: Vega's SVG renderer, the frame, fonts, the theme's logo. No script, foreignObject, animation or use of other files. */
const ELEMENTS = new Set([
  "svg", "g", "defs", "style", "title", "desc", "metadata",
  "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
  "text", "tspan", "a", "image", "clipPath", "mask", "pattern", "symbol", "use",
  "linearGradient", "radialGradient", "stop",
]);
const IMAGE_DATA = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/;
const FONT_DATA = /^data:font\/woff2;base64,[A-Za-z0-9+/=\s]*$/;
/** Attributes parsed as CSS that can hold url(); a backslash there could spell url( as a CSS escape. */
const CSS_ATTRIBUTES = new Set(["style", "fill", "stroke", "clip-path", "mask", "filter", "marker-start", "marker-mid", "marker-end", "cursor"]);

export interface SafeSvgOptions {
  /** Whether <a> may link to http(s) pages (default true); never to anything else. */
  links?: boolean;
}

/**
 * Throws a ChartsError naming the first thing in `svg` that could run or
 * reach outside it:
 * - markup that does not parse as XML, a DOCTYPE (entities), a processing instruction;
 * - an element outside the allow-list (script, foreignObject, iframe, animate, set, ...)
 *   or outside the SVG namespace;
 * - an event-handler attribute (on*);
 * - an href that is not a fragment (#id), an embedded PNG/JPEG/GIF/WebP on
 *   <image>, or an http(s) link on <a> (when links are allowed);
 * - a CSS url() that is not a fragment or, in the font <style>, an embedded
 *   WOFF2; an @import; `javascript:` anywhere in an attribute.
 *
 * @example assertSafeSvg(chart.svg, { links: false })
 */
export function assertSafeSvg(svg: string, options: SafeSvgOptions = {}): void {
  const unsafe = (what: string) => new ChartsError(message.unsafeSvg(what));
  let document;
  try {
    document = new DOMParser({
      onError: (level, text) => {
        if (level !== "warning") throw new Error(text);
      },
    }).parseFromString(svg, MIME_TYPE.XML_SVG_IMAGE);
  } catch (error) {
    throw unsafe(`markup that does not parse as XML (${(error as Error).message.split("\n")[0]})`);
  }
  const visit = (node: Node): void => {
    if (node.nodeType === node.DOCUMENT_TYPE_NODE) throw unsafe("a DOCTYPE (entity declarations are refused)");
    if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE && node.nodeName !== "xml") {
      throw unsafe(`a processing instruction <?${node.nodeName}?>`);
    }
    if (node.nodeType === node.ELEMENT_NODE) checkElement(node as Element, options, unsafe);
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(document);
}

function checkElement(element: Element, options: SafeSvgOptions, unsafe: (what: string) => ChartsError): void {
  const name = element.localName ?? element.nodeName;
  if (element.namespaceURI !== SVG_NS) throw unsafe(`the element <${element.nodeName}> outside the SVG namespace`);
  if (!ELEMENTS.has(name)) throw unsafe(`the element <${name}>`);
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i)!;
    const attr = attribute.localName ?? attribute.name;
    const value = attribute.value;
    if (/^on/i.test(attr)) throw unsafe(`the event-handler attribute ${attribute.name} on <${name}>`);
    if (/javascript\s*:/i.test(value.replace(/[\u0000-\u0020]/g, ""))) throw unsafe(`a javascript: URL in ${attribute.name} on <${name}>`);
    if (attr === "href" && (attribute.namespaceURI === XLINK_NS || !attribute.namespaceURI)) {
      checkHref(name, value.trim(), options, unsafe, attribute.name);
    } else if (attr === "src" || attr === "href") {
      throw unsafe(`the reference ${attribute.name}=${JSON.stringify(value.slice(0, 100))} on <${name}>`);
    } else {
      checkCss(value, `${attribute.name} on <${name}>`, unsafe, false, CSS_ATTRIBUTES.has(attr));
    }
  }
  if (name === "style") checkCss(element.textContent ?? "", "a <style>", unsafe, true, true);
}

function checkHref(element: string, href: string, options: SafeSvgOptions, unsafe: (what: string) => ChartsError, attr: string): void {
  if (href.startsWith("#")) return;
  if (element === "image" && IMAGE_DATA.test(href)) return;
  if (element === "a" && /^https?:\/\//i.test(href)) {
    if (options.links === false) throw unsafe(`a link ${JSON.stringify(href.slice(0, 100))} while links are switched off`);
    return;
  }
  throw unsafe(`the reference ${attr}=${JSON.stringify(href.slice(0, 100))} on <${element}>`);
}

function checkCss(css: string, where: string, unsafe: (what: string) => ChartsError, fonts: boolean, isCss: boolean): void {
  if (isCss && css.includes("\\")) throw unsafe(`a CSS escape (backslash) in ${where}`);
  if (/@import\b/i.test(css)) throw unsafe(`a CSS @import in ${where}`);
  if (/expression\s*\(|behavior\s*:|-moz-binding/i.test(css)) throw unsafe(`active CSS in ${where}`);
  for (const match of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"]*))\s*\)/gi)) {
    const url = (match[1] ?? match[2] ?? match[3] ?? "").trim();
    if (url.startsWith("#") || (fonts && FONT_DATA.test(url))) continue;
    throw unsafe(`the reference url(${JSON.stringify(url.slice(0, 100))}) in ${where}`);
  }
}
