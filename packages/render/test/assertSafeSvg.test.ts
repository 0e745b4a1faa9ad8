import { describe, expect, test } from "vitest";
import { message } from "@charts/errors";
import { assertSafeSvg } from "../src/index.ts";

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${body}</svg>`;
const unsafe = (what: string) => message.unsafeSvg(what);
const PNG = "data:image/png;base64,iVBORw0KGgo=";

describe("assertSafeSvg", () => {
  test("accepts fragments, embedded fonts and images, http(s) links and namespace declarations", () => {
    expect(() =>
      assertSafeSvg(
        svg(
          `<use href="#a"/><path fill="url(#grad)"/><style>@font-face{src:url(data:font/woff2;base64,AAAA)}</style>` +
            `<image xlink:href="${PNG}"/><a xlink:href="https://example.com/x?a=1&amp;b=2"><rect/></a><text aria-label="a \\ b">x</text>`,
        ),
      ),
    ).not.toThrow();
  });

  test("names the first outside reference", () => {
    expect(() => assertSafeSvg(svg(`<image xlink:href="flags/vn.png"/>`))).toThrow(unsafe(`the reference xlink:href="flags/vn.png" on <image>`));
    expect(() => assertSafeSvg(svg(`<style>@font-face{src:url('https://fonts.example/x.woff2')}</style>`))).toThrow(
      unsafe(`the reference url("https://fonts.example/x.woff2") in a <style>`),
    );
    expect(() => assertSafeSvg(svg(`<style>@import "x.css";</style>`))).toThrow(unsafe("a CSS @import in a <style>"));
    expect(() => assertSafeSvg(svg(`<path fill="url(http://x/y.svg#a)"/>`))).toThrow(unsafe(`the reference url("http://x/y.svg#a") in fill on <path>`));
    expect(() => assertSafeSvg(svg(`<path style="fill:\\75 rl(http://x/)"/>`))).toThrow(unsafe("a CSS escape (backslash) in style on <path>"));
    expect(() => assertSafeSvg(svg(`<use href="other.svg#a"/>`))).toThrow(unsafe(`the reference href="other.svg#a" on <use>`));
    expect(() => assertSafeSvg(svg(`<image xlink:href="data:image/svg+xml;base64,PHN2Zz4="/>`))).toThrow(/the reference xlink:href="data:image\/svg\+xml/);
  });

  test("refuses anything that can run", () => {
    expect(() => assertSafeSvg(svg(`<script>alert(1)</script>`))).toThrow(unsafe("the element <script>"));
    expect(() => assertSafeSvg(svg(`<rect onload="alert(1)"/>`))).toThrow(unsafe("the event-handler attribute onload on <rect>"));
    expect(() => assertSafeSvg(svg(`<rect ONclick="alert(1)"/>`))).toThrow(unsafe("the event-handler attribute ONclick on <rect>"));
    expect(() => assertSafeSvg(svg(`<a xlink:href="javascript:alert(1)"><rect/></a>`))).toThrow(unsafe("a javascript: URL in xlink:href on <a>"));
    expect(() => assertSafeSvg(svg(`<a href="&#106;avascript:alert(1)"><rect/></a>`))).toThrow(unsafe("a javascript: URL in href on <a>"));
    expect(() => assertSafeSvg(svg(`<a href="java&#9;script:alert(1)"><rect/></a>`))).toThrow(unsafe("a javascript: URL in href on <a>"));
    expect(() => assertSafeSvg(svg(`<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`))).toThrow(
      unsafe("the element <foreignObject>"),
    );
    expect(() => assertSafeSvg(svg(`<set attributeName="href" to="javascript:alert(1)"/>`))).toThrow(unsafe("the element <set>"));
    expect(() => assertSafeSvg(svg(`<animate attributeName="href" values="x"/>`))).toThrow(unsafe("the element <animate>"));
    expect(() => assertSafeSvg(svg(`<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>`))).toThrow(
      unsafe("the element <h:script> outside the SVG namespace"),
    );
  });

  test("refuses markup a browser would read differently: broken XML, DOCTYPE entities, processing instructions", () => {
    // a quote that broke out of an attribute writes a well-formed handler, or a broken element
    expect(() => assertSafeSvg(svg(`<text font-family="'x" onload="y'">t</text>`))).toThrow(unsafe("the event-handler attribute onload on <text>"));
    expect(() => assertSafeSvg(svg(`<text font-family="'x" font-family="y'">t</text>`))).toThrow(/markup that does not parse as XML/);
    expect(() => assertSafeSvg(svg(`<text font-family="'x"><script>'">t</text>`))).toThrow(/markup that does not parse as XML/);
    expect(() => assertSafeSvg(`<!DOCTYPE svg [<!ENTITY x "y">]>${svg("<text>&x;</text>")}`)).toThrow(/DOCTYPE|does not parse/);
    expect(() => assertSafeSvg(`<?xml-stylesheet href="http://x/a.css"?>${svg("")}`)).toThrow(unsafe("a processing instruction <?xml-stylesheet?>"));
  });

  test("refuses links when they are switched off", () => {
    expect(() => assertSafeSvg(svg(`<a xlink:href="https://example.com/"><rect/></a>`), { links: false })).toThrow(
      unsafe(`a link "https://example.com/" while links are switched off`),
    );
  });
});
