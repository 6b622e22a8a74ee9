/**
 * The elements' own words, read from the extracted message catalogue
 * (xliff/*.xlf, which the dev server serves from the project root), and the
 * words a person sees or hears inside an element's shadow DOM.
 */

/** Words of two letters or more, lower-cased; digits and punctuation are not words. */
export const wordsOf = (text: string): string[] => (text.match(/\p{L}{2,}/gu) ?? []).map((w) => w.toLowerCase());

/** Text of an xliff <source> or <target>, placeholders (<x/>) left out. */
const textOf = (node: Element | null): string =>
  node
    ? [...node.childNodes]
        .filter((child) => child.nodeType === Node.TEXT_NODE)
        .map((child) => child.textContent ?? '')
        .join(' ')
    : '';

export interface Catalogue {
  locale: string;
  /** Every message: its English source and its translation (empty when missing). */
  units: { id: string; source: string; target: string }[];
  /**
   * English words of the sources that no translation in this locale uses:
   * one of them on screen is an English word left over. Words a translation
   * keeps ("Status", "Name", "PaperOS", "Workflow" in German) are not in it.
   */
  englishOnly: Set<string>;
  /** Every word the translations in this locale use. */
  kept: Set<string>;
}

const catalogues = new Map<string, Promise<Catalogue>>();
// The page's own fetch, taken before a test's mock API replaces it.
const pageFetch = globalThis.fetch.bind(globalThis);

export function catalogue(locale: string): Promise<Catalogue> {
  let loaded = catalogues.get(locale);
  if (!loaded) {
    loaded = (async () => {
      const response = await pageFetch(new URL(`/xliff/${locale}.xlf`, location.origin));
      if (!response.ok) throw new Error(`xliff/${locale}.xlf: HTTP ${response.status}`);
      const doc = new DOMParser().parseFromString(await response.text(), 'application/xml');
      const units = [...doc.getElementsByTagName('trans-unit')].map((unit) => ({
        id: unit.getAttribute('id') ?? '',
        source: textOf(unit.getElementsByTagName('source')[0] ?? null),
        target: textOf(unit.getElementsByTagName('target')[0] ?? null),
      }));
      const kept = new Set(units.flatMap((unit) => wordsOf(unit.target)));
      const englishOnly = new Set(units.flatMap((unit) => wordsOf(unit.source)).filter((word) => !kept.has(word)));
      return { locale, units, englishOnly, kept };
    })();
    catalogues.set(locale, loaded);
  }
  return loaded;
}

/** Attributes that name or describe an element to a person or a screen reader. */
const NAMING = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
];

/**
 * Everything an element shows or announces from its shadow DOM (and the shadow
 * DOM of elements inside it): text, and the naming attributes. Slotted light
 * DOM is the host page's, and a slot's fallback is left out once something is
 * slotted. Styles are not text.
 */
export function shownText(host: Element): string[] {
  const pieces: string[] = [];
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text) pieces.push(text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    if (node instanceof Element) {
      if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName)) return;
      for (const name of NAMING) {
        const value = node.getAttribute(name)?.trim();
        if (value) pieces.push(value);
      }
      if (node instanceof HTMLSlotElement && node.assignedNodes().length > 0) return;
      if (node.shadowRoot) visit(node.shadowRoot);
    }
    for (const child of node.childNodes) visit(child);
  };
  if (host.shadowRoot) visit(host.shadowRoot);
  return pieces;
}

/**
 * Fields whose values PaperOS defines (a workflow's or a recipient's status):
 * the element puts them in words of its own, so they are not data here.
 */
const ENUMERATED = new Set(['status']);

/** The values of the fields PaperOS defines (`open`, `pending`): shown untranslated, they are English too. */
export function enumeratedValues(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) enumeratedValues(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (ENUMERATED.has(key) && typeof item === 'string') into.add(item);
      else enumeratedValues(item, into);
    }
  }
  return into;
}

/** Every string value in an API answer: the organization's own data, which is never translated. */
export function dataStrings(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (value.trim()) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) dataStrings(item, into);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (!ENUMERATED.has(key)) dataStrings(item, into);
  }
  return into;
}

/**
 * The English words of the catalogue (and the values PaperOS defines, such as
 * a status, when no translation uses them) among what an element shows, each
 * with the piece of text it was found in. The organization's data is taken out
 * of every piece first (longest first, so a name is removed before its parts).
 */
export function leftoverEnglish(
  pieces: string[],
  cat: Catalogue,
  data: Set<string>,
  enumerated: Set<string> = new Set(),
): string[] {
  const strings = [...data].sort((a, b) => b.length - a.length);
  const codes = [...enumerated].flatMap(wordsOf).filter((word) => !cat.kept.has(word));
  const english = new Set([...cat.englishOnly, ...codes]);
  const found: string[] = [];
  for (const piece of pieces) {
    let rest = piece;
    for (const s of strings) rest = rest.split(s).join(' ');
    const left = wordsOf(rest).filter((word) => english.has(word));
    if (left.length > 0) found.push(`${left.join(', ')} in “${piece}”`);
  }
  return found;
}
