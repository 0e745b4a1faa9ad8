// An Intl.NumberFormat costs far more to make than to use (ICU loads the
// locale's data), and a chart formats hundreds of numbers in a handful of
// ways: each (locale, options) is made once per process and kept.
const formats = new Map<string, Intl.NumberFormat>();

/** `new Intl.NumberFormat(locale, options)`, made once per locale and options. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale}\0${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}
