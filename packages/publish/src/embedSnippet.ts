import { sourceLine } from "@charts/theme";
import { invalid } from "@charts/errors";
import type { PublishedChart, PublishedVariant } from "./types.ts";

/** What the snippet needs from a chart's manifest entry. */
export type EmbedInput = Pick<PublishedChart, "slug" | "hash" | "alt" | "source" | "notes" | "byline" | "variants">;

/**
 * The HTML a CMS pastes to show a chart: a `<figure>` whose `<picture>` picks
 * the SVG by colour scheme (a `dark` variant answers `prefers-color-scheme: dark`)
 * and by viewport width (a narrower variant serves viewports narrower than the
 * next wider one), an `<img>` with the PNG fallback at 1x and 2x, the alt text,
 * and a caption with notes, source and byline.
 *
 * Addresses use the immutable hashed names under `baseUrl`, so a pasted snippet
 * keeps showing the version it was pasted with, caption and picture in step,
 * and browsers may cache it for good; the manifest's `changes` tell the CMS
 * when to fetch a new snippet.
 *
 * @example embedSnippet(entry, "https://charts.example.org/charts/")
 */
export function embedSnippet(chart: EmbedInput, baseUrl: string): string {
  const url = (name: string) => escapeHtml(baseUrl + name);
  const light = chart.variants.filter((variant) => variant.theme === "light");
  const dark = chart.variants.filter((variant) => variant.theme === "dark");
  // A chart drawn only in dark colours still needs a picture for everyone.
  const base = light.length ? light : dark;
  const alternate = light.length ? dark : [];
  const main = base.find((variant) => variant.name === "default") ?? widest(base);

  const sources = [
    ...artDirection(alternate).map(({ variant, maxWidth }) =>
      source(url(variant.svg.name), ["(prefers-color-scheme: dark)", maxWidth]),
    ),
    ...artDirection(base).map(({ variant, maxWidth }) => source(url(variant.svg.name), [maxWidth])),
  ];
  const img =
    `<img src="${url(main.png.name)}" srcset="${url(main.png.name)} 1x, ${url(main.png2x.name)} 2x"` +
    ` width="${main.width}" height="${main.height}" alt="${escapeHtml(chart.alt)}" loading="lazy" decoding="async">`;

  const caption = [
    chart.notes ? `    <p class="chart-notes">${escapeHtml(chart.notes)}</p>` : undefined,
    `    <p class="chart-source">${escapeHtml(sourceLine(chart.source))}</p>`,
    chart.byline ? `    <p class="chart-byline">${escapeHtml(chart.byline)}</p>` : undefined,
  ].filter((line) => line !== undefined);

  return [
    `<figure class="chart" id="chart-${chart.slug}" data-chart-slug="${chart.slug}" data-chart-hash="${chart.hash}">`,
    "  <picture>",
    ...sources.map((line) => `    ${line}`),
    `    ${img}`,
    "  </picture>",
    "  <figcaption>",
    ...caption,
    "  </figcaption>",
    "</figure>",
    "",
  ].join("\n");
}

/**
 * Variants by width, each but the widest limited to viewports narrower than
 * the next wider variant: art direction, since a narrow chart has its own layout.
 */
function artDirection(variants: PublishedVariant[]): { variant: PublishedVariant; maxWidth?: string }[] {
  const rank = (variant: PublishedVariant) => (variant.name === "default" ? 0 : 1);
  const sorted = [...variants].sort(
    (a, b) => a.width - b.width || rank(a) - rank(b) || a.name.localeCompare(b.name),
  );
  return sorted.map((variant, i) => {
    const next = sorted.slice(i + 1).find((other) => other.width > variant.width);
    if (i === sorted.length - 1) return { variant };
    // Two variants of one width: the first (`default`, then by name) wins.
    return { variant, maxWidth: next ? `(max-width: ${next.width - 1}px)` : undefined };
  });
}

function source(srcset: string, media: (string | undefined)[]): string {
  const query = media.filter((part) => part !== undefined).join(" and ");
  return `<source${query ? ` media="${query}"` : ""} type="image/svg+xml" srcset="${srcset}">`;
}

function widest(variants: PublishedVariant[]): PublishedVariant {
  const [first, ...rest] = variants;
  if (!first) throw invalid({ field: "variants" }, "at least one variant", variants);
  return rest.reduce((a, b) => (b.width > a.width ? b : a), first);
}


/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
