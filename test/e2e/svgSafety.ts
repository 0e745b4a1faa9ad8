// An independent reading of a published SVG, for the tests: a real XML parser
// and a deny-list of what could run or reach outside. It shares no code with
// render's assertSafeSvg (an allow-list), so a mistake in one shows in the other.
import { DOMParser, type Element, type Node } from "@xmldom/xmldom";

const ACTIVE = /^(script|foreignobject|iframe|object|embed|handler|listener|set|animate|animatemotion|animatetransform|discard)$/i;

/** What is wrong with `svg`, one line per problem; empty when it is inert and self-contained. */
export function svgProblems(svg: string): string[] {
  const problems: string[] = [];
  let document;
  try {
    document = new DOMParser({
      onError: (level, text) => {
        if (level !== "warning") throw new Error(text);
      },
    }).parseFromString(svg, "image/svg+xml");
  } catch (error) {
    return [`not well-formed XML: ${(error as Error).message.split("\n")[0]}`];
  }
  const visit = (node: Node) => {
    if (node.nodeType === node.DOCUMENT_TYPE_NODE) problems.push("a DOCTYPE");
    if (node.nodeType === node.PROCESSING_INSTRUCTION_NODE && node.nodeName !== "xml") problems.push(`processing instruction ${node.nodeName}`);
    if (node.nodeType === node.ELEMENT_NODE) {
      const element = node as Element;
      const name = element.localName ?? element.nodeName;
      if (ACTIVE.test(name)) problems.push(`element <${element.nodeName}>`);
      for (let i = 0; i < element.attributes.length; i++) {
        const { name: attr, value } = element.attributes.item(i)!;
        const local = attr.replace(/^.*:/, "");
        if (/^on/i.test(local)) problems.push(`event handler ${attr} on <${name}>`);
        if (/javascript:/i.test(value.replace(/[\s\u0000-\u001f]/g, ""))) problems.push(`javascript: URL in ${attr} on <${name}>`);
        if (local === "href" || local === "src") {
          const external = !value.startsWith("#") && !value.startsWith("data:image/") && !(name === "a" && /^https?:\/\//.test(value));
          if (external) problems.push(`external reference ${attr}="${value.slice(0, 60)}" on <${name}>`);
        }
        for (const match of value.matchAll(/url\(\s*['"]?([^'")]*)/gi)) {
          if (!match[1]!.startsWith("#")) problems.push(`external url(${match[1]!.slice(0, 60)}) in ${attr}`);
        }
      }
      if (name === "style") {
        const css = element.textContent ?? "";
        if (/@import/i.test(css)) problems.push("CSS @import");
        for (const match of css.matchAll(/url\(\s*['"]?([^'")]*)/gi)) {
          if (!match[1]!.startsWith("#") && !match[1]!.startsWith("data:font/")) problems.push(`external url(${match[1]!.slice(0, 60)}) in <style>`);
        }
      }
    }
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
  };
  visit(document);
  return problems;
}

/**
 * Strings built to break out of an attribute, an element or a URL. No digits:
 * a number in a chart's text must be a figure of its rows, and these are not.
 */
export const HOSTILE = [
  `"><script>alert(document.domain)</script>`,
  `' onload='alert(document.domain)`,
  `" onmouseover="alert(document.domain)`,
  `</text><script>alert(document.domain)</script><text>`,
  `&quot; onload=&quot;alert(document.domain)`,
  `]]><script>alert(document.domain)</script>`,
  `<img src=x onerror=alert(document.domain)>`,
];
