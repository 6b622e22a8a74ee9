import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { safeHref } from '../../client/url-policy.js';
import type * as Refusals from './link-refused.js';

/**
 * Links from the API, as the elements render them: through the URL policy
 * (`safeHref`), and a refused one visibly so (see `link-refused.ts`: a muted
 * "link unavailable" note, an accessible description saying why, one console
 * warning per page load). A refused link is rare where PaperOS sends `https:`
 * links, so that part loads on first use and keeps the bundle small.
 */
export interface CheckedLink {
  /** The href to render, or null. */
  href: string | null;
  /** For a refused link, the note to show after the name; else nothing. */
  note: TemplateResult | typeof nothing;
  /** For a refused link, the id of its hidden reason, for `aria-describedby` on the row; else nothing. */
  id: string | typeof nothing;
}

let refusals: typeof Refusals | undefined;
let loading: Promise<unknown> | undefined;

/**
 * Checks one link from the API; a missing one (null, '') is not a refusal. The
 * first refusal loads the note and asks `host` to render again once it is there.
 */
export function checkLink(url: unknown, baseUrl: string, host: ReactiveControllerHost): CheckedLink {
  const href = safeHref(url, baseUrl);
  if (href === null && typeof url === 'string' && url.trim() !== '') {
    if (refusals) return refusals.refused(url, baseUrl);
    // A failed load leaves the name without a note: no retry, no loop.
    loading ??= import('./link-refused.js').then(
      (module) => (refusals = module),
      () => undefined,
    );
    void loading.then(() => refusals && host.requestUpdate());
  }
  return { href, note: nothing, id: nothing };
}
