// Faults on the wire: every element ends in a correct state (its data, or a
// clear error whose Retry works), with no uncaught error, and a save is never
// sent twice nor silently lost. Each test reports how many cases it tried.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/elements/document-list/define.js';
import '../../src/elements/record-list/define.js';
import '../../src/elements/workflow-launcher/define.js';
import { pageCache } from '../../src/client/cache.js';
import {
  EXAMPLE_ORG_ID,
  documentsResponse,
  epochIn,
  makeJwt,
  recordsResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../fixtures/api-examples.js';
import { MockApi, delay, type MockReply } from '../helpers/mock-api.js';

const BASE = 'https://paperos.test';
const ORG = EXAMPLE_ORG_ID;

/** A body that starts and then breaks: the connection dropped mid-response. */
const dropped = (): Response =>
  new Response(
    new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"documents": [{"pub_id": "d'));
        controller.error(new TypeError('connection reset'));
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );

interface Fault {
  name: string;
  /** Replies for the first requests; later ones get the real data. */
  replies: Array<() => MockReply | Promise<MockReply>>;
  /** The state the element must reach before any retry. */
  expect: 'data' | 'error';
}

const faults: Fault[] = [
  { name: 'latency', replies: [async () => (await delay(300), { json: 'REAL' })], expect: 'data' },
  { name: 'one 500 (retried)', replies: [() => ({ status: 500, json: { message: 'boom' } })], expect: 'data' },
  {
    name: 'a burst of 5xx (retries exhausted)',
    replies: [500, 502, 503, 500].map((status) => () => ({ status, json: { message: 'down' } })),
    expect: 'error',
  },
  {
    name: '429 with Retry-After',
    replies: [() => ({ status: 429, headers: { 'retry-after': '1' }, json: {} })],
    expect: 'data',
  },
  {
    name: '420 with a long Retry-After',
    replies: [() => ({ status: 420, headers: { 'retry-after': '600' }, json: {} })],
    expect: 'error',
  },
  {
    name: 'network loss',
    replies: [
      () => new TypeError('Failed to fetch'),
      () => new TypeError('Failed to fetch'),
      () => new TypeError('Failed to fetch'),
    ],
    expect: 'error',
  },
  { name: 'connection dropped mid-response', replies: [dropped, dropped, dropped], expect: 'error' },
  { name: 'malformed JSON', replies: [() => ({ text: '{"documents": [' })], expect: 'error' },
  { name: 'a body of the wrong shape', replies: [() => ({ json: { unexpected: true } })], expect: 'error' },
  { name: '403', replies: [() => ({ status: 403, json: { message: 'no access to this org' } })], expect: 'error' },
  { name: '404', replies: [() => ({ status: 404, json: { message: 'no such org' } })], expect: 'error' },
];

interface Target {
  tag: string;
  path: string;
  real: unknown;
  view: (fetchToken: () => Promise<string>) => TemplateResult;
  data: string;
}

const targets: Target[] = [
  {
    tag: 'paperos-document-list',
    path: `/api/v1/orgs/${ORG}/documents`,
    real: documentsResponse,
    view: (fetchToken) =>
      html`<paperos-document-list base-url=${BASE} .fetchToken=${fetchToken}></paperos-document-list>`,
    data: '[part~="filename"]',
  },
  {
    tag: 'paperos-record-list',
    path: `/api/v1/orgs/${ORG}/records`,
    real: recordsResponse,
    view: (fetchToken) => html`<paperos-record-list base-url=${BASE} .fetchToken=${fetchToken}></paperos-record-list>`,
    data: '[part~="record-name"]',
  },
  {
    tag: 'paperos-workflow-launcher',
    path: `/api/v1/orgs/${ORG}/workflow-templates`,
    real: workflowTemplatesResponse,
    view: (fetchToken) =>
      html`<paperos-workflow-launcher base-url=${BASE} .fetchToken=${fetchToken}></paperos-workflow-launcher>`,
    data: '[part~="template-label"]',
  },
];

describe('faults', function () {
  this.timeout(30000);
  let api: MockApi;
  const uncaught: unknown[] = [];
  const onError = (e: ErrorEvent) => uncaught.push(e.message);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(String(e.reason));
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => {
    api.restore();
    expect(uncaught, 'no uncaught error or unhandled rejection').to.deep.equal([]);
  });

  const fetchToken = async () => makeJwt({ org_id: ORG, sub: 'sub_faults', exp: epochIn(3600) });

  for (const target of targets) {
    it(`${target.tag}: ends in data or a clear error with a working retry, for every fault`, async () => {
      let cases = 0;
      for (const fault of faults) {
        pageCache.clear();
        api.restore();
        api = new MockApi().install();
        let calls = 0;
        api.on('GET', `/api/v1/orgs/${ORG}/workflows`, { json: workflowsResponse });
        api.on('GET', target.path, async () => {
          const reply = fault.replies[calls++];
          if (!reply) return { json: target.real };
          const out = await reply();
          return out && typeof out === 'object' && 'json' in out && out.json === 'REAL' ? { json: target.real } : out;
        });
        const el = await fixture<HTMLElement>(target.view(fetchToken));
        const root = el.shadowRoot!;
        await waitUntil(() => root.querySelector(`${target.data}, [role="alert"]`), `${fault.name}: never settled`, {
          timeout: 8000,
        });
        if (fault.expect === 'data') {
          expect(root.querySelector(target.data), `${fault.name}: data`).to.not.equal(null);
        } else {
          const alert = root.querySelector('[role="alert"]');
          expect(alert, `${fault.name}: error state`).to.not.equal(null);
          expect(alert!.textContent!.trim().length, `${fault.name}: a message in words`).to.be.greaterThan(10);
          // Retry recovers once the fault is gone.
          calls = fault.replies.length;
          (root.querySelector('[part~="retry-button"]') as HTMLElement).click();
          await waitUntil(() => root.querySelector(target.data), `${fault.name}: retry did not recover`, {
            timeout: 8000,
          });
        }
        const gets = api.requests.filter((r) => r.method === 'GET').length;
        expect(gets, `${fault.name}: bounded requests`).to.be.at.most(fault.replies.length + 2);
        el.remove();
        cases++;
      }
      console.log(`[faults] ${target.tag}: ${cases} faults`);
    });
  }

  it('401 after expiry: one forced refresh, then data', async () => {
    let issued = 0;
    const rotating = async () => makeJwt({ org_id: ORG, sub: 'sub_faults', exp: epochIn(3600), n: ++issued });
    // later routes answer first: one 401, then the data
    api.on('GET', targets[0].path, { json: documentsResponse });
    api.on('GET', targets[0].path, { status: 401, json: { message: 'expired' } }, { times: 1 });
    const el = await fixture<HTMLElement>(targets[0].view(rotating));
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="filename"]'), 'data after refresh', { timeout: 8000 });
    expect(issued).to.equal(2);
    const auth = api.requests.map((r) => r.headers.get('authorization'));
    expect(auth[0]).to.not.equal(auth[1]);
  });

  it('403 after an org change: a clear error, and the first org still works', async () => {
    const el = await fixture<HTMLElement & { orgId?: string }>(
      html`<paperos-record-list base-url=${BASE} org-id=${ORG} .fetchToken=${fetchToken}></paperos-record-list>`,
    );
    api.on('GET', `/api/v1/orgs/${ORG}/records`, { json: recordsResponse });
    api.on('GET', '/api/v1/orgs/org_other/records', { status: 403, json: { message: 'token is for another org' } });
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part~="record-name"]') || el.shadowRoot!.querySelector('[role="alert"]'),
    );
    el.orgId = 'org_other';
    await waitUntil(
      () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes('do not have access'),
      '403 shown',
    );
    el.orgId = ORG;
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="record-name"]'), 'back to the first org');
  });

  it('a save under faults is sent once per click and never lost', async () => {
    let cases = 0;
    const saveFaults: Array<[string, MockReply | (() => Promise<MockReply>)]> = [
      ['500', { status: 500, json: { message: 'boom' } }],
      ['429', { status: 429, headers: { 'retry-after': '1' }, json: {} }],
      ['network loss', new TypeError('Failed to fetch')],
      ['malformed JSON', { text: 'not json' }],
    ];
    for (const [name, reply] of saveFaults) {
      pageCache.clear();
      api.restore();
      api = new MockApi().install();
      api.on('GET', targets[1].path, { json: recordsResponse });
      let patches = 0;
      api.on('PATCH', `${targets[1].path}/5617`, () =>
        patches++ === 0
          ? typeof reply === 'function'
            ? reply()
            : reply
          : { json: { success: true, changes: ['name'], total: 1, count: 1 } },
      );
      const el = await fixture<HTMLElement>(
        html`<paperos-record-list editable base-url=${BASE} .fetchToken=${fetchToken}></paperos-record-list>`,
      );
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('[role="option"]'));
      (root.querySelector('[role="option"]') as HTMLElement).click();
      await waitUntil(() => root.querySelector('[part~="field-input"]'));
      const input = root.querySelector('[part~="field-input"]') as HTMLInputElement;
      input.value = 'Renamed';
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await waitUntil(() => root.querySelector('[part~="save-button"][aria-disabled="false"]'));
      (root.querySelector('[part~="save-button"]') as HTMLElement).click();
      await waitUntil(() => root.querySelector('[part~="notice"][role="alert"]'), `${name}: error shown`);
      expect(patches, `${name}: sent once, never retried on its own`).to.equal(1);
      expect((root.querySelector('[part~="field-input"]') as HTMLInputElement).value, `${name}: input kept`).to.equal(
        'Renamed',
      );
      (root.querySelector('[part~="save-button"]') as HTMLElement).click();
      await waitUntil(
        () => root.querySelector('[part~="notice"]')?.textContent?.includes('Saved'),
        `${name}: saved on the second try`,
      );
      expect(patches).to.equal(2);
      el.remove();
      cases++;
    }
    console.log(`[faults] record save: ${cases} faults`);
  });
});
