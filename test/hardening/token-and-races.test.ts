// Token hygiene across states and failures, and races: responses arriving in
// any order while attributes change never leave a stale view.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/elements/provider/define.js';
import '../../src/elements/document-list/define.js';
import '../../src/elements/record-list/define.js';
import type { PaperOSRecordList } from '../../src/elements/record-list/record-list.js';
import type { PaperOSDocumentList } from '../../src/elements/document-list/document-list.js';
import { pageCache } from '../../src/client/cache.js';
import { EXAMPLE_ORG_ID, epochIn, makeJwt, recordUpdateResponse, recordsResponse } from '../fixtures/api-examples.js';
import { MockApi } from '../helpers/mock-api.js';

const BASE = 'https://paperos.test';
const ORG = EXAMPLE_ORG_ID;

/** Everything a page, a script or a user could see: text and attributes through every shadow root. */
function serialize(node: Node): string {
  let out = '';
  if (node instanceof Element) {
    out += `<${node.localName}`;
    for (const name of node.getAttributeNames()) out += ` ${name}="${node.getAttribute(name)}"`;
    out += '>';
    if (node.shadowRoot) out += serialize(node.shadowRoot);
    if (node instanceof HTMLInputElement) out += `[value=${node.value}]`;
  } else if (node.nodeType === Node.TEXT_NODE) {
    out += node.textContent;
  }
  for (const child of node.childNodes) out += serialize(child);
  return out;
}

describe('token hygiene across states and failures', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  it('never shows, logs, stores, sends in a URL or emits the token', async () => {
    const tokens: string[] = [];
    let n = 0;
    const fetchToken = async () => {
      const token = makeJwt({ org_id: ORG, sub: 'sub_hygiene', exp: epochIn(3600), n: ++n });
      tokens.push(token);
      return token;
    };
    const seen: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => (console[m] = (...args: unknown[]) => void seen.push(args.map(String).join(' '))));
    const details: string[] = [];
    const names = [
      'paperos-load',
      'paperos-error',
      'paperos-record-select',
      'paperos-record-save',
      'paperos-document-open',
      'paperos-sign',
    ];
    const record = (e: Event) => details.push(JSON.stringify((e as CustomEvent).detail ?? null) + JSON.stringify(e));
    names.forEach((name) => document.addEventListener(name, record));

    // The server echoes whatever Authorization it got, in every failure it can produce.
    const echo = (status: number) => (request: { headers: Headers }) => ({
      status,
      json: { success: false, message: `rejected ${request.headers.get('authorization')}` },
    });
    const docs = `/api/v1/orgs/${ORG}/documents`;
    const records = `/api/v1/orgs/${ORG}/records`;
    api.on('GET', docs, echo(401), { times: 2 }); // 401, forced refresh, 401 again: error state
    api.on('GET', records, { json: recordsResponse });
    api.on('PATCH', `${records}/5617`, echo(422));
    try {
      const page = await fixture<HTMLElement>(
        html`<paperos-provider base-url=${BASE} .fetchToken=${fetchToken}>
          <paperos-document-list></paperos-document-list>
          <paperos-record-list editable></paperos-record-list>
        </paperos-provider>`,
      );
      const list = page.querySelector('paperos-document-list') as PaperOSDocumentList;
      const recordList = page.querySelector('paperos-record-list') as PaperOSRecordList;
      await waitUntil(() => list.shadowRoot!.querySelector('[role="alert"]'), 'document list error');
      await waitUntil(() => recordList.shadowRoot!.querySelector('[role="listbox"]'), 'record list');
      // a failed save echoing the token
      (recordList.shadowRoot!.querySelector('[role="option"]') as HTMLElement).click();
      await recordList.updateComplete;
      const input = recordList.shadowRoot!.querySelector('[part~="field-input"]') as HTMLInputElement;
      input.value = 'x';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await recordList.updateComplete;
      (recordList.shadowRoot!.querySelector('[part~="save-button"]') as HTMLElement).click();
      await waitUntil(() => recordList.shadowRoot!.querySelector('[part~="notice"][role="alert"]'), 'save error');
      // retry the document list into its populated state
      api.on('GET', docs, { json: { documents: [] } });
      (list.shadowRoot!.querySelector('[part~="retry-button"]') as HTMLElement).click();
      await waitUntil(() => list.shadowRoot!.querySelector('[part~="empty"]'), 'document list empty');

      expect(tokens.length).to.be.greaterThan(1);
      const surfaces = {
        dom: serialize(document.body),
        console: seen.join('\n'),
        events: details.join('\n'),
        urls: api.requests.map((r) => r.url.href).join('\n'),
        storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
        cookies: document.cookie,
      };
      for (const token of tokens) {
        for (const [where, text] of Object.entries(surfaces)) {
          expect(text.includes(token), `token found in ${where}`).to.equal(false);
        }
      }
      // it did go where it belongs
      expect(
        api.requests.every((r) => tokens.includes(r.headers.get('authorization')!.replace('Bearer ', ''))),
      ).to.equal(true);
      expect(surfaces.dom).to.include('[redacted]');
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]));
      names.forEach((name) => document.removeEventListener(name, record));
    }
  });
});

/**
 * Runs every scheduled response, including those of requests that are only
 * sent after earlier ones settle, until the element is idle.
 */
async function drain(s: fc.Scheduler, idle: () => boolean): Promise<void> {
  let quiet = 0;
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2));
    if (s.count() > 0) {
      quiet = 0;
      await s.waitAll();
    } else if (idle() && ++quiet >= 3) {
      return;
    }
  }
  throw new Error('the element never settled');
}
const notLoading = (el: HTMLElement) => () => !!el.shadowRoot && !el.shadowRoot.querySelector('[part~="loading"]');

describe('races (fast-check scheduler)', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  const types = ['org', 'individual', 'equity', 'contract'] as const;
  const recordsOfType = (type: string) => [{ ...recordsResponse[0], id: 1, name: `only ${type}`, features: {} }];

  it('the record list always ends on the latest type, whatever order responses arrive in', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom(...types), { minLength: 1, maxLength: 5 }),
        async (s, changes) => {
          runs++;
          pageCache.clear();
          api.restore();
          api = new MockApi().install();
          api.on('GET', `/api/v1/orgs/${ORG}/records`, (request) =>
            s.schedule(
              Promise.resolve({ json: recordsOfType(request.url.searchParams.get('type')!) }),
              request.url.search,
            ),
          );
          const el = await fixture<PaperOSRecordList>(
            html`<paperos-record-list
              base-url=${BASE}
              org-id=${ORG}
              type="org"
              .token=${'opaque'}
            ></paperos-record-list>`,
          );
          for (const type of changes) {
            el.type = type;
            await el.updateComplete;
            if (s.count() > 0) await s.waitOne();
          }
          await drain(s, notLoading(el));
          const last = changes[changes.length - 1];
          await el.updateComplete;
          const shown = [...el.shadowRoot!.querySelectorAll('[part~="record-name"]')].map((n) => n.textContent);
          el.remove();
          expect(shown).to.deep.equal([`only ${last}`]);
        },
      ),
      { numRuns: 40 },
    );
    console.log(`[races] record list: ${runs} schedules`);
  });

  it('the document list always ends on the latest email, whatever order responses arrive in', async () => {
    let runs = 0;
    const emails = ['a@example.com', 'b@example.com', 'c@example.com'];
    await fc.assert(
      fc.asyncProperty(
        fc.scheduler(),
        fc.array(fc.constantFrom(...emails), { minLength: 1, maxLength: 5 }),
        async (s, changes) => {
          runs++;
          pageCache.clear();
          api.restore();
          api = new MockApi().install();
          api.on('GET', `/api/v1/orgs/${ORG}/documents`, (request) => {
            const email = request.url.searchParams.get('email') ?? 'all';
            const documents = [{ pub_id: 'd', path: '/', filename: `for ${email}`, url: `${BASE}/d`, recipients: [] }];
            return s.schedule(Promise.resolve({ json: { documents } }), email);
          });
          const el = await fixture<PaperOSDocumentList>(
            html`<paperos-document-list base-url=${BASE} org-id=${ORG} .token=${'opaque'}></paperos-document-list>`,
          );
          for (const email of changes) {
            el.email = email;
            await el.updateComplete;
            if (s.count() > 0) await s.waitOne();
          }
          await drain(s, notLoading(el));
          await el.updateComplete;
          const shown = [...el.shadowRoot!.querySelectorAll('[part~="filename"]')].map((n) => n.textContent);
          el.remove();
          expect(shown).to.deep.equal([`for ${changes[changes.length - 1]}`]);
        },
      ),
      { numRuns: 40 },
    );
    console.log(`[races] document list: ${runs} schedules`);
  });

  it('a save is never sent twice under any interleaving of clicks and the response', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }), async (s, clicks) => {
        runs++;
        pageCache.clear();
        api.restore();
        api = new MockApi().install();
        api.on('GET', `/api/v1/orgs/${ORG}/records`, { json: recordsResponse });
        api.on('PATCH', `/api/v1/orgs/${ORG}/records/5617`, () =>
          s.schedule(Promise.resolve({ json: recordUpdateResponse }), 'patch'),
        );
        const el = await fixture<PaperOSRecordList>(
          html`<paperos-record-list editable base-url=${BASE} org-id=${ORG} .token=${'opaque'}></paperos-record-list>`,
        );
        await waitUntil(() => el.shadowRoot!.querySelector('[role="option"]'));
        (el.shadowRoot!.querySelector('[role="option"]') as HTMLElement).click();
        await el.updateComplete;
        const input = el.shadowRoot!.querySelector('[part~="field-input"]') as HTMLInputElement;
        input.value = 'renamed';
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await el.updateComplete;
        const save = () => (el.shadowRoot!.querySelector('[part~="save-button"]') as HTMLElement).click();
        for (let i = 0; i < clicks; i++) {
          save();
          if (s.count() > 0) await s.waitOne();
        }
        const notSaving = () => !el.shadowRoot!.querySelector('[part~="notice"]')?.textContent?.includes('Saving');
        await drain(s, notSaving);
        save(); // after success nothing is left to save
        await drain(s, notSaving);
        await el.updateComplete;
        const patches = api.requests.filter((r) => r.method === 'PATCH');
        el.remove();
        expect(patches).to.have.length(1);
      }),
      { numRuns: 25 },
    );
    console.log(`[races] record save: ${runs} schedules`);
  });
});
