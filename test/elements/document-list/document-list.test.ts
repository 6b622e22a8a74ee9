import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import { pageCache } from '../../../src/client/cache.js';
import { documentsResponse } from '../../fixtures/api-examples.js';
import { MockApi } from '../../helpers/mock-api.js';
import {
  BASE,
  DOCS_PATH,
  envelope,
  inSeconds,
  makeDoc,
  mount,
  root,
  rowLabels,
  rowNamed,
  settled,
  signedUrl,
  treeItems,
  typeFilter,
  typeInto,
} from './helpers.js';

const docs = () => [
  makeDoc({ pub_id: 'doc_1', path: '/Finance/2020', filename: 'b.xlsx' }),
  makeDoc({ pub_id: 'doc_2', path: '/Finance', filename: 'Budget.pdf' }),
  makeDoc({ pub_id: 'doc_3', path: '', filename: 'readme.txt' }),
  makeDoc({ pub_id: 'doc_4', path: '/Finance/2020', filename: 'a.xlsx' }),
  makeDoc({ pub_id: 'doc_5', path: '/Legal', filename: 'NDA.docx' }),
];

describe('<paperos-document-list>', () => {
  let api: MockApi;
  let open: sinon.SinonStub;

  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
    open = sinon.stub(window, 'open').returns(null);
  });

  afterEach(() => {
    api.restore();
    sinon.restore();
  });

  describe('states', () => {
    it('shows a loading status while the request is in flight', async () => {
      const held = api.deferred();
      api.on('GET', DOCS_PATH, held.handler);
      const el = await mount(api, null);
      await held.pending;
      await el.updateComplete;
      const status = root(el).querySelector('[part="loading"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      await waitUntil(() => status.textContent!.includes('Loading documents'), 'the loading label after its delay');
      await expect(el).to.be.accessible();
      held.release({ json: envelope(docs()) });
      await settled(el);
      expect(root(el).querySelector('[part="loading"]')).to.equal(null);
    });

    it('renders the documented example as a folder tree and announces the count', async () => {
      api.on('GET', DOCS_PATH, { json: documentsResponse });
      const loaded = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('paperos-load', (e) => resolve(e as unknown as CustomEvent), { once: true }),
      );
      const el = await mount(api, null);
      expect((await loaded).detail).to.deep.equal({ count: 3 });
      await settled(el);
      expect(rowLabels(el)).to.deep.equal([
        '1:Archived Documentation/',
        '2:Historical Financials/',
        '3:2017 - 2020 Balance Sheet.xlsx',
        '3:2017 - 2020 PnL.xlsx',
        '3:2017 - 2020 Statement of Cash Flows.xlsx',
      ]);
      const row = rowNamed(el, '2017 - 2020 PnL.xlsx')!;
      expect(row.querySelector('[part="type"]')!.textContent).to.equal('XLSX');
      expect(row.querySelector('a')!.getAttribute('href')).to.equal(documentsResponse.documents[1].url);
      expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('3 documents');
      expect(api.requests.map((r) => `${r.method} ${r.path}${r.url.search}`)).to.deep.equal([`GET ${DOCS_PATH}`]);
      await expect(el).to.be.accessible();
    });

    it('shows the empty state when there are no documents', async () => {
      const el = await mount(api, []);
      const empty = root(el).querySelector('[part="empty"]')!;
      expect(empty.textContent!.trim()).to.equal('No documents yet. They appear here once a workflow creates them.');
      expect(root(el).querySelector('[role="tree"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows an error with Retry, which loads again', async () => {
      api.on('GET', DOCS_PATH, { json: envelope(docs()) });
      api.on('GET', DOCS_PATH, { status: 403, json: { success: false, message: 'Forbidden' } }, { times: 1 });
      const failed = oneEvent(document, 'paperos-error');
      const el = await mount(api, null);
      expect((await failed).detail).to.include({ status: 403 });
      await settled(el);
      const alert = root(el).querySelector('[part="error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await waitUntil(() => root(el).querySelector('[role="tree"]'), 'retry did not load the list');
      expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(2);
      expect(treeItems(el)).to.have.length(8);
    });
  });

  describe('folder tree', () => {
    it('groups by path, folders first, and expands and collapses on click', async () => {
      const el = await mount(api, docs());
      expect(rowLabels(el)).to.deep.equal([
        '1:Finance/',
        '2:2020/',
        '3:a.xlsx',
        '3:b.xlsx',
        '2:Budget.pdf',
        '1:Legal/',
        '2:NDA.docx',
        '1:readme.txt',
      ]);
      const finance = rowNamed(el, 'Finance')!;
      expect(finance.getAttribute('aria-expanded')).to.equal('true');
      expect(finance.getAttribute('aria-setsize')).to.equal('3');
      expect(finance.getAttribute('aria-posinset')).to.equal('1');
      finance.click();
      await el.updateComplete;
      expect(finance.getAttribute('aria-expanded')).to.equal('false');
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '1:Legal/', '2:NDA.docx', '1:readme.txt']);
      await expect(el).to.be.accessible();
      finance.click();
      await el.updateComplete;
      expect(rowLabels(el)).to.have.length(8);
    });

    it('is one Tab stop after the sort field, also when the tree scrolls (Firefox would stop on its scroll box)', async () => {
      const el = await mount(api, docs());
      el.style.setProperty('--paperos-document-list-height', '5rem');
      const tree = root(el).querySelector<HTMLElement>('[part="tree"]')!;
      expect(tree.scrollHeight).to.be.greaterThan(tree.clientHeight);
      root(el).querySelector<HTMLSelectElement>('[part="sort"]')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.getAttribute('role')).to.equal('treeitem');
    });

    it('moves through rows with the keyboard, per the tree pattern', async () => {
      const el = await mount(api, docs());
      const focused = () =>
        root(el).activeElement?.querySelector('[part~="folder-name"], [part~="filename"]')?.textContent;
      const tabStops = () => treeItems(el).filter((row) => row.tabIndex === 0);
      expect(tabStops()).to.have.length(1);
      treeItems(el)[0].focus();
      expect(focused()).to.equal('Finance');

      await sendKeys({ press: 'ArrowDown' });
      expect(focused()).to.equal('2020');
      await sendKeys({ press: 'ArrowLeft' }); // collapse 2020
      expect(rowNamed(el, '2020')!.getAttribute('aria-expanded')).to.equal('false');
      expect(rowNamed(el, 'a.xlsx')).to.equal(undefined);
      await sendKeys({ press: 'ArrowRight' }); // expand it again
      expect(rowNamed(el, '2020')!.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'ArrowRight' }); // into its first child
      expect(focused()).to.equal('a.xlsx');
      await sendKeys({ press: 'ArrowLeft' }); // back to the parent
      expect(focused()).to.equal('2020');
      await sendKeys({ press: 'End' });
      expect(focused()).to.equal('readme.txt');
      await sendKeys({ press: 'ArrowUp' });
      expect(focused()).to.equal('NDA.docx');
      await sendKeys({ press: 'Home' });
      expect(focused()).to.equal('Finance');
      await sendKeys({ press: 'Enter' });
      expect(rowNamed(el, 'Finance')!.getAttribute('aria-expanded')).to.equal('false');
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '1:Legal/', '2:NDA.docx', '1:readme.txt']);
      expect(tabStops()).to.deep.equal([rowNamed(el, 'Finance')]);
      // The tab stop's own link is tabbable; links in other rows are not.
      const links = [...root(el).querySelectorAll('a')];
      expect(links.every((a) => a.tabIndex === -1)).to.equal(true);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(focused()).to.equal('NDA.docx');
      expect(rowNamed(el, 'NDA.docx')!.querySelector('a')!.tabIndex).to.equal(0);
    });
  });

  describe('filter and sort', () => {
    it('filters on filename and path, keeping the matches’ folders', async () => {
      const el = await mount(api, docs());
      await typeFilter(el, 'XLSX');
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '2:2020/', '3:a.xlsx', '3:b.xlsx']);
      expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('2 of 5 documents');
      await typeFilter(el, 'legal');
      expect(rowLabels(el)).to.deep.equal(['1:Legal/', '2:NDA.docx']);
      await typeFilter(el, 'no such thing');
      expect(treeItems(el)).to.have.length(0);
      expect(root(el).querySelector('[part="no-matches"]')!.textContent).to.contain('no such thing');
      await expect(el).to.be.accessible();
      await typeFilter(el, '');
      expect(treeItems(el)).to.have.length(8);
      expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('5 documents');
    });

    it('renders typing after the next paint, and of fast keystrokes only the latest', async () => {
      const el = await mount(api, docs());
      const input = root(el).querySelector<HTMLInputElement>('input[part="filter"]')!;
      const summary = () => root(el).querySelector('[part="summary"]')!.textContent!;
      const shown = new Set<string>();
      const observer = new MutationObserver(() => shown.add(summary()));
      observer.observe(root(el), { subtree: true, childList: true, characterData: true });
      typeInto(el, 'f');
      typeInto(el, 'fi');
      typeInto(el, 'xlsx');
      await el.updateComplete;
      // Until then the field shows what was typed and the rows stay as they were.
      expect(input.value).to.equal('xlsx');
      expect(el.filter).to.equal('');
      expect(treeItems(el)).to.have.length(8);
      await waitUntil(() => el.filter === 'xlsx', 'the typed filter was not applied');
      await el.updateComplete;
      observer.disconnect();
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '2:2020/', '3:a.xlsx', '3:b.xlsx']);
      expect(summary()).to.equal('2 of 5 documents');
      // "f" and "fi" (3 matches) never rendered.
      expect([...shown]).to.deep.equal(['2 of 5 documents']);
      const rows = treeItems(el);
      expect(
        rows.map((row) => `${row.getAttribute('aria-posinset')}/${row.getAttribute('aria-setsize')}`),
      ).to.deep.equal(['1/1', '1/1', '1/2', '2/2']);
      expect(rows[0].getAttribute('aria-label')).to.equal('Finance, 2 documents');
      expect(rows[0].getAttribute('aria-expanded')).to.equal('true');
      expect(rows.filter((row) => row.tabIndex === 0)).to.have.length(1);
      expect(root(el).activeElement).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('keeps the counts on screen until a typed filter renders', async () => {
      const el = await mount(api, docs());
      typeInto(el, 'budget');
      el.requestUpdate();
      await el.updateComplete;
      const finance = () => rowNamed(el, 'Finance')!;
      expect(finance().querySelector('[part="folder-count"]')!.textContent).to.equal('3');
      expect(finance().getAttribute('aria-label')).to.equal('Finance, 3 documents');
      expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('5 documents');
      await waitUntil(() => el.filter === 'budget', 'the typed filter was not applied');
      await el.updateComplete;
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '2:Budget.pdf']);
      expect(finance().querySelector('[part="folder-count"]')!.textContent).to.equal('1');
      expect(root(el).querySelector('[part="summary"]')!.textContent).to.equal('1 of 5 documents');
    });

    it('lets a `filter` set while typing is pending win over the typed value', async () => {
      const el = await mount(api, docs());
      typeInto(el, 'legal');
      el.filter = 'xlsx';
      await el.updateComplete;
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '2:2020/', '3:a.xlsx', '3:b.xlsx']);
      await aTimeout(150);
      await el.updateComplete;
      expect(el.filter).to.equal('xlsx');
      expect(root(el).querySelector<HTMLInputElement>('input[part="filter"]')!.value).to.equal('xlsx');
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '2:2020/', '3:a.xlsx', '3:b.xlsx']);
      // Collapsing while a typed filter is pending: the typed rows still render right.
      typeInto(el, 'finance');
      rowNamed(el, 'Finance')!.click();
      await el.updateComplete;
      expect(rowLabels(el)).to.deep.equal(['1:Finance/']);
      await waitUntil(() => el.filter === 'finance', 'the typed filter was not applied');
      await el.updateComplete;
      // A new filter starts with every folder expanded.
      expect(rowLabels(el)).to.deep.equal(['1:Finance/', '2:2020/', '3:a.xlsx', '3:b.xlsx', '2:Budget.pdf']);
    });

    it('sorts flat by name', async () => {
      const el = await mount(api, docs());
      const select = root(el).querySelector<HTMLSelectElement>('select[part="sort"]')!;
      select.value = 'name';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(el.sort).to.equal('name');
      expect(rowLabels(el)).to.deep.equal(['1:a.xlsx', '1:b.xlsx', '1:Budget.pdf', '1:NDA.docx', '1:readme.txt']);
      await typeFilter(el, 'finance');
      expect(rowLabels(el)).to.deep.equal(['1:a.xlsx', '1:b.xlsx', '1:Budget.pdf']);
      await expect(el).to.be.accessible();
    });
  });

  it('asks for one recipient’s documents with `email`', async () => {
    const el = await mount(api, docs(), { email: 'ann+legal@example.com' });
    const [request] = api.requestsTo('GET', DOCS_PATH);
    expect(api.requests).to.have.length(1);
    expect(request.url.origin).to.equal('https://paperos.test');
    expect([...request.url.searchParams]).to.deep.equal([['email', 'ann+legal@example.com']]);
    expect(request.url.search).to.equal('?email=ann%2Blegal%40example.com');
    el.email = 'bo@example.com';
    await waitUntil(() => api.requests.length === 2, 'changing email did not refetch');
    expect([...api.requests[1].url.searchParams]).to.deep.equal([['email', 'bo@example.com']]);
  });

  describe('download', () => {
    /** Records whether anything before the window prevented the link's default, then stops the navigation. */
    function watchNavigation() {
      const seen: boolean[] = [];
      const listener = (event: Event) => {
        if (!(event.composedPath()[0] instanceof HTMLAnchorElement)) return;
        seen.push(event.defaultPrevented);
        event.preventDefault();
      };
      window.addEventListener('click', listener);
      return { seen, stop: () => window.removeEventListener('click', listener) };
    }

    it('is a real new-tab link that fires paperos-document-open, then opens natively', async () => {
      const list = docs();
      const el = await mount(api, list);
      const link = rowNamed(el, 'NDA.docx')!.querySelector('a')!;
      expect(link.getAttribute('href')).to.equal(list[4].url);
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      const nav = watchNavigation();
      const opened = oneEvent(el, 'paperos-document-open');
      link.click();
      const event = await opened;
      nav.stop();
      expect(event.cancelable).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(event.detail.url).to.equal(list[4].url);
      expect(event.detail.document.pub_id).to.equal('doc_5');
      expect(nav.seen).to.deep.equal([false]);
      expect(open.called).to.equal(false);
      expect(api.requests).to.have.length(1);
    });

    it('does not open when paperos-document-open is cancelled', async () => {
      const el = await mount(api, docs());
      el.addEventListener('paperos-document-open', (e) => e.preventDefault());
      const nav = watchNavigation();
      rowNamed(el, 'NDA.docx')!.querySelector('a')!.click();
      nav.stop();
      expect(nav.seen).to.deep.equal([true]);
      expect(open.called).to.equal(false);
    });

    it('refetches an expired link exactly once and opens the fresh one', async () => {
      const stale = makeDoc({
        pub_id: 'doc_9',
        path: '/Legal',
        filename: 'Lease.pdf',
        url: signedUrl('9', inSeconds(-60)),
      });
      const fresh = { ...stale, url: signedUrl('9', inSeconds(900)) };
      api.on('GET', DOCS_PATH, { json: envelope([fresh]) });
      api.on('GET', DOCS_PATH, { json: envelope([stale]) }, { times: 1 });
      const el = await mount(api, null);
      await settled(el);
      const seen: string[] = [];
      el.addEventListener('paperos-document-open', (e) => seen.push(e.detail.url));
      const nav = watchNavigation();
      rowNamed(el, 'Lease.pdf')!.querySelector('a')!.click();
      nav.stop();
      expect(nav.seen).to.deep.equal([true]); // the dead link itself is not followed
      await waitUntil(() => open.called, 'the fresh link was not opened');
      expect(open.firstCall.args).to.deep.equal([fresh.url, '_blank', 'noopener,noreferrer']);
      expect(seen).to.deep.equal([fresh.url]);
      expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(2);
      await el.updateComplete;
      expect(rowNamed(el, 'Lease.pdf')!.querySelector('a')!.getAttribute('href')).to.equal(fresh.url);
      await aTimeout(50);
      expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(2);
      expect(open.callCount).to.equal(1);
    });

    it('treats a link expiring within seconds as expired', async () => {
      const soon = makeDoc({ pub_id: 'doc_9', path: '', filename: 'Soon.pdf', url: signedUrl('9', inSeconds(2)) });
      const fresh = { ...soon, url: signedUrl('9', inSeconds(900)) };
      api.on('GET', DOCS_PATH, { json: envelope([fresh]) });
      api.on('GET', DOCS_PATH, { json: envelope([soon]) }, { times: 1 });
      const el = await mount(api, null);
      await settled(el);
      rowNamed(el, 'Soon.pdf')!.querySelector('a')!.click();
      await waitUntil(() => open.called, 'the fresh link was not opened');
      expect(open.firstCall.args[0]).to.equal(fresh.url);
    });

    it('opens nothing and says so when the refetched link is still expired', async () => {
      const stale = makeDoc({ pub_id: 'doc_9', path: '', filename: 'Lease.pdf', url: signedUrl('9', inSeconds(-60)) });
      api.on('GET', DOCS_PATH, { json: envelope([stale]) });
      const el = await mount(api, null);
      await settled(el);
      const failed = oneEvent(el, 'paperos-error');
      const link = rowNamed(el, 'Lease.pdf')!.querySelector('a')!;
      link.addEventListener('click', (e) => e.preventDefault()); // no navigation in the test page either way
      link.click();
      const error = await failed;
      expect(error.detail.code).to.equal('invalid_response');
      await el.updateComplete;
      const notice = root(el).querySelector('[part~="notice"]')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(notice.textContent).to.contain('Lease.pdf');
      expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(2);
      expect(open.called).to.equal(false);
      await expect(el).to.be.accessible();
      await aTimeout(50);
      expect(api.requestsTo('GET', DOCS_PATH)).to.have.length(2);
    });

    it('renders a refused URL as plain text without an href', async () => {
      const el = await mount(api, [
        makeDoc({ pub_id: 'doc_js', path: '', filename: 'evil.pdf', url: 'javascript:alert(1)' }),
        makeDoc({
          pub_id: 'doc_data',
          path: '',
          filename: 'data.pdf',
          url: 'data:text/html,<script>alert(1)</script>',
        }),
        makeDoc({ pub_id: 'doc_http', path: '', filename: 'plain.pdf', url: 'http://elsewhere.test/x.pdf' }),
      ]);
      for (const name of ['evil.pdf', 'data.pdf', 'plain.pdf']) {
        const row = rowNamed(el, name)!;
        expect(row.querySelector('[part~="filename"]')!.localName).to.equal('span');
      }
      expect(root(el).querySelectorAll('[href]')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('signing', () => {
    const signable = () => [
      makeDoc({
        pub_id: 'doc_s',
        path: '/Board',
        filename: 'Consent.pdf',
        recipients: [
          { name: 'Ann Lee', email: 'ann@example.com', status: 'pending', sign_url: `${BASE}/sign/ann` },
          { name: 'Bo Li', email: 'bo@example.com', status: 'signed', sign_url: null },
          { name: 'Cy Evil', email: 'cy@example.com', status: 'pending', sign_url: 'javascript:alert(1)' },
        ],
      }),
    ];

    it('offers Sign only for recipients with a usable link, named with document and recipient', async () => {
      const el = await mount(api, signable());
      const recipients = [...root(el).querySelectorAll('[part="recipient"]')];
      expect(recipients.map((r) => r.querySelector('[part="recipient-name"]')!.textContent)).to.deep.equal([
        'Ann Lee',
        'Bo Li',
        'Cy Evil',
      ]);
      expect(recipients.map((r) => r.querySelector('[part~="recipient-status"]')!.textContent)).to.deep.equal([
        'Awaiting signature',
        'Signed',
        'Awaiting signature',
      ]);
      const buttons = [...root(el).querySelectorAll('button[part="sign-button"]')];
      expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['Sign Consent.pdf as Ann Lee']);
      await expect(el).to.be.accessible();
    });

    it('fires paperos-sign and opens the link in a new tab', async () => {
      const el = await mount(api, signable());
      const signed = oneEvent(el, 'paperos-sign');
      root(el).querySelector<HTMLButtonElement>('button[part="sign-button"]')!.click();
      const event = await signed;
      expect(event.cancelable).to.equal(true);
      expect(event.detail.url).to.equal(`${BASE}/sign/ann`);
      expect(event.detail.document.pub_id).to.equal('doc_s');
      expect(event.detail.recipient).to.include({ name: 'Ann Lee', email: 'ann@example.com' });
      expect(open.callCount).to.equal(1);
      expect(open.firstCall.args).to.deep.equal([`${BASE}/sign/ann`, '_blank', 'noopener,noreferrer']);
    });

    it('does not open when paperos-sign is cancelled', async () => {
      const el = await mount(api, signable());
      el.addEventListener('paperos-sign', (e) => e.preventDefault());
      root(el).querySelector<HTMLButtonElement>('button[part="sign-button"]')!.click();
      expect(open.called).to.equal(false);
    });

    it('tolerates another recipient shape', async () => {
      const el = await mount(api, [
        makeDoc({
          pub_id: 'doc_t',
          path: '',
          filename: 'Offer.pdf',
          recipients: [
            {
              first_name: 'Dee',
              last_name: 'Ng',
              email: 'dee@example.com',
              signed: false,
              signing_url: `${BASE}/sign/dee`,
            },
            { first_name: 'Eli', last_name: 'Ox', email: 'eli@example.com', signed: true },
          ],
        }),
      ]);
      const recipients = [...root(el).querySelectorAll('[part="recipient"]')].map((r) =>
        r.textContent!.replace(/\s+/g, ' ').trim(),
      );
      expect(recipients).to.deep.equal(['Dee Ng Awaiting signature Sign', 'Eli Ox Signed']);
      const button = root(el).querySelector<HTMLButtonElement>('button[part="sign-button"]')!;
      expect(button.getAttribute('aria-label')).to.equal('Sign Offer.pdf as Dee Ng');
      button.click();
      expect(open.firstCall.args[0]).to.equal(`${BASE}/sign/dee`);
    });
  });

  it('shows hostile names and paths as text, exactly as given', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const el = await mount(api, [
      makeDoc({
        pub_id: 'doc_x',
        path: `/${evil}`,
        filename: `${evil}.pdf`,
        recipients: [{ name: `<script>window.__pwned=1</script>`, email: null, status: '<b>done</b>', sign_url: null }],
      }),
    ]);
    expect(rowLabels(el)).to.deep.equal([`1:${evil}/`, `2:${evil}.pdf`]);
    expect(root(el).querySelector('[part="recipient-name"]')!.textContent).to.equal(
      '<script>window.__pwned=1</script>',
    );
    expect(root(el).querySelector('[part~="recipient-status"]')!.textContent).to.equal('<b>done</b>');
    expect(root(el).querySelectorAll('img, script, b')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
