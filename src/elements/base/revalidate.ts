import type { ReactiveController, ReactiveElement } from 'lit';

interface Host extends ReactiveElement {
  refresh(): Promise<void>;
}

/**
 * Revalidates an element's data when the page becomes visible again after
 * the user went elsewhere on its behalf (a document or a signing link opened
 * in another tab): what they did there, such as signing, shows on return.
 * `arm()` says something was opened; the next `visibilitychange` to visible
 * then calls `refresh()` once (a conditional request: an unchanged list
 * costs one 304 and no render). Nothing listens until armed.
 */
export class RevalidateOnReturn implements ReactiveController {
  #armed = false;

  constructor(
    private readonly host: Host,
    private readonly enabled: () => boolean,
  ) {
    host.addController(this);
  }

  /** Something was opened elsewhere: revalidate once the page is visible again. */
  arm(): void {
    if (this.#armed || !this.enabled() || typeof document === 'undefined') return;
    this.#armed = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    this.#disarm();
  }

  readonly #onVisibility = (): void => {
    if (document.visibilityState !== 'visible') return;
    this.#disarm();
    if (this.enabled() && this.host.isConnected) void this.host.refresh();
  };

  #disarm(): void {
    if (!this.#armed) return;
    this.#armed = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
  }
}
