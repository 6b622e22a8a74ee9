import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { ROWS_AROUND } from '../../../src/elements/document-list/near-visible-layout.js';
import { mockApiPerTest } from '../../helpers/per-test.js';
import { manyDocs, mount, root, rowNamed, treeItems, typeFilter, typeInto } from './helpers.js';

const frames = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
};

const virtualizerLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => /@lit-labs\/virtualizer\/(virtualize|Virtualizer)\.js/.test(entry.name));

describe('<paperos-document-list> with many documents', () => {
  // The virtualizer's documented, benign "ResizeObserver loop" notice would fail the run otherwise.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach, { suppressErrorLogging: true });
  const api = mockApiPerTest();

  it('does not load the virtualizer for a short list', async () => {
    const el = await mount(api, manyDocs(150, 5));
    expect(treeItems(el)).to.have.length(155);
    expect(virtualizerLoaded()).to.equal(false);
  });

  it('renders the visible rows and a few beyond them, not the list, wherever it is scrolled', async () => {
    const el = await mount(api, manyDocs(10_000, 20));
    await waitUntil(() => virtualizerLoaded() && rowNamed(el, 'Document 000000.pdf'), 'the first rows did not render');
    const laidOut = () => {
      // settled once every rendered row has been measured and positioned
      const rows = treeItems(el);
      return rows.length > 0 && rows.every((row) => getComputedStyle(row).position === 'absolute');
    };
    await waitUntil(laidOut, 'the virtualizer did not lay its rows out');
    const tree = root(el).querySelector<HTMLElement>('[part="tree"]')!;
    const rowHeight = treeItems(el)[1]!.getBoundingClientRect().height;
    const windowRows = Math.ceil(tree.clientHeight / rowHeight);
    await waitUntil(() => treeItems(el).length >= windowRows, 'the window did not fill with rows');
    await frames(2);
    // At the top: the window and ROWS_AROUND below it (the layout's own range reaches 1,000 px further).
    expect(treeItems(el).length).to.be.within(windowRows, windowRows + ROWS_AROUND + 1);

    // Scrolled a row at a time, as a wheel does, rows come in at the window's edge
    // and the rows beyond it stay a few.
    const box = tree.getBoundingClientRect();
    const rowAt = (y: number) =>
      root(el)
        .elementFromPoint(box.left + 40, y)
        ?.closest('[role="treeitem"]') ?? undefined;
    for (let step = 1; step <= 24; step++) {
      tree.scrollTop += rowHeight;
      await waitUntil(
        () => rowAt(box.top + 4) && rowAt(box.bottom - 8),
        `no row at an edge of the window after scrolling ${step} rows`,
      );
    }
    await waitUntil(laidOut, 'the virtualizer did not lay its rows out');
    expect(treeItems(el).length).to.be.within(windowRows, windowRows + 2 * ROWS_AROUND + 2);
  });

  it('PageDown and PageUp move the focus a box of rows at a time, never losing it to a row scrolled out of the DOM', async () => {
    const el = await mount(api, manyDocs(2_000, 20));
    await waitUntil(() => virtualizerLoaded() && rowNamed(el, 'Document 000000.pdf'), 'the first rows did not render');
    const focused = () => root(el).activeElement as HTMLElement | null;
    treeItems(el)[0]!.focus();
    const tree = root(el).querySelector<HTMLElement>('[part="tree"]')!;
    for (let i = 0; i < 4; i++) {
      const from = focused()!.dataset.key;
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => focused() && focused()!.dataset.key !== from, `PageDown ${i + 1} did not move the focus`);
      await frames(2);
      expect(focused()?.isConnected, `PageDown ${i + 1}`).to.equal(true);
      expect(focused()!.getAttribute('role')).to.equal('treeitem');
      const row = focused()!.getBoundingClientRect();
      const box = tree.getBoundingClientRect();
      expect(row.top).to.be.at.least(box.top - 1);
      expect(row.bottom).to.be.at.most(box.bottom + 1);
    }
    expect(tree.scrollTop).to.be.greaterThan(tree.clientHeight * 2);
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => focused()?.textContent?.includes('Folder 000'), 'PageUp did not reach the first row');
  });

  it('renders and filters 10,000 documents with fewer than 300 rows in the DOM', async () => {
    const el = await mount(api, manyDocs(10_000, 20));
    const tree = () => root(el).querySelector<HTMLElement>('[part="tree"]')!;
    expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('10,000 documents');
    await waitUntil(() => virtualizerLoaded() && rowNamed(el, 'Document 000000.pdf'), 'the first rows did not render');
    expect(treeItems(el).length).to.be.within(1, 299);
    expect(treeItems(el)[0].getAttribute('aria-setsize')).to.equal('20');
    await expect(el).to.be.accessible();

    // Scrolled to the end, the last rows are there, and still only a window of them.
    // (Row heights are estimated until measured, so keep scrolling to the end as a user would.)
    await waitUntil(() => {
      tree().scrollTop = tree().scrollHeight;
      return rowNamed(el, 'Document 009999.pdf');
    }, 'scrolling did not render the last rows');
    expect(treeItems(el).length).to.be.within(1, 299);
    // The first row has left the DOM; the Tab stop moved to a rendered one.
    await waitUntil(
      () => treeItems(el).filter((row) => row.tabIndex === 0).length === 1,
      'no rendered row is in the Tab order',
    );

    // Keyboard: Home and End reach rows that were not rendered.
    treeItems(el).at(-1)!.focus();
    await sendKeys({ press: 'Home' });
    await waitUntil(
      () => root(el).activeElement?.textContent?.includes('Folder 000'),
      'Home did not focus the first row',
    );
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => root(el).activeElement?.textContent?.includes('Document 009999.pdf'),
      'End did not focus the last row',
    );
    expect(treeItems(el).length).to.be.within(1, 299);

    await typeFilter(el, 'folder 007');
    expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('500 of 10,000 documents');
    await waitUntil(() => rowNamed(el, 'Folder 007'), 'the filtered rows did not render');
    expect(treeItems(el).length).to.be.within(2, 299);
    expect(
      treeItems(el).every((row) => row.textContent!.includes('Folder 007') || row.textContent!.includes('Document')),
    ).to.equal(true);

    // Fast typing over 10,000 documents: only the last value's rows render.
    const summaries = new Set<string>();
    const observer = new MutationObserver(() =>
      summaries.add(root(el).querySelector('[part="summary"]')!.textContent!),
    );
    observer.observe(root(el), { subtree: true, childList: true, characterData: true });
    typeInto(el, 'document 00');
    typeInto(el, 'document 009');
    await typeFilter(el, 'document 0099');
    observer.disconnect();
    expect([...summaries]).to.deep.equal(['100 of 10,000 documents']);
    expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('100 of 10,000 documents');
    await waitUntil(() => treeItems(el).length === 120, 'a short filtered list renders every row');

    await typeFilter(el, 'document 009999.pdf');
    await waitUntil(() => treeItems(el).length === 2, 'one match and its folder');
    expect(rowNamed(el, 'Folder 019')).to.not.equal(undefined);
    expect(rowNamed(el, 'Document 009999.pdf')).to.not.equal(undefined);
  });
});
