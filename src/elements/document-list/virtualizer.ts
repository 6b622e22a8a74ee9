import type { ReactiveElement } from 'lit';
import type * as VirtualizeModule from '@lit-labs/virtualizer/virtualize.js';
import type { NearVisibleFlowLayout } from './near-visible-layout.js';

/** Above this many visible rows only the rows on screen are rendered (through `@lit-labs/virtualizer`). */
export const VIRTUALIZE_ABOVE = 200;

/**
 * The virtualizer, with its layout given up front: left out, the virtualizer
 * imports it on every (re)start, so a rebuilt tree paints empty for a frame or
 * two. The layout renders the rows near the visible ones (near-visible-layout.ts).
 */
export type VirtualizerModule = typeof VirtualizeModule & { layout: { type: typeof NearVisibleFlowLayout } };

/** The public handle a virtualized container carries under `virtualizerRef`. */
interface VirtualizerHandle {
  element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined;
}

let loading: Promise<VirtualizerModule> | undefined;

/** The virtualizer is fetched only once some list is long; small lists never load it. */
export function importVirtualizer(): Promise<VirtualizerModule> {
  loading ??= Promise.all([import('@lit-labs/virtualizer/virtualize.js'), import('./near-visible-layout.js')]).then(
    ([virtualize, { NearVisibleFlowLayout }]) => ({ ...virtualize, layout: { type: NearVisibleFlowLayout } }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The virtualizer for one element: loaded when the element first needs it
 * (`want`), re-rendering the element when it arrives (`module`) or fails to
 * (`failed`), and its public handle on the rendered container (`at`).
 */
export class LazyVirtualizer {
  module?: VirtualizerModule;
  failed = false;
  #loading = false;

  constructor(private readonly host: ReactiveElement) {}

  /** Starts loading the virtualizer, once. */
  want(): void {
    if (this.module || this.#loading || this.failed) return;
    this.#loading = true;
    importVirtualizer().then(
      (module) => {
        this.#loading = false;
        this.module = module;
        this.host.requestUpdate();
      },
      () => {
        this.#loading = false;
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  }

  /** The first row the virtualizer has rendered (from its `rangeChanged` events). */
  first = 0;

  /**
   * Scrolls `container` back to its first row. The container (and its
   * virtualizer) is kept across filters and sorts: a new virtualizer would
   * measure its rows again and paint them over several frames. One away from
   * the top may be pinned to a row by keyboard navigation, so it is pinned to
   * the first row instead.
   */
  scrollToTop(container: HTMLElement | null): void {
    const virtual = this.at(container);
    if (virtual && this.first > 0) virtual.element(0)?.scrollIntoView({ block: 'start' });
    else if (container) container.scrollTop = 0;
  }

  /** The virtualizer rendering into `container`, if one does. */
  at(container: Element | null): VirtualizerHandle | undefined {
    if (!container || !this.module) return undefined;
    return (container as unknown as Record<symbol, VirtualizerHandle | undefined>)[this.module.virtualizerRef];
  }
}
