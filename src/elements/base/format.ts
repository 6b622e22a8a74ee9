/**
 * The locale an element speaks: the nearest `lang` attribute (crossing shadow
 * roots), else the page's, else the browser's.
 */
export function localeOf(element: Element): string {
  // Duck-typed, not `instanceof Element`: server rendering has no DOM globals
  // (there an element sees only its own `lang`).
  let node: Node | null = element;
  while (node) {
    const lang = (node as Partial<Element>).getAttribute?.('lang');
    if (lang) return lang;
    // A shadow root (a document fragment with a host) leads on to its host.
    node = node.parentNode ?? (node.nodeType === 11 ? ((node as ShadowRoot).host ?? null) : null);
  }
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

/**
 * One `Intl` object per locale tag, made on first use: they cost far more to
 * construct than to use, and a list formats on every row. A tag the platform
 * refuses gets `fallback()` (by default the object for `en`).
 */
export function perLocale<T>(make: (locale: string) => T, fallback = () => make('en')): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) {
      try {
        value = make(locale);
      } catch {
        value = fallback();
      }
      made.set(locale, value);
    }
    return value;
  };
}

const dateFormat = perLocale((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));

/** A date-time in the given locale ("Oct 22, 2025, 7:50 PM"); the raw text when unparsable. */
export function formatDateTime(value: string | number | undefined | null, locale: string): string {
  if (value === undefined || value === null || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat(locale).format(date);
}

// Plain digits for a tag the platform refuses.
const countFormat = perLocale<{ format(value: number): string }>(
  (locale) => new Intl.NumberFormat(locale),
  () => ({ format: String }),
);

/** A count in the given locale ("10,000"). */
export function formatCount(value: number, locale: string): string {
  return countFormat(locale).format(value);
}
