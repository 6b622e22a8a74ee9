// refresh() and revalidation on return, as a user of the document list sees
// them: the requests that go out, the rows on screen, focus and scroll.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/elements/document-list/define.js';
import type { PaperOSDocumentList } from '../../../src/elements/document-list/document-list.js';
import { mockApiPerTest, watchLoads } from '../../helpers/per-test.js';
import type { MockApi } from '../../helpers/mock-api.js';
import { BASE, DOCS_PATH, envelope, makeDoc, root, rowNamed, settled, token, treeItems } from './helpers.js';

const docs = Array.from({ length: 60 }, (_, i) =>
  makeDoc({
    pub_id: `doc_${i}`,
    path: `/Box ${i % 3}`,
    filename: `File ${String(i).padStart(2, '0')}.pdf`,
    recipients: [{ name: `Signer ${i}`, email: `s${i}@x.test`, status: 'pending', sign_url: `${BASE}/sign/r${i}/t` }],
  }),
);

async function mountWithEtag(api: MockApi, attrs: { revalidate?: string } = {}): Promise<PaperOSDocumentList> {
  api.on('GET', DOCS_PATH, { json: envelope(docs), headers: { etag: '"v1"' } });
  const el = await fixture<PaperOSDocumentList>(
    html`<paperos-document-list
      base-url=${BASE}
      revalidate=${attrs.revalidate ?? 'on'}
      .token=${token()}
      style="--paperos-document-list-height: 12rem"
    ></paperos-document-list>`,
  );
  await settled(el);
  return el;
}

/** Pretends the user went to another tab and came back. */
function setVisibility(state: 'hidden' | 'visible'): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('<paperos-document-list> refresh() and revalidation', () => {
  const api = mockApiPerTest();
  const loads = watchLoads();
  afterEach(() => {
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('sends one conditional request; a 304 leaves the DOM untouched', async () => {
    const el = await mountWithEtag(api);
    const changes: MutationRecord[] = [];
    const watch = new MutationObserver((records) => changes.push(...records));
    watch.observe(root(el), { subtree: true, childList: true, attributes: true, characterData: true });
    api.on('GET', DOCS_PATH, { status: 304 });
    await el.refresh();
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    watch.disconnect();
    const requests = api.requestsTo('GET', DOCS_PATH);
    expect(requests).to.have.length(2);
    expect(requests[1]!.headers.get('if-none-match')).to.equal('"v1"');
    expect(changes).to.deep.equal([]);
    expect(loads.counts).to.deep.equal([60]);
  });

  it('a changed list updates the rows in place, keeping focus and the scroll position', async () => {
    const el = await mountWithEtag(api);
    const tree = root(el).querySelector<HTMLElement>('[part="tree"]')!;
    const row = rowNamed(el, 'File 30.pdf')!;
    row.focus();
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    const focused = root(el).activeElement as HTMLElement;
    expect(focused.querySelector('[part~="filename"]')!.textContent).to.equal('File 33.pdf');
    tree.scrollTop = 400;
    const scrolled = tree.scrollTop;
    expect(scrolled).to.be.greaterThan(0);

    const changed = docs.map((d, i) => (i === 33 ? { ...d, filename: 'File 33 (signed).pdf' } : d));
    changed[36] = { ...changed[36]!, recipients: [{ name: 'Signer 36', status: 'signed' }] };
    const held = api.deferred();
    api.on('GET', DOCS_PATH, held.handler);
    const done = el.refresh();
    await held.pending;
    await el.updateComplete;
    expect(root(el).querySelector('[part="loading"]')).to.equal(null);
    expect(treeItems(el).length).to.be.greaterThan(0);
    held.release({ json: envelope(changed), headers: { etag: '"v2"' } });
    await done;
    await el.updateComplete;

    expect(root(el).activeElement).to.equal(focused);
    expect(focused.querySelector('[part~="filename"]')!.textContent).to.equal('File 33 (signed).pdf');
    const status = rowNamed(el, 'File 36.pdf')!.querySelector('[part="recipient-status"]')!;
    expect(status.textContent!.trim()).to.equal('Signed');
    expect(tree.scrollTop).to.equal(scrolled);
    expect(root(el).querySelector('[part="tree"]')).to.equal(tree);
    expect(loads.counts).to.deep.equal([60, 60]);
  });

  it('revalidates once when the page is visible again after a signing link opened elsewhere', async () => {
    const el = await mountWithEtag(api);
    const open = window.open;
    const opened: unknown[] = [];
    window.open = (...args: unknown[]) => (opened.push(args), null);
    try {
      rowNamed(el, 'File 03.pdf')!.querySelector<HTMLButtonElement>('[part="sign-button"]')!.click();
    } finally {
      window.open = open;
    }
    expect(opened).to.have.length(1);
    setVisibility('hidden');
    api.on('GET', DOCS_PATH, { status: 304 });
    expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(1);
    setVisibility('visible');
    await waitUntil(() => api.requestsTo('GET', DOCS_PATH).length === 2, 'no revalidation on return');
    // Once: coming back again without opening anything asks nothing.
    setVisibility('hidden');
    setVisibility('visible');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(2);
    expect(api.requestsTo('GET', DOCS_PATH)[1]!.headers.get('if-none-match')).to.equal('"v1"');
  });

  it('signed elsewhere: the focused Sign button goes on return, and the focus goes to its row, not the page', async () => {
    const el = await mountWithEtag(api);
    const row = rowNamed(el, 'File 03.pdf')!;
    const sign = row.querySelector<HTMLButtonElement>('[part="sign-button"]')!;
    const open = window.open;
    window.open = () => null;
    try {
      sign.focus();
      sign.click();
    } finally {
      window.open = open;
    }
    expect(root(el).activeElement).to.equal(sign);
    const signed = docs.map((d, i) => (i === 3 ? { ...d, recipients: [{ name: 'Signer 3', status: 'signed' }] } : d));
    api.on('GET', DOCS_PATH, { json: envelope(signed), headers: { etag: '"v2"' } });
    setVisibility('hidden');
    setVisibility('visible');
    await waitUntil(() => !sign.isConnected, 'the Sign button did not go');
    await el.updateComplete;
    expect(rowNamed(el, 'File 03.pdf')!.querySelector('[part="recipient-status"]')!.textContent!.trim()).to.equal(
      'Signed',
    );
    const focused = root(el).activeElement as HTMLElement | null;
    expect(focused?.getAttribute('role')).to.equal('treeitem');
    expect(focused!.querySelector('[part~="filename"]')!.textContent).to.equal('File 03.pdf');
    expect(focused!.tabIndex).to.equal(0);
  });

  it('revalidate="off": no request on return', async () => {
    const el = await mountWithEtag(api, { revalidate: 'off' });
    const open = window.open;
    window.open = () => null;
    try {
      rowNamed(el, 'File 03.pdf')!.querySelector<HTMLButtonElement>('[part="sign-button"]')!.click();
    } finally {
      window.open = open;
    }
    setVisibility('hidden');
    setVisibility('visible');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(1);
  });
});
