import type { Spec, View } from "vega";
import { ChartsError, message } from "@charts/errors";

interface ScaleSpec {
  name: string;
  type?: string;
  domain?: unknown;
}

/**
 * A log scale over zero, negative or missing values maps them to nothing:
 * Vega draws an empty plot and says nothing. After the dataflow ran (so the
 * domain is the data's), every log scale of the spec must span values all
 * above zero or all below; else a ChartsError names the scale, the fields of
 * its domain and the domain found.
 */
export function checkLogScales(view: View, vgSpec: Spec): void {
  for (const spec of (vgSpec.scales ?? []) as ScaleSpec[]) {
    if (spec.type !== "log") continue;
    const scale = view.scale(spec.name) as { domain(): unknown[] } | undefined;
    if (!scale) continue;
    const domain = scale.domain().map(Number);
    const [low, high] = [Math.min(...domain), Math.max(...domain)];
    if (domain.every(Number.isFinite) && (low > 0 || high < 0)) continue;
    throw new ChartsError(message.logScaleDomain(spec.name, fieldsOf(spec.domain), domain));
  }
}

/** The data fields a scale's domain is drawn from: {field}, {fields: [...]}, or fields in a list of data refs. */
function fieldsOf(domain: unknown): string[] {
  if (!domain || typeof domain !== "object") return [];
  const { field, fields } = domain as { field?: unknown; fields?: unknown };
  const found: string[] = [];
  if (typeof field === "string") found.push(field);
  if (Array.isArray(fields)) for (const f of fields) found.push(...(typeof f === "string" ? [f] : fieldsOf(f)));
  return [...new Set(found.map((name) => name.replace(/_(start|end)$/, "")))];
}
