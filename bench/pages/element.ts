/** The candidate: `<paperos-document-list>`, fed through its own client and a mocked fetch. */
import '../../src/elements/document-list/define.js';
import { VIRTUALIZE_ABOVE } from '../../src/elements/document-list/document-list.js';
import { MockApi } from '../../test/helpers/mock-api.js';
import { BASE, DOCS_PATH, benchToken } from './data.js';
import { startPage, type Bytes, type DocsHandle } from './harness.js';

const api = new MockApi().install();
let body: Bytes = new Uint8Array();
// Answers at once from memory: the body text is the same string the baselines parse.
api.on('GET', DOCS_PATH, () => new Response(body, { headers: { 'content-type': 'application/json' } }));

startPage({
  name: 'element',
  mountDocs(container, data) {
    body = data;
    const el = document.createElement('paperos-document-list');
    el.setAttribute('base-url', BASE);
    el.token = benchToken();
    container.append(el);
    const root = el.shadowRoot!;
    const handle: DocsHandle = {
      rows: (limit) => [...root.querySelectorAll<HTMLElement>('[role="treeitem"]')].slice(0, limit),
      count: () => root.querySelectorAll('[role="treeitem"]').length,
      async settled(total) {
        // Past VIRTUALIZE_ABOVE rows the virtualizer is imported, then renders the visible window.
        await new Promise<void>((resolve) => {
          const check = () => {
            const tree = root.querySelector('[part="tree"]');
            const virtual = tree?.classList.contains('tree--virtual') ?? false;
            const done = total > VIRTUALIZE_ABOVE ? virtual || root.querySelector('[part~="more"]') !== null : !!tree;
            if (done && handle.count() > 0) resolve();
            else requestAnimationFrame(check);
          };
          check();
        });
        await el.updateComplete;
      },
      refetch(next) {
        body = next;
        // The public refresh: past the page cache, keeping the rows on screen.
        void el.refresh();
      },
      input: () => root.querySelector<HTMLInputElement>('input[part="filter"]')!,
      scroller: () => root.querySelector<HTMLElement>('[part="tree"]')!,
      root: () => root,
    };
    return handle;
  },
});
