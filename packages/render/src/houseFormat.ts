import { formatValue, type ValueFormat } from "@charts/theme";
import { ChartsError, message } from "@charts/errors";

// Expression functions are global in Vega; the locale a render asked for is
// found through the view that evaluates the expression.
const viewLocales = new WeakMap<object, string>();

/** Remembers the default locale of the house format for one Vega view. */
export function setViewLocale(view: object, locale: string | undefined): void {
  if (locale) viewLocales.set(view, locale);
}

/**
 * The `house` Vega expression function behind Vega-Lite's
 * `formatType: "house"` (with `config.customFormatTypes: true`):
 * `format` is a ValueFormat `{unit, locale?, precision?, approx?}`;
 * a format without locale takes the render's locale.
 */
export function house(this: unknown, value: unknown, format: unknown): string {
  if (format === null || typeof format !== "object" || typeof (format as ValueFormat).unit !== "string") {
    throw new ChartsError(message.invalid(message.expectedHouseFormat(), format));
  }
  const view = (this as { context?: { dataflow?: object } } | undefined)?.context?.dataflow;
  const locale = (format as ValueFormat).locale ?? (view ? viewLocales.get(view) : undefined);
  return formatValue(Number(value), locale ? { ...(format as ValueFormat), locale } : (format as ValueFormat));
}
