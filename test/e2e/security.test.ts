// Trust, through the real CLI: a chart definition or a spec cannot read
// outside its folder, reach the network, publish script, or render
// differently from one run to the next.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PNG } from "pngjs";
import { message } from "@charts/errors";
import { charts, scratchProject } from "./cli.ts";
import { HOSTILE, svgProblems } from "./svgSafety.ts";

const SECRET = "TOPSECRET-FROM-OUTSIDE";
const LINKS_SETTING = `"allowLinks": false in charts.config.json`;
let server: Server;
let port = 0;
let connections = 0;
let png: Buffer;

beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as { port: number }).port;
  const image = new PNG({ width: 4, height: 4 });
  image.data.fill(0x80);
  png = PNG.sync.write(image);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // nothing, in any test of this file, ever connected to the listener
  expect(connections).toBe(0);
});

/** Every file under `dir`, recursively, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), "latin1"))
    .join("\n");
}

/** A chart of the 2023 trade partners; `plot`, `annotations` and the texts can be replaced. */
function definition(slug: string, changes: Record<string, unknown> = {}) {
  return {
    slug,
    headline: "Russia trades little with Vietnam",
    dek: "Two-way trade, US$ billion",
    alt: "Bars for Vietnam's trade partners.",
    data: { dataset: "vietnam-trade-by-partner", where: { year: 2023 } },
    plot: {
      mark: "bar",
      encoding: { y: { field: "partner", type: "nominal", title: null }, x: { field: "trade_usd_bn", type: "quantitative", title: null } },
    },
    ...changes,
  };
}
const bars = { mark: "bar", encoding: { y: { field: "partner", type: "nominal", title: null }, x: { field: "trade_usd_bn", type: "quantitative", title: null } } };
const withEncoding = (encoding: Record<string, unknown>, mark: unknown = "bar") => ({ ...bars, mark, encoding: { ...bars.encoding, ...encoding } });

describe("pnpm charts (the build)", () => {
  const project = scratchProject();
  const outside = join(project.dir, "outside");
  const file = (slug: string) => `charts/${slug}.chart.json`;

  // each way a definition could reach out, with the line the build must print for it
  const hostile: Array<{ slug: string; changes: Record<string, unknown> | (() => Record<string, unknown>); error: () => string }> = [
    {
      slug: "evil-layer-file-url",
      changes: { plot: { layer: [bars, { mark: "rule", data: { url: "file:///etc/passwd" } }] } },
      error: () => `${file("evil-layer-file-url")}, plot.layer[1].data.url: ${message.urlData("file:///etc/passwd")}`,
    },
    {
      slug: "evil-layer-dotdot",
      changes: { plot: { layer: [bars, { mark: "rule", data: { url: "../../outside/secret.csv" } }] } },
      error: () => `${file("evil-layer-dotdot")}, plot.layer[1].data.url: ${message.urlData("../../outside/secret.csv")}`,
    },
    {
      slug: "evil-lookup",
      changes: { plot: { ...bars, transform: [{ lookup: "partner", from: { data: { url: "../outside/secret.csv" }, key: "k", fields: ["v"] } }] } },
      error: () => `${file("evil-lookup")}, plot.transform[0].from.data.url: ${message.urlData("../outside/secret.csv")}`,
    },
    {
      slug: "evil-http",
      changes: () => ({ plot: { layer: [bars, { mark: "rule", data: { url: `http://127.0.0.1:${port}/x.csv` } }] } }),
      error: () => `${file("evil-http")}, plot.layer[1].data.url: ${message.urlData(`http://127.0.0.1:${port}/x.csv`)}`,
    },
    {
      slug: "evil-font",
      changes: { plot: withEncoding({ x: { field: "trade_usd_bn", type: "quantitative", axis: { labelFont: `Source Sans 3" onload="alert(document.domain)` } } }) },
      error: () => `${file("evil-font")}, plot.encoding.x.axis.labelFont: ${message.fontFamily(`Source Sans 3" onload="alert(document.domain)`, "Source Sans 3")}`,
    },
    {
      slug: "evil-image",
      changes: { plot: withEncoding({ url: { value: "../outside/dot.png" } }, { type: "image", width: 8, height: 8 }) },
      error: () => `${file("evil-image")}, compiled.encoding.url.value: ${message.pathOutsideRoot("../outside/dot.png", join(outside, "dot.png"), join(project.dir, "datasets"))}`,
    },
    {
      slug: "evil-link",
      changes: { plot: withEncoding({ href: { value: "javascript:alert(document.domain)" } }) },
      error: () => `${file("evil-link")}, compiled.encoding.href.value: ${message.linkScheme("javascript:alert(document.domain)")}`,
    },
  ];
  const benign = [
    { slug: "ok-link", changes: { plot: withEncoding({ href: { value: "https://example.com/trade?a=b&c=d" } }) } },
    { slug: "ok-image", changes: { plot: withEncoding({ url: { value: "vietnam-trade-by-partner/flag.png" } }, { type: "image", width: 8, height: 8 }) } },
    {
      slug: "ok-hostile-text",
      changes: {
        headline: HOSTILE[0],
        dek: HOSTILE[1],
        notes: HOSTILE.slice(2).join(" "),
        byline: HOSTILE[3],
        alt: HOSTILE[2],
        source: HOSTILE[6],
        annotations: [{ type: "label", at: { partner: "Russia" }, text: HOSTILE[4] }],
        plot: { ...bars, description: HOSTILE[5] },
        // the strings test the escaping, not the layout: an unbreakable headline runs past a phone's width
        lint: { waive: { "text-clipped": "hostile strings, not a layout", "text-on-marks": "hostile strings, not a layout" } },
      },
    },
  ];
  let run: Awaited<ReturnType<typeof charts>>;

  beforeAll(async () => {
    mkdirSync(outside);
    writeFileSync(join(outside, "secret.csv"), `k,v\n${SECRET},1\n`);
    writeFileSync(join(outside, "dot.png"), png);
    writeFileSync(join(project.dir, "datasets/vietnam-trade-by-partner/flag.png"), png);
    for (const { slug, changes } of [...hostile, ...benign]) {
      writeFileSync(join(project.dir, file(slug)), JSON.stringify(definition(slug, typeof changes === "function" ? changes() : changes)));
    }
    run = await charts(["--config", project.configFile]);
  }, 120_000);

  it("refuses each way out with the file, the JSON path and the URL, and never crashes", () => {
    expect(run.code).toBe(1);
    for (const { slug, error } of hostile) {
      const line = run.stderr.split("\n").find((l) => l.startsWith(`✗ ${slug} `));
      expect(line, slug).toBeDefined();
      expect(line, slug).toContain(error());
    }
    expect(run.stderr).not.toMatch(/TypeError|at .*node_modules/);
    // the other charts, real ones included, still published
    for (const slug of ["vietnam-trade-by-partner", "russia-arms-transfers", ...benign.map((b) => b.slug)]) {
      expect(run.stdout, slug).toMatch(new RegExp(`✓ ${slug} `));
    }
  });

  it("publishes nothing from outside the datasets folder", () => {
    const published = allText(project.out);
    expect(published).not.toContain(SECRET);
    expect(published).not.toContain("root:x:0");
  });

  it("keeps an http(s) link as a link and embeds a local image as a data URI", () => {
    const link = readFileSync(join(project.out, "ok-link.svg"), "utf8");
    expect(link).toContain(`<a xlink:href="https://example.com/trade?a=b&amp;c=d">`);
    const image = readFileSync(join(project.out, "ok-image.svg"), "utf8");
    expect(image).toContain(`xlink:href="data:image/png;base64,${png.toString("base64")}"`);
  });

  it("publishes only inert, self-contained SVGs: real charts and hostile texts alike", () => {
    const svgs = readdirSync(project.out).filter((name) => name.endsWith(".svg") && !/\.[0-9a-f]{8,}\.svg$/.test(name));
    expect(svgs.length).toBeGreaterThanOrEqual(7);
    for (const name of svgs) expect(svgProblems(readFileSync(join(project.out, name), "utf8")), name).toEqual([]);
    const hostileSvg = readFileSync(join(project.out, "ok-hostile-text.svg"), "utf8");
    expect(hostileSvg).toContain("&lt;script&gt;alert(document.domain)&lt;/script&gt;");
    expect(hostileSvg).not.toContain("<script");
  });

  it("refuses links with \"allowLinks\": false", async () => {
    const strict = scratchProject();
    const config = JSON.parse(readFileSync(strict.configFile, "utf8"));
    writeFileSync(strict.configFile, JSON.stringify({ ...config, allowLinks: false }));
    writeFileSync(join(strict.dir, file("ok-link")), JSON.stringify(definition("ok-link", benign[0]!.changes)));
    const strictRun = await charts(["--config", strict.configFile]);
    expect(strictRun.code).toBe(1);
    expect(strictRun.stderr).toContain(`✗ ok-link`);
    expect(strictRun.stderr).toContain(`${file("ok-link")}, compiled.encoding.href.value: ${message.linksOff("https://example.com/trade?a=b&c=d", LINKS_SETTING)}`);
    expect(strictRun.stdout).toMatch(/✓ vietnam-trade-by-partner /);
  }, 120_000);
});

describe("pnpm charts render", () => {
  const dir = mkdtempSync(join(tmpdir(), "charts-render-security-"));
  const base = join(dir, "base");
  const outside = join(dir, "outside");
  const out = join(dir, "out");

  beforeAll(() => {
    for (const folder of [base, outside, out]) mkdirSync(folder, { recursive: true });
    writeFileSync(join(base, "data.csv"), "k,v\nA,1\nB,2\n");
    writeFileSync(join(outside, "secret.csv"), `k,v\n${SECRET},1\n`);
    writeFileSync(join(outside, "dot.png"), png);
    writeFileSync(join(base, "dot.png"), png);
    symlinkSync(join(outside, "secret.csv"), join(base, "link.csv"));
    symlinkSync(outside, join(base, "linkdir"));
  });

  const font = { font: "Source Sans 3" };
  const barsOf = (url: string) => ({
    data: { url, format: { type: "csv" } },
    mark: "bar",
    encoding: { x: { field: "v", type: "quantitative" }, y: { field: "k", type: "nominal" } },
    config: font,
  });
  const secretAt = () => join(outside, "secret.csv");

  /** Writes `spec` into the base folder, renders it, and returns the run and the output path. */
  async function render(name: string, spec: object, args: string[] = []) {
    const specFile = join(base, `${name}.vl.json`);
    writeFileSync(specFile, JSON.stringify(spec));
    const output = join(out, `${name}.svg`);
    return { run: await charts(["render", specFile, "-o", output, ...args]), specFile, output };
  }

  const ways: Array<[string, () => object, () => string]> = [
    ["file://", () => barsOf(`file://${secretAt()}`), () => `data.url: ${message.urlNotLocal(`file://${secretAt()}`, base)}`],
    ["file:///etc/passwd", () => barsOf("file:///etc/passwd"), () => `data.url: ${message.urlNotLocal("file:///etc/passwd", base)}`],
    ["an absolute path", () => barsOf("/etc/passwd"), () => `data.url: ${message.pathOutsideRoot("/etc/passwd", "/etc/passwd", base)}`],
    ["../ out of --base", () => barsOf("../outside/secret.csv"), () => `data.url: ${message.pathOutsideRoot("../outside/secret.csv", secretAt(), base)}`],
    ["URL-encoded ..", () => barsOf("%2e%2e/outside/secret.csv"), () => `data.url: ${message.urlEncoded("%2e%2e/outside/secret.csv")}`],
    ["a symlinked file", () => barsOf("link.csv"), () => `data.url: ${message.pathOutsideRoot("link.csv", secretAt(), base)}`],
    ["a symlinked folder", () => barsOf("linkdir/secret.csv"), () => `data.url: ${message.pathOutsideRoot("linkdir/secret.csv", secretAt(), base)}`],
    [
      "a URL built by a signal",
      () => ({ ...barsOf("data.csv"), params: [{ name: "up", value: ".." }], data: { url: { signal: "up + '/outside/secret.csv'" }, format: { type: "csv" } } }),
      () => message.pathOutsideRoot("../outside/secret.csv", secretAt(), base),
    ],
    [
      "a lookup URL",
      () => ({ ...barsOf("data.csv"), transform: [{ lookup: "k", from: { data: { url: "../outside/secret.csv" }, key: "k", fields: ["v"] }, as: ["w"] }] }),
      () => `transform[0].from.data.url: ${message.pathOutsideRoot("../outside/secret.csv", secretAt(), base)}`,
    ],
    [
      "an image href outside --base",
      () => ({ ...barsOf("data.csv"), mark: { type: "image", width: 9, height: 9 }, encoding: { ...barsOf("").encoding, url: { value: "../outside/dot.png" } } }),
      () => `encoding.url.value: ${message.pathOutsideRoot("../outside/dot.png", join(outside, "dot.png"), base)}`,
    ],
    [
      "a javascript: link",
      () => ({ ...barsOf("data.csv"), encoding: { ...barsOf("").encoding, href: { value: "javascript:alert(document.domain)" } } }),
      () => `encoding.href.value: ${message.linkScheme("javascript:alert(document.domain)")}`,
    ],
    ["http", () => barsOf(`http://127.0.0.1:${port}/x.csv`), () => `data.url: ${message.urlNotLocal(`http://127.0.0.1:${port}/x.csv`, base)}`],
    ["https", () => barsOf(`https://127.0.0.1:${port}/x.csv`), () => `data.url: ${message.urlNotLocal(`https://127.0.0.1:${port}/x.csv`, base)}`],
  ];

  it.each(ways)("refuses %s, naming the file, the JSON path and the URL, and writes nothing", async (name, spec, error) => {
    const { run, specFile, output } = await render(name.replace(/\W+/g, "-"), spec());
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`error: ${specFile}`);
    expect(run.stderr).toContain(error());
    expect(run.stderr).not.toMatch(/TypeError|at .*node_modules/);
    expect(existsSync(output)).toBe(false);
  });

  it("embeds an image under --base and keeps an https link, or refuses it with --no-links", async () => {
    const spec = {
      ...barsOf("data.csv"),
      layer: [
        { mark: "bar", encoding: { href: { value: "https://example.com/a?b=c" } } },
        { mark: { type: "image", width: 9, height: 9 }, encoding: { url: { value: "dot.png" } } },
      ],
      mark: undefined,
    };
    const { run, output } = await render("image-and-link", spec);
    expect(run.code, run.stderr).toBe(0);
    const svg = readFileSync(output, "utf8");
    expect(svg).toContain(`xlink:href="data:image/png;base64,${png.toString("base64")}"`);
    expect(svg).toContain(`<a xlink:href="https://example.com/a?b=c">`);
    expect(svgProblems(svg)).toEqual([]);
    const strict = await render("image-and-link-strict", spec, ["--no-links"]);
    expect(strict.run.code).toBe(1);
    expect(strict.run.stderr).toContain(message.linksOff("https://example.com/a?b=c", "--no-links"));
  });

  it("escapes every string a spec puts into the SVG: titles, descriptions, labels, data values, links", async () => {
    for (const [i, text] of HOSTILE.entries()) {
      const spec = {
        title: { text, subtitle: text },
        description: text,
        data: { values: [{ k: text, v: 1, link: `https://example.com/${text}` }, { k: "plain", v: 2, link: "https://example.com/" }] },
        mark: { type: "bar", description: text, aria: true },
        encoding: {
          x: { field: "v", type: "quantitative", title: text },
          y: { field: "k", type: "nominal", title: text },
          color: { field: "k", type: "nominal", title: text },
          href: { field: "link" },
          tooltip: { field: "k" },
          description: { field: "k" },
        },
        config: font,
      };
      const { run, output } = await render(`hostile-${i}`, spec);
      expect(run.code, run.stderr).toBe(0);
      const svg = readFileSync(output, "utf8");
      expect(svgProblems(svg), text).toEqual([]);
      expect(svg).not.toContain("<script");
    }
  }, 120_000);

  it("refuses a font family built to break out of its attribute, before rendering", async () => {
    for (const [i, family] of [`Source Sans 3" onload="alert(document.domain)`, `x'><script>alert(document.domain)</script>`, "Source Sans 3&quot; onload=&quot;x"].entries()) {
      const { run, output } = await render(`font-${i}`, { ...barsOf("data.csv"), config: { font: family } });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`config.font: ${message.fontFamily(family, "Source Sans 3")}`);
      expect(existsSync(output)).toBe(false);
    }
  });

  it("never writes anything read from outside --base", () => {
    expect(allText(out)).not.toContain(SECRET);
  });

  it("renders random(), sample and bootstrapped CIs byte-identically in two processes; --seed changes them", async () => {
    const spec = {
      data: { values: Array.from({ length: 40 }, (_, i) => ({ i, g: ["a", "b"][i % 2], v: (i * 7) % 11 })) },
      transform: [{ calculate: "random()", as: "r" }, { sample: 20 }],
      layer: [
        { mark: "point", encoding: { x: { field: "i", type: "quantitative" }, y: { field: "r", type: "quantitative" } } },
        { mark: { type: "errorbar", extent: "ci" }, encoding: { x: { field: "g", type: "nominal" }, y: { field: "v", type: "quantitative" } } },
      ],
      config: font,
    };
    const a = await render("random-a", spec);
    const b = await render("random-b", spec);
    const c = await render("random-c", spec, ["--seed", "99"]);
    for (const r of [a, b, c]) expect(r.run.code, r.run.stderr).toBe(0);
    expect(readFileSync(b.output, "utf8")).toBe(readFileSync(a.output, "utf8"));
    expect(readFileSync(c.output, "utf8")).not.toBe(readFileSync(a.output, "utf8"));
    const bad = await render("random-bad", spec, ["--seed", "-3"]);
    expect(bad.run.stderr).toContain(`--seed: ${message.seed("-3")}`);
  }, 120_000);
});
