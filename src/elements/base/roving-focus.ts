import type { ReactiveController, ReactiveElement } from 'lit';

export interface RovingFocusOptions<T> {
  /** The rows in their on-screen order. Read on every host update; a new array means the rows changed. */
  rows(): readonly T[];
  /** A row's stable key, also its element's `data-key`. */
  key(row: T): string;
  /** Selects the row elements in the host's render root (each carries `data-key`). */
  itemSelector: string;
  /**
   * Brings row `index` into view before it is focused. A virtualized list
   * renders it here; by default the rendered row scrolls into view when focused.
   */
  reveal?(index: number): void;
}

/**
 * A list of rows with one Tab stop (WAI-ARIA roving tabindex): ArrowDown and
 * ArrowUp move between rows, PageDown and PageUp by the rows that fit in the
 * rows' container, Home and End to the ends, and the row that has
 * the Tab stop follows focus and clicks. When the rows change, the Tab stop
 * stays on the same row (by key) if it is still there, else goes to the first.
 *
 * The host renders `tabindex=${controller.tabIndex(row)}` and
 * `data-key=${key(row)}` on each row, and hands its row container's
 * `keydown` and `focusin` events to `onKeydown` and `onFocusin` (a virtualized
 * list also its `rangeChanged` and `unpinned` events, to `onRangeChanged` and
 * `onUnpinned`). Keys other
 * than those six (a tree's ArrowLeft/ArrowRight, Enter) stay with the host,
 * which can move the Tab stop with `moveTo`.
 */
export class RovingFocusController<T> implements ReactiveController {
  #activeKey?: string;
  #index = 0;
  #rows?: readonly T[];
  #focusPending = false;
  /** The last move brought in a row the virtualizer had not rendered; it keeps that row in view until the user scrolls. */
  #pinned = false;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: RovingFocusOptions<T>,
  ) {
    host.addController(this);
  }

  /** The key of the row holding the Tab stop. */
  get activeKey(): string | undefined {
    return this.#activeKey;
  }

  /** The index of the row holding the Tab stop. */
  get activeIndex(): number {
    return this.#index;
  }

  /** `tabindex` for a row: 0 for the one Tab stop, -1 for the others. */
  tabIndex(row: T): 0 | -1 {
    return this.options.key(row) === this.#activeKey ? 0 : -1;
  }

  /** The row's index, looked up from the last known position first. */
  indexOf(row: T): number {
    const rows = this.#current();
    return rows[this.#index] === row ? this.#index : rows.indexOf(row);
  }

  /** Moves the Tab stop and focus to row `index` (clamped to the rows). */
  moveTo(index: number): void {
    const rows = this.#current();
    if (rows.length === 0) return;
    index = Math.max(0, Math.min(index, rows.length - 1));
    this.#set(index, rows[index]!);
    this.#focusPending = true;
    if (this.options.reveal) {
      this.#pinned = !this.#elementOf(this.#activeKey!);
      this.options.reveal(index);
    }
    this.host.requestUpdate();
  }

  /**
   * ArrowDown / ArrowUp / PageDown / PageUp / Home / End on a row (the event's target itself, not
   * a link or button inside it): moves and returns true (default prevented).
   */
  onKeydown(event: KeyboardEvent): boolean {
    const element = this.#rowElement(event.target);
    if (!element || element !== event.target) return false;
    const index = this.#indexOfKey(element.dataset.key!);
    if (index < 0) return false;
    const last = this.#current().length - 1;
    // PageDown/PageUp: a box of rows at a time. Left to the browser, a long
    // list scrolls the focused row out of the DOM and the focus is lost.
    const page = () =>
      Math.max(1, Math.floor(Math.min(element.parentElement!.clientHeight, innerHeight) / element.offsetHeight));
    const to =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : event.key === 'PageDown'
                ? index + page()
                : event.key === 'PageUp'
                  ? index - page()
                  : undefined;
    if (to === undefined) return false;
    event.preventDefault();
    this.moveTo(to);
    return true;
  }

  /** Focus landed in a row (a click, a link inside it): that row takes the Tab stop. */
  onFocusin(event: FocusEvent): void {
    const key = this.#rowElement(event.target)?.dataset.key;
    if (key === undefined || key === this.#activeKey) return;
    const index = this.#indexOfKey(key);
    if (index < 0) return;
    this.#set(index, this.#current()[index]!);
    this.host.requestUpdate();
  }

  /**
   * The rendered rows are now `first`..`last` (a virtualized list scrolled):
   * a Tab stop scrolled out of the DOM moves to the first rendered row, so
   * Tab still reaches the list, unless a row has focus.
   */
  onRangeChanged(first: number, last: number): void {
    // While the virtualizer corrects its size estimates around a row a move
    // brought in (pinned), that row can leave the DOM for a frame and come back
    // as a new element (End after collapsing folders): it gets the focus back.
    if (this.#pinned && document.activeElement === document.body) this.#focusPending = true;
    if (this.#focusPending) {
      // The virtualizer renders the new range right after announcing it.
      queueMicrotask(() => this.tryFocus());
      return;
    }
    if (this.#pinned || first < 0 || (this.#index >= first && this.#index <= last)) return;
    const row = this.#current()[first];
    const root = this.host.renderRoot as ParentNode;
    if (row && !root.querySelector(`${this.options.itemSelector}:focus-within`)) {
      this.#set(first, row);
      this.host.requestUpdate();
    }
  }

  /** The virtualizer no longer keeps the row a move brought in in view (the user scrolled). */
  onUnpinned(): void {
    this.#pinned = false;
  }

  /** Drops a focus move not yet done (the user went on to type or choose something else). */
  cancelFocus(): void {
    this.#focusPending = false;
    this.#pinned = false;
  }

  /** Focuses the Tab stop's row if a move asked for it and the row is rendered. */
  tryFocus(): void {
    if (!this.#focusPending || this.#activeKey === undefined) return;
    const element = this.#elementOf(this.#activeKey);
    if (!element) return;
    this.#focusPending = false;
    element.focus();
  }

  hostUpdate(): void {
    const rows = this.options.rows();
    if (rows === this.#rows) return;
    this.#rows = rows;
    // Keep the Tab stop on the same row when it is still there, else on the first.
    const index = this.#activeKey === undefined ? -1 : this.#indexOfKey(this.#activeKey);
    const at = index < 0 ? 0 : index;
    this.#index = at;
    this.#activeKey = rows[at] === undefined ? undefined : this.options.key(rows[at]!);
  }

  hostUpdated(): void {
    this.tryFocus();
  }

  #current(): readonly T[] {
    return this.#rows ?? this.options.rows();
  }

  #set(index: number, row: T): void {
    this.#index = index;
    this.#activeKey = this.options.key(row);
  }

  #indexOfKey(key: string): number {
    const rows = this.#current();
    const { key: keyOf } = this.options;
    const hint = rows[this.#index];
    if (hint !== undefined && keyOf(hint) === key) return this.#index;
    return rows.findIndex((row) => keyOf(row) === key);
  }

  #rowElement(target: EventTarget | null): HTMLElement | null {
    return (target as Element | null)?.closest?.<HTMLElement>(this.options.itemSelector) ?? null;
  }

  #elementOf(key: string): HTMLElement | undefined {
    const root = this.host.renderRoot as ParentNode;
    for (const element of root.querySelectorAll<HTMLElement>(this.options.itemSelector)) {
      if (element.dataset.key === key) return element;
    }
    return undefined;
  }
}
