import type { DocsView } from '../baselines/shared.js';
import type { Bytes, DocsHandle } from './harness.js';

/** Reads a response body the way the element's client does: through `Response`, as JSON. */
export const readJson = <T>(bytes: Bytes): Promise<T> => new Response(bytes).json() as Promise<T>;

/** The harness's handle over a baseline view: rows are the tree's element children that are not hidden. */
export function baselineHandle(view: DocsView, bytes: Bytes): DocsHandle {
  const load = (body: Bytes) =>
    void readJson<Parameters<DocsView['setData']>[0]>(body).then((json) => view.setData(json));
  load(bytes);
  return {
    rows(limit) {
      const out: HTMLElement[] = [];
      for (
        let el = view.tree.firstElementChild as HTMLElement | null;
        el && out.length < limit;
        el = el.nextElementSibling as HTMLElement | null
      ) {
        if (!el.hidden) out.push(el);
      }
      return out;
    },
    count() {
      let count = 0;
      for (const el of view.tree.children) if (!(el as HTMLElement).hidden) count++;
      return count;
    },
    settled: () => Promise.resolve(),
    refetch: load,
    input: () => view.input,
    scroller: () => view.tree,
    root: () => view.host.shadowRoot!,
  };
}
