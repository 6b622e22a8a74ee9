import { html } from 'lit';
import { msg, str } from '@lit/localize';
import type { CheckedLink } from './link-policy.js';

let warned = false;
let ids = 0;

/**
 * A refused link as the row shows it: the muted "link unavailable" note, and a
 * hidden reason naming where the link went, for `aria-describedby`. The first
 * one on the page also warns in the console, with the origin or scheme only
 * (never a path, query or token). Loaded by `checkLink` on first use.
 */
export function refused(url: string, baseUrl: string): CheckedLink {
  const why = msg(
    str`Link unavailable: it goes to ${refusedTarget(url, baseUrl)}, and this page opens only https links or links to its PaperOS address.`,
  );
  // Once per page load (README, "Links in local development").
  if (!warned) console.warn(`PaperOS Elements, URL policy: ${why}`);
  warned = true;
  const id = `paperos-link-why-${++ids}`;
  return {
    href: null,
    id,
    note: html`<span part="link-unavailable">${msg('link unavailable')}</span><span id=${id} hidden>${why}</span>`,
  };
}

/** Where a URL points, without its path, query or credentials: an http(s) origin, else its scheme. */
export function refusedTarget(url: string, baseUrl: string): string {
  try {
    const parsed = new URL(url.trim(), new URL(baseUrl, globalThis.location?.href));
    return /^https?:$/.test(parsed.protocol) ? parsed.origin : parsed.protocol;
  } catch {
    // unparsable (a bad host or port): its scheme at most
    return url.slice(0, url.indexOf(':') + 1);
  }
}
