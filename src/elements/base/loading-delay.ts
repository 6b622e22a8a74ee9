import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Holds a loading state's label back until a load has taken `delayMs`: a
 * faster load (a page cache hit, a quick network) goes straight to its rows,
 * with no spinner flashing up first and no layout spent on it.
 *
 * The host's loading template calls `rendering()` and shows its label only
 * when that returns true. The timer starts after an update that rendered the
 * loading state, never inside `render()`; an update that rendered anything
 * else resets the delay for the next load.
 */
export class LoadingDelayController implements ReactiveController {
  #shown: boolean;
  #timer?: ReturnType<typeof setTimeout>;
  #rendered = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly delayMs: number,
    shown = false,
  ) {
    this.#shown = shown;
    host.addController(this);
  }

  /** Called by the loading state as it renders: whether its label shows yet. */
  rendering(): boolean {
    this.#rendered = true;
    return this.#shown;
  }

  /** Shows the label at once (a server-rendered loading state being hydrated). */
  showNow(): void {
    this.#shown = true;
  }

  hostUpdate(): void {
    this.#rendered = false;
  }

  hostUpdated(): void {
    if (!this.#rendered) {
      // Anything but the loading state on screen: the next load waits its delay again.
      this.#stop();
      this.#shown = false;
    } else if (!this.#shown && this.#timer === undefined) {
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        this.#shown = true;
        this.host.requestUpdate();
      }, this.delayMs);
    }
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
