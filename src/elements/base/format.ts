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

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date-time in the given locale ("Oct 22, 2025, 7:50 PM"); the raw text when unparsable. */
export function formatDateTime(value: string | number | undefined | null, locale: string): string {
  if (value === undefined || value === null || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  let format = dateFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    } catch {
      format = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
    }
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

const countFormats = new Map<string, Intl.NumberFormat>();

/**
 * A count in the given locale ("10,000"). The formatter is made once per
 * locale: a tree renders a count on every folder row, and constructing an
 * `Intl.NumberFormat` costs far more than formatting with one.
 */
export function formatCount(value: number, locale: string): string {
  let format = countFormats.get(locale);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale);
    } catch {
      return String(value);
    }
    countFormats.set(locale, format);
  }
  return format.format(value);
}
