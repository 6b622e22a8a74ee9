import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host every `periodMs` while the host is on screen (in the
 * viewport of a visible page) and `wanted()` says there is something that
 * ages, so relative times ("2 minutes ago") stay true; nothing runs for an
 * element scrolled away or a hidden tab, and it catches up as soon as the
 * element is seen again. `now` is the time the host renders with.
 */
export class TickerController implements ReactiveController {
  now = Date.now();
  #timer?: ReturnType<typeof setInterval>;
  #observer?: IntersectionObserver;
  #inView = false;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly wanted: () => boolean,
    private readonly periodMs = 30_000,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.#observer = new IntersectionObserver((entries) => {
      this.#inView = entries.some((e) => e.isIntersecting);
      this.#sync();
    });
    this.#observer.observe(this.host);
    document.addEventListener('visibilitychange', this.#sync);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    document.removeEventListener('visibilitychange', this.#sync);
    this.#inView = false;
    this.#sync();
  }

  hostUpdate(): void {
    this.now = Date.now();
  }

  readonly #sync = (): void => {
    const run = this.#inView && document.visibilityState !== 'hidden';
    if (run && this.#timer === undefined) {
      // Seen again: the times may be stale.
      if (this.wanted()) this.host.requestUpdate();
      this.#timer = setInterval(() => this.wanted() && this.host.requestUpdate(), this.periodMs);
    } else if (!run && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  };
}
