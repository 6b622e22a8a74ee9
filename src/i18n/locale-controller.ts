import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeOf } from '../elements/base/format.js';
import { switchLocale } from './localization.js';

type Host = ReactiveControllerHost & HTMLElement;

/** Every connected element that follows `lang`, and the one observer they share. */
const followers = new Set<LocaleController>();
let observer: MutationObserver | undefined;

function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const follower of followers) follower.sync();
  });
  // Only `lang` changes produce records, so a busy page costs nothing here.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function unwatchLang(): void {
  observer?.disconnect();
  observer = undefined;
}

/**
 * Makes an element follow the nearest `lang` attribute (its own, an
 * ancestor's across shadow roots, else the page's).
 *
 * Dates and counts are formatted per element (they read `localeOf(this)` when
 * rendering; this controller re-renders the element when that changes).
 * Strings come from @lit/localize, whose runtime locale is page-wide: each
 * element asks for its locale when it connects and whenever a `lang`
 * attribute in the document changes, and the last request wins. So a page
 * that mixes languages shows the element strings in one of them.
 */
export class LocaleController implements ReactiveController {
  private lang?: string;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  /** The locale the host's dates and counts are formatted in. */
  get locale(): string {
    return this.lang ?? localeOf(this.host);
  }

  hostConnected(): void {
    // Not called during server rendering, which renders the source locale.
    followers.add(this);
    watchLang();
    this.sync();
  }

  hostDisconnected(): void {
    followers.delete(this);
    if (followers.size === 0) unwatchLang();
  }

  /** Re-reads `lang`: re-renders when it changed and asks for its strings. */
  sync(): void {
    const lang = localeOf(this.host);
    if (lang === this.lang) return;
    const first = this.lang === undefined;
    this.lang = lang;
    if (!first) this.host.requestUpdate();
    void switchLocale(lang);
  }
}
