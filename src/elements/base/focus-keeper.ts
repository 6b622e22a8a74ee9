import type { ReactiveController, ReactiveElement } from 'lit';

/** Where the focus goes when its row is gone too: the loading state, else the first control. */
const FALLBACK = '[part="loading"],[tabindex="0"],input,button';

/**
 * Keeps the keyboard focus inside the element when an update takes away the
 * node that had it, instead of letting it drop to the page: Retry, replaced by
 * the loading state; the loading state, replaced by what loaded (or by the next
 * Retry); a Sign button that a reload took away. The focus goes to the same
 * row (by `data-key`) if that is still there, else to the loading state, else
 * to the element's first control. Only a node that had the focus when the
 * update began counts: focus the user has moved elsewhere on the page stays
 * there.
 */
export class FocusKeeper implements ReactiveController {
  #focused?: Element;
  #rowKey?: string;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  hostUpdate(): void {
    const focused = (this.host.renderRoot as ShadowRoot).activeElement ?? undefined;
    this.#focused = focused;
    this.#rowKey = focused?.closest<HTMLElement>('[data-key]')?.dataset.key;
  }

  hostUpdated(): void {
    const lost = this.#focused;
    this.#focused = undefined;
    if (!lost || lost.isConnected) return;
    const root = this.host.renderRoot as ParentNode;
    const key = this.#rowKey;
    const row =
      key === undefined
        ? undefined
        : [...root.querySelectorAll<HTMLElement>('[data-key]')].find((element) => element.dataset.key === key);
    (row ?? root.querySelector<HTMLElement>(FALLBACK))?.focus();
  }
}
