import { decodeJwt } from 'jose';

/**
 * The one URL policy for links from the API: a URL becomes an `href` only if it
 * is `https:`, or has the same origin as the PaperOS base URL. Everything else
 * (`javascript:`, `data:`, `vbscript:`, unknown schemes, protocol-relative URLs,
 * http on another origin, credentials in the URL, unparsable input) is refused.
 * Returns the normalized href, or null.
 */
export function safeHref(url: unknown, baseUrl: string): string | null {
  if (typeof url !== 'string') return null;
  // What a browser ignores when parsing: tabs and newlines anywhere, C0 controls and spaces at the ends.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (cleaned === '' || /^[\\/]{2}/.test(cleaned)) return null;
  // A scheme hidden behind other whitespace (NBSP, ...) would parse as a harmless relative path; refuse it anyway.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned.trim())?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return null;
  let base: URL;
  let parsed: URL;
  try {
    // A relative base URL (a BFF proxy path such as `/paperos`) is relative to the page.
    const page = (globalThis as { location?: { href?: string } }).location?.href;
    base = new URL(baseUrl, page);
    parsed = new URL(cleaned, base);
  } catch {
    return null;
  }
  if (parsed.username || parsed.password) return null;
  if (parsed.protocol === 'https:') return parsed.href;
  if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === base.origin)
    return parsed.href;
  return null;
}

/**
 * Expiry (epoch seconds) of a signed document URL: the `exp` of the JWT that
 * forms its last path segment. Undefined when there is none; never throws.
 */
export function signedUrlExpiry(url: string): number | undefined {
  try {
    const path = new URL(url, 'https://invalid.invalid').pathname;
    const segment = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
    const { exp } = decodeJwt(segment);
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}
