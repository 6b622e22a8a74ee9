// The React wrappers (`@paperos/elements/react`) rendered by React 19 itself:
// props become the elements' properties (`token` and `records` are
// property-only, never attributes) and element events reach the `on…` callbacks.
// (React is CommonJS; web-test-runner serves it through test/embedding/react-esm-plugin.mjs.)
import { expect, waitUntil } from '@open-wc/testing';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import {
  PaperOSDocumentList,
  PaperOSProvider,
  PaperOSRecordList,
  PaperOSWorkflowLauncher,
} from '../../src/react/index.js';
import type { PaperOSWorkflowLauncher as LauncherElement } from '../../src/elements/workflow-launcher/workflow-launcher.js';
import type { PaperOSLoadEvent, PaperOSErrorEvent } from '../../src/elements/base/events.js';
import type { PaperOSWorkflowStartedEvent } from '../../src/elements/workflow-launcher/events.js';
import type { PaperOSDocumentOpenEvent } from '../../src/elements/document-list/events.js';
import type { PaperOSRecordSelectEvent } from '../../src/elements/record-list/events.js';
import { pageCache } from '../../src/client/cache.js';
import {
  EXAMPLE_ORG_ID,
  documentsResponse,
  epochIn,
  makeJwt,
  recordsResponse,
  startWorkflowResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../fixtures/api-examples.js';
import { MockApi } from '../helpers/mock-api.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const API = `/api/v1/orgs/${ORG}`;
const tokens = new Map<string, string>();
/** One token per subject, so a test can compare what a request carried. */
const token = (sub = 'sub_react') =>
  tokens.get(sub) ?? tokens.set(sub, makeJwt({ org_id: ORG, sub, exp: epochIn(3600) })).get(sub)!;
/** The documentation's documents with links that are still valid (the examples' have long expired). */
const documents = () =>
  documentsResponse.documents.map((d, i) => ({
    ...d,
    url: `${BASE}/api/public/documents/${i}/${makeJwt({ file: String(i), iat: epochIn(0), exp: epochIn(900) })}`,
  }));

describe('React wrappers', () => {
  let api: MockApi;
  let container: HTMLDivElement;
  let reactRoot: Root;

  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
    container = document.createElement('div');
    document.body.append(container);
    reactRoot = createRoot(container);
  });
  afterEach(async () => {
    await act(async () => reactRoot.unmount());
    container.remove();
    api.restore();
  });

  const render = (node: Parameters<Root['render']>[0]) => act(async () => reactRoot.render(node));
  const shadow = (selector: string) => container.querySelector(selector)!.shadowRoot!;

  it('PaperOSWorkflowLauncher: token and records as properties, onLoad, onWorkflowStart and onWorkflowStarted', async () => {
    api.on('GET', `${API}/workflow-templates`, { json: workflowTemplatesResponse });
    api.on('GET', `${API}/workflows`, { json: workflowsResponse });
    api.on('POST', `${API}/workflows`, { json: startWorkflowResponse });
    const loads: number[] = [];
    const starting: string[] = [];
    const started: PaperOSWorkflowStartedEvent[] = [];
    const records = [{ role: 'company', id: '5617' }];

    await render(
      createElement(PaperOSWorkflowLauncher, {
        baseUrl: BASE,
        token: token(),
        records,
        onLoad: (e: PaperOSLoadEvent) => loads.push(e.detail.count),
        onWorkflowStart: (e) => starting.push(e.detail.templateId),
        onWorkflowStarted: (e) => started.push(e),
      }),
    );
    const el = container.querySelector<LauncherElement>('paperos-workflow-launcher')!;
    expect(el.hasAttribute('token')).to.equal(false);
    expect(el.hasAttribute('records')).to.equal(false);
    expect(el.records).to.equal(records);
    expect(el.getAttribute('base-url')).to.equal(BASE);

    await waitUntil(() => loads.length === 1, 'onLoad called');
    expect(loads).to.deep.equal([workflowTemplatesResponse.workflow_templates.length]);
    // The token prop reached the element: the request carried it.
    expect(api.requestsTo('GET', `${API}/workflows`)[0].headers.get('authorization')).to.equal(`Bearer ${token()}`);

    const template = workflowTemplatesResponse.workflow_templates[0];
    const button = shadow('paperos-workflow-launcher').querySelector<HTMLButtonElement>(
      `[part~="start-button"][aria-label="Start ${template.label}"]`,
    )!;
    await act(async () => button.click());
    await waitUntil(() => started.length === 1, 'onWorkflowStarted called');
    expect(starting).to.deep.equal([template.id]);
    expect(started[0].detail).to.deep.equal({ workflowId: startWorkflowResponse.workflow_id, templateId: template.id });
    expect(api.requestsTo('POST', `${API}/workflows`)[0].body).to.deep.include({ records });
    await waitUntil(
      () => shadow('paperos-workflow-launcher').textContent!.includes(`${template.label} started.`),
      'started message',
    );
  });

  it('PaperOSWorkflowLauncher: a new records prop replaces the property', async () => {
    api.on('GET', `${API}/workflow-templates`, { json: workflowTemplatesResponse });
    api.on('GET', `${API}/workflows`, { json: workflowsResponse });
    const first = [{ role: 'company', id: '5617' }];
    const second = [{ role: 'individual', id: '17413' }];
    await render(createElement(PaperOSWorkflowLauncher, { baseUrl: BASE, token: token(), records: first }));
    const el = container.querySelector<LauncherElement>('paperos-workflow-launcher')!;
    await render(createElement(PaperOSWorkflowLauncher, { baseUrl: BASE, token: token(), records: second }));
    expect(container.querySelector('paperos-workflow-launcher')).to.equal(el); // updated, not remounted
    expect(el.records).to.equal(second);
  });

  it('PaperOSWorkflowLauncher: onError when the API fails, shown as an alert', async () => {
    api.on('GET', `${API}/workflow-templates`, { status: 500, json: { error: 'boom' } });
    api.on('GET', `${API}/workflows`, { json: workflowsResponse });
    const errors: PaperOSErrorEvent[] = [];
    await render(
      createElement(PaperOSWorkflowLauncher, { baseUrl: BASE, token: token(), onError: (e) => errors.push(e) }),
    );
    await waitUntil(() => errors.length > 0, 'onError called', { timeout: 8000 });
    expect(errors[0].type).to.equal('paperos-error');
    await waitUntil(() => shadow('paperos-workflow-launcher').querySelector('[role="alert"]'), 'error shown', {
      timeout: 8000,
    });
  });

  it('PaperOSProvider with a PaperOSRecordList inside: the provider token serves the list, onLoad and onRecordSelect', async () => {
    api.on('GET', `${API}/records`, { json: recordsResponse });
    const loads: number[] = [];
    const selected: PaperOSRecordSelectEvent[] = [];
    await render(
      createElement(
        PaperOSProvider,
        { baseUrl: BASE, orgId: ORG, token: token('sub_provider') },
        createElement(PaperOSRecordList, {
          onLoad: (e: PaperOSLoadEvent) => loads.push(e.detail.count),
          onRecordSelect: (e) => selected.push(e),
        }),
      ),
    );
    const provider = container.querySelector('paperos-provider')!;
    expect(provider.hasAttribute('token')).to.equal(false);
    expect(provider.getAttribute('org-id')).to.equal(ORG);
    expect(provider.querySelector('paperos-record-list')).to.not.equal(null);

    await waitUntil(() => loads.length === 1, 'onLoad called');
    expect(loads).to.deep.equal([recordsResponse.length]);
    expect(api.requestsTo('GET', `${API}/records`)[0].headers.get('authorization')).to.equal(
      `Bearer ${token('sub_provider')}`,
    );
    const list = shadow('paperos-record-list');
    await waitUntil(() => list.querySelectorAll('[role="option"]').length === recordsResponse.length, 'records shown');
    const bob = [...list.querySelectorAll<HTMLElement>('[role="option"]')].find((o) =>
      o.textContent!.includes('Bob the Builder'),
    )!;
    await act(async () => bob.click());
    expect(selected).to.have.length(1);
    expect(selected[0].detail.record.name).to.equal('Bob the Builder');
    expect(selected[0].detail.workflowRecord.id).to.equal('17413');
  });

  it('PaperOSDocumentList: onLoad and onDocumentOpen (cancelled by the callback, so nothing opens)', async () => {
    const docs = documents();
    api.on('GET', `${API}/documents`, { json: { ...documentsResponse, documents: docs } });
    const loads: number[] = [];
    const opened: PaperOSDocumentOpenEvent[] = [];
    await render(
      createElement(PaperOSDocumentList, {
        baseUrl: BASE,
        token: token(),
        onLoad: (e: PaperOSLoadEvent) => loads.push(e.detail.count),
        onDocumentOpen: (e) => {
          e.preventDefault();
          opened.push(e);
        },
      }),
    );
    await waitUntil(() => loads.length === 1, 'onLoad called');
    expect(loads).to.deep.equal([docs.length]);
    const list = shadow('paperos-document-list');
    await waitUntil(() => list.querySelector('a[href]'), 'document links shown');
    const link = list.querySelector<HTMLAnchorElement>('a[href]')!;
    await act(async () => link.click());
    expect(opened).to.have.length(1);
    expect(opened[0].defaultPrevented).to.equal(true);
    expect(opened[0].detail.url).to.equal(link.getAttribute('href'));
    expect(docs.map((d) => d.url)).to.include(opened[0].detail.url);
  });
});
