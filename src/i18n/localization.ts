import { configureLocalization, type LocaleModule } from '@lit/localize';
import { allLocales, sourceLocale, targetLocales } from '../locales/locale-codes.js';

/** A locale the elements have strings for. */
export type SupportedLocale = (typeof allLocales)[number];
type TargetLocale = (typeof targetLocales)[number];

export { allLocales as supportedLocales, sourceLocale };

// Each translation is its own module, fetched only when a page asks for it.
const loaders: Record<TargetLocale, () => Promise<LocaleModule>> = {
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
};

/**
 * The supported locale for a BCP 47 tag: an exact match, else its language
 * (`de-AT` -> `de`), else English.
 */
export function matchLocale(tag: string | null | undefined): SupportedLocale {
  if (!tag) return sourceLocale;
  const lower = tag.toLowerCase();
  const exact = allLocales.find((locale) => locale.toLowerCase() === lower);
  if (exact) return exact;
  const language = lower.split(/[-_]/)[0];
  return allLocales.find((locale) => locale.toLowerCase() === language) ?? sourceLocale;
}

type Runtime = ReturnType<typeof configureLocalization>;
let runtime: Runtime | null | undefined;

/**
 * The @lit/localize runtime, configured on first need. `configureLocalization`
 * may run once per copy of @lit/localize: when the host application has
 * already configured the copy these elements share, that configuration wins
 * and the elements show their English strings (dates and numbers still follow
 * `lang`).
 */
function localization(): Runtime | null {
  if (runtime === undefined) {
    try {
      runtime = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (locale) => loaders[locale as TargetLocale](),
      });
    } catch {
      runtime = null;
    }
  }
  return runtime;
}

/** The locale the elements' strings are in right now. */
export function currentLocale(): SupportedLocale {
  return runtime ? (runtime.getLocale() as SupportedLocale) : sourceLocale;
}

/**
 * Switches the page's element strings to the locale matching `tag`. Resolves
 * once the strings are loaded (elements re-render on their own). The
 * localization runtime is set up only once a non-English locale is asked for,
 * so an English page never touches it.
 */
export async function switchLocale(tag: string | null | undefined): Promise<SupportedLocale> {
  const wanted = matchLocale(tag);
  if (runtime === undefined && wanted === sourceLocale) return sourceLocale;
  const rt = localization();
  if (!rt) return sourceLocale;
  try {
    await rt.setLocale(wanted);
  } catch {
    // The translation module failed to load (offline, blocked chunk): the
    // strings stay in the locale they were in.
  }
  return rt.getLocale() as SupportedLocale;
}
