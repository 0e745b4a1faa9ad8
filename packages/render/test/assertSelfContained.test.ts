import { describe, expect, test } from "vitest";
import { assertSelfContained } from "../src/index.ts";

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${body}</svg>`;

describe("assertSelfContained", () => {
  test("accepts fragments, data URIs and namespace declarations", () => {
    expect(() =>
      assertSelfContained(svg(`<use href="#a"/><path fill="url(#grad)"/><style>@font-face{src:url(data:font/woff2;base64,AAAA)}</style>`)),
    ).not.toThrow();
  });

  test("names the first outside reference", () => {
    expect(() => assertSelfContained(svg(`<image xlink:href="flags/vn.png"/>`))).toThrow(
      'expected a self-contained SVG but it references "flags/vn.png" (attribute)',
    );
    expect(() => assertSelfContained(svg(`<style>@font-face{src:url('https://fonts.example/x.woff2')}</style>`))).toThrow(
      'expected a self-contained SVG but it references "https://fonts.example/x.woff2" (CSS url())',
    );
    expect(() => assertSelfContained(svg(`<style>@import "x.css";</style>`))).toThrow(
      'expected a self-contained SVG but it has a CSS @import: @import "x.css";</style></svg>',
    );
  });
});
