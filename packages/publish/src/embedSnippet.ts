import { sourceLine } from "@charts/theme";
import { invalid } from "@charts/errors";
import type { PublishedChart, PublishedVariant } from "./types.ts";

/** What the snippet needs from a chart's manifest entry. */
export type EmbedInput = Pick<PublishedChart, "slug" | "hash" | "alt" | "source" | "notes" | "byline" | "variants" | "locale" | "table">;

/** The data table links of the caption, per language of the house locales. */
const DATA_LINKS: Record<string, { table: string; csv: string }> = {
  en: { table: "Data table", csv: "Data (CSV)" },
  fr: { table: "Tableau des données", csv: "Données (CSV)" },
  de: { table: "Datentabelle", csv: "Daten (CSV)" },
  es: { table: "Tabla de datos", csv: "Datos (CSV)" },
  vi: { table: "Bảng số liệu", csv: "Số liệu (CSV)" },
};

/**
 * The HTML a CMS pastes to show a chart: a `<figure>` whose `<picture>` picks
 * the SVG by colour scheme (a `dark` variant answers `prefers-color-scheme: dark`)
 * and by viewport width (each variant serves viewports from its width up to
 * the next wider variant's; the narrowest also serves anything narrower), each
 * `<source>` with its own width and height, so the page reserves the right
 * box; an `<img>` with the default variant's PNG at 1x and 2x for readers
 * whose browser takes no `<picture>` (feeds, email), the alt text, and a
 * caption with notes, source, byline and links to the data table (HTML and CSV).
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
    ...artDirection(alternate).map(({ variant, maxWidth }) => source(url(variant.svg.name), variant, ["(prefers-color-scheme: dark)", maxWidth])),
    ...artDirection(base).map(({ variant, maxWidth }) => source(url(variant.svg.name), variant, [maxWidth])),
  ];
  const img =
    `<img src="${url(main.png.name)}" srcset="${url(main.png.name)} 1x, ${url(main.png2x.name)} 2x"` +
    ` width="${main.width}" height="${main.height}" alt="${escapeHtml(chart.alt)}" loading="lazy" decoding="async">`;

  const links = DATA_LINKS[(chart.locale ?? "en").slice(0, 2)] ?? DATA_LINKS.en!;
  const caption = [
    chart.notes ? `    <p class="chart-notes">${escapeHtml(chart.notes)}</p>` : undefined,
    `    <p class="chart-source">${escapeHtml(sourceLine(chart.source))}</p>`,
    chart.byline ? `    <p class="chart-byline">${escapeHtml(chart.byline)}</p>` : undefined,
    chart.table
      ? `    <p class="chart-data-links"><a href="${url(chart.table.html.name)}">${escapeHtml(links.table)}</a> <a href="${url(chart.table.csv.name)}" download>${escapeHtml(links.csv)}</a></p>`
      : undefined,
  ].filter((line) => line !== undefined);
  const lang = chart.locale ? ` lang="${escapeHtml(chart.locale)}"` : "";

  return [
    `<figure class="chart" id="chart-${chart.slug}" data-chart-slug="${chart.slug}" data-chart-hash="${chart.hash}"${lang}>`,
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

function source(srcset: string, variant: PublishedVariant, media: (string | undefined)[]): string {
  const query = media.filter((part) => part !== undefined).join(" and ");
  return `<source${query ? ` media="${query}"` : ""} type="image/svg+xml" srcset="${srcset}" width="${variant.width}" height="${variant.height}">`;
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
