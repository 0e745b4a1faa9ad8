// Every way a spec can name a file, a host or a link, against real files,
// real symbolic links and a real listener on 127.0.0.1 that must see nothing.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { message } from "@charts/errors";
import { renderSvg, setupRenderer } from "../src/index.ts";

const dir = mkdtempSync(join(tmpdir(), "render-access-"));
const base = join(dir, "base");
const outside = join(dir, "outside");
let server: Server;
let port = 0;
let connections = 0;
let png: Buffer;

beforeAll(async () => {
  mkdirSync(join(base, "sub"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(base, "data.csv"), "k,v\nA,1\nB,2\n");
  writeFileSync(join(base, "sub", "data.csv"), "k,v\nC,3\n");
  writeFileSync(join(outside, "secret.csv"), "k,v\nSECRET,42\n");
  symlinkSync(join(outside, "secret.csv"), join(base, "link.csv"));
  symlinkSync(outside, join(base, "linkdir"));
  png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#d55e00" } }).png().toBuffer();
  writeFileSync(join(base, "dot.png"), png);
  writeFileSync(join(outside, "dot.png"), png);
  symlinkSync(join(outside, "dot.png"), join(base, "linked.png"));
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
  await setupRenderer();
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const font = { font: "Source Sans 3" };
/** A bar chart of `k` by `v` reading `url`. */
const bars = (url: unknown) => ({
  data: { url, format: { type: "csv" } },
  mark: "bar",
  encoding: { x: { field: "v", type: "quantitative" }, y: { field: "k", type: "nominal" } },
  config: font,
});
const allowed = () => base;

describe("guardedLoader: data", () => {
  test("reads a file under the folder, by relative or absolute path, and through ../ that stays inside", async () => {
    for (const url of ["data.csv", join(base, "data.csv"), "sub/../data.csv", "./sub/data.csv"]) {
      const { svg } = await renderSvg(bars(url) as never, { base });
      expect(svg).toMatch(/>(A|C)</);
    }
  });

  test.each([
    ["file://", () => `file://${join(outside, "secret.csv")}`, (url: string) => message.urlNotLocal(url, allowed())],
    ["file:///etc/passwd", () => "file:///etc/passwd", (url: string) => message.urlNotLocal(url, allowed())],
    ["absolute path outside", () => join(outside, "secret.csv"), (url: string) => message.pathOutsideRoot(url, join(outside, "secret.csv"), allowed())],
    ["/etc/passwd", () => "/etc/passwd", (url: string) => message.pathOutsideRoot(url, "/etc/passwd", allowed())],
    ["../", () => "../outside/secret.csv", (url: string) => message.pathOutsideRoot(url, join(outside, "secret.csv"), allowed())],
    ["URL-encoded ..", () => "%2e%2e/outside/secret.csv", (url: string) => message.urlEncoded(url)],
    ["double-encoded ..", () => "%252e%252e/outside/secret.csv", (url: string) => message.urlEncoded(url)],
    ["backslashes", () => "..\\outside\\secret.csv", (url: string) => message.urlEncoded(url)],
    ["NUL", () => "data.csv\u0000../outside/secret.csv", (url: string) => message.urlEncoded(url)],
    ["symlinked file", () => "link.csv", (url: string) => message.pathOutsideRoot(url, join(outside, "secret.csv"), allowed())],
    ["symlinked folder", () => "linkdir/secret.csv", (url: string) => message.pathOutsideRoot(url, join(outside, "secret.csv"), allowed())],
    ["protocol-relative", () => "//127.0.0.1/x.csv", (url: string) => message.urlNotLocal(url, allowed())],
    ["http", () => `http://127.0.0.1:${port}/x.csv`, (url: string) => message.urlNotLocal(url, allowed())],
    ["https", () => `https://127.0.0.1:${port}/x.csv`, (url: string) => message.urlNotLocal(url, allowed())],
    ["data:", () => "data:text/csv,k,v%0ASECRET,1", (url: string) => message.urlEncoded(url)],
  ])("refuses %s, naming the JSON path and the URL", async (_, url, expected) => {
    const received = url();
    await expect(renderSvg(bars(received) as never, { base })).rejects.toThrow(`data.url: ${expected(received)}`);
  });

  test("refuses a URL in a lookup, naming its JSON path", async () => {
    const spec = {
      ...bars("data.csv"),
      transform: [{ lookup: "k", from: { data: { url: "../outside/secret.csv" }, key: "k", fields: ["v"] }, as: ["w"] }],
    };
    await expect(renderSvg(spec as never, { base })).rejects.toThrow(
      `transform[0].from.data.url: ${message.pathOutsideRoot("../outside/secret.csv", join(outside, "secret.csv"), base)}`,
    );
  });

  test("refuses a URL a signal builds at run time", async () => {
    const spec = {
      width: 100,
      height: 100,
      signals: [{ name: "where", value: "../outside" }],
      data: [{ name: "d", url: { signal: "where + '/secret' + '.csv'" }, format: { type: "csv" } }],
      marks: [{ type: "text", from: { data: "d" }, encode: { enter: { text: { field: "k" }, font: { value: "Source Sans 3" } } } }],
    };
    await expect(renderSvg(spec as never, { base })).rejects.toThrow(message.pathOutsideRoot("../outside/secret.csv", join(outside, "secret.csv"), base));
  });

  test("no refused URL ever reached the listener on 127.0.0.1", async () => {
    for (const url of [`http://127.0.0.1:${port}/a.csv`, `//127.0.0.1:${port}/b.csv`, `https://127.0.0.1:${port}/c.csv`]) {
      await expect(renderSvg(bars(url) as never, { base })).rejects.toThrow();
    }
    const image = { ...imageSpec(`http://127.0.0.1:${port}/dot.png`) };
    await expect(renderSvg(image as never, { base })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(connections).toBe(0);
  });
});

function imageSpec(url: string) {
  return {
    data: { values: [{ x: 1, y: 1, img: url }] },
    mark: { type: "image", width: 20, height: 20 },
    encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, url: { field: "img" } },
    config: font,
  };
}

describe("guardedLoader: images", () => {
  test("embeds a local image under the folder as a data URI", async () => {
    const { svg } = await renderSvg(imageSpec("dot.png") as never, { base });
    expect(svg).toContain(`xlink:href="data:image/png;base64,${png.toString("base64")}"`);
    expect(svg).not.toMatch(/href="[^"]*dot\.png/);
  });

  test.each([
    ["outside the folder", "../outside/dot.png", () => message.pathOutsideRoot("../outside/dot.png", join(outside, "dot.png"), base)],
    ["through a symbolic link", "linked.png", () => message.pathOutsideRoot("linked.png", join(outside, "dot.png"), base)],
    ["over http", "https://example.com/dot.png", () => message.urlNotLocal("https://example.com/dot.png", base)],
    ["a data: URI", "data:image/svg+xml,<svg onload='alert(1)'/>", () => message.urlNotLocal("data:image/svg+xml,<svg onload='alert(1)'/>", base)],
    ["not an image", "data.csv", () => message.imageFormat("data.csv")],
  ])("refuses an image %s", async (_, url, expected) => {
    await expect(renderSvg(imageSpec(url) as never, { base })).rejects.toThrow(expected());
  });
});

function linkSpec(href: string) {
  return {
    data: { values: [{ k: "A", v: 1, link: href }] },
    mark: "bar",
    encoding: { x: { field: "v", type: "quantitative" }, y: { field: "k", type: "nominal" }, href: { field: "link" } },
    config: font,
  };
}

describe("guardedLoader: links", () => {
  test("keeps an http(s) link, as a link", async () => {
    const { svg } = await renderSvg(linkSpec("https://example.com/story?a=1&b=2") as never, { base });
    expect(svg).toContain(`<a xlink:href="https://example.com/story?a=1&amp;b=2">`);
  });

  test.each(["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd", "page.html"])(
    "refuses the link %j with an error, never a crash",
    async (href) => {
      await expect(renderSvg(linkSpec(href) as never, { base })).rejects.toThrow(message.linkScheme(href));
    },
  );

  test("refuses every link when links are switched off", async () => {
    await expect(renderSvg(linkSpec("https://example.com/") as never, { base, links: false, linksSetting: "--no-links" })).rejects.toThrow(
      message.linksOff("https://example.com/", "--no-links"),
    );
  });
});
