// axe (WCAG 2.0/2.1/2.2 A and AA, plus target-size) in every state of every
// element, in light and dark, and a keyboard-only walk through each element's actions.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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
import { expectAccessible } from '../helpers/axe.js';
import { MockApi } from '../helpers/mock-api.js';

const BASE = 'https://paperos.test';
const ORG = EXAMPLE_ORG_ID;
const token = makeJwt({ org_id: ORG, sub: 'sub_a11y', exp: epochIn(3600) });

interface Spec {
  tag: string;
  path: string;
  populated: unknown;
  empty: unknown;
  view: () => TemplateResult;
  ready: string;
}

// The example's signed links expired in 2023; give them fresh ones so opening needs no refetch.
const withSigner = JSON.parse(JSON.stringify(documentsResponse));
for (const [i, doc] of withSigner.documents.entries()) {
  doc.url = `${BASE}/api/public/documents/${i}/${makeJwt({ file: String(i), exp: epochIn(900) })}`;
}
withSigner.documents[0].recipients = [
  { name: 'Ann Signer', email: 'ann@example.com', status: 'pending', sign_url: `${BASE}/sign/1` },
  { name: 'Bob Done', email: 'bob@example.com', status: 'signed', sign_url: null },
];

const specs: Spec[] = [
  {
    tag: 'paperos-document-list',
    path: `/api/v1/orgs/${ORG}/documents`,
    populated: withSigner,
    empty: { documents: [] },
    view: () => html`<paperos-document-list base-url=${BASE} .token=${token}></paperos-document-list>`,
    ready: '[role="tree"]',
  },
  {
    tag: 'paperos-record-list',
    path: `/api/v1/orgs/${ORG}/records`,
    populated: recordsResponse,
    empty: [],
    view: () => html`<paperos-record-list editable creatable base-url=${BASE} .token=${token}></paperos-record-list>`,
    ready: '[role="listbox"]',
  },
];

specs.push({
  tag: 'paperos-workflow-launcher',
  path: `/api/v1/orgs/${ORG}/workflow-templates`,
  populated: workflowTemplatesResponse,
  empty: { workflow_templates: [] },
  view: () => html`<paperos-workflow-launcher base-url=${BASE} .token=${token}></paperos-workflow-launcher>`,
  ready: '[part~="templates"]',
});

const schemes = ['light', 'dark'] as const;

async function mountIn(scheme: (typeof schemes)[number], view: TemplateResult): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div style="color-scheme: ${scheme}; background: Canvas; color: CanvasText; padding: 8px">${view}</div>`,
  );
  return wrapper.firstElementChild as HTMLElement;
}

describe('accessibility in every state, light and dark', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
    api.on('GET', `/api/v1/orgs/${ORG}/workflows`, { json: workflowsResponse });
  });
  afterEach(() => api.restore());

  for (const spec of specs) {
    for (const scheme of schemes) {
      describe(`${spec.tag} (${scheme})`, () => {
        it('loading', async () => {
          const held = api.deferred();
          api.on('GET', spec.path, held.handler);
          const el = await mountIn(scheme, spec.view());
          await waitUntil(() => el.shadowRoot?.querySelector('[role="status"]'));
          await expectAccessible(el, `${spec.tag} loading, before its label shows, ${scheme}`);
          await waitUntil(() => el.shadowRoot?.querySelector('[role="status"] .spinner'), 'the loading label');
          await expectAccessible(el, `${spec.tag} loading ${scheme}`);
          held.release({ json: spec.empty });
        });
        it('empty', async () => {
          api.on('GET', spec.path, { json: spec.empty });
          // the launcher is empty only with no templates and no started workflows
          api.on('GET', `/api/v1/orgs/${ORG}/workflows`, { json: { workflows: [] } });
          const el = await mountIn(scheme, spec.view());
          await waitUntil(() => el.shadowRoot?.querySelector('[part~="empty"]'));
          await expectAccessible(el, `${spec.tag} empty ${scheme}`);
        });
        it('error', async () => {
          api.on('GET', spec.path, { status: 403, json: { message: 'Forbidden' } });
          const el = await mountIn(scheme, spec.view());
          await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'));
          await expectAccessible(el, `${spec.tag} error ${scheme}`);
        });
        it('populated', async () => {
          api.on('GET', spec.path, { json: spec.populated });
          const el = await mountIn(scheme, spec.view());
          await waitUntil(() => el.shadowRoot?.querySelector(spec.ready));
          await expectAccessible(el, `${spec.tag} populated ${scheme}`);
        });
      });
    }
  }
});

describe('keyboard only', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  /** Tabs until the deep active element matches, at most `limit` times. */
  async function tabTo(root: ShadowRoot, selector: string, limit = 12): Promise<Element> {
    for (let i = 0; i < limit; i++) {
      await sendKeys({ press: 'Tab' });
      const active = root.activeElement;
      if (active?.matches(selector)) return active;
    }
    throw new Error(`Tab never reached ${selector}`);
  }

  it('document list: filter, tree, download and sign without a mouse', async () => {
    api.on('GET', specs[0].path, { json: withSigner });
    const el = await fixture<HTMLElement>(specs[0].view());
    await waitUntil(() => el.shadowRoot?.querySelector('[role="tree"]'));
    const root = el.shadowRoot!;
    await tabTo(root, 'input');
    await sendKeys({ type: 'balance' });
    await waitUntil(() => root.querySelectorAll('[part~="document"]').length === 1, 'filtered');
    for (let i = 0; i < 'balance'.length; i++) await sendKeys({ press: 'Backspace' });
    await waitUntil(() => root.querySelectorAll('[part~="document"]').length === 3, 'filter cleared');
    await tabTo(root, '[role="treeitem"]');
    // down to the first document, then Enter opens it
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const opened = oneEvent(el, 'paperos-document-open');
    el.addEventListener('paperos-document-open', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.document.filename).to.equal('2017 - 2020 Balance Sheet.xlsx');
    // the sign button is reachable by Tab and works with Enter
    const sign = await tabTo(root, '[part~="sign-button"]', 20);
    expect(sign.textContent).to.include('Sign');
    const signed = oneEvent(el, 'paperos-sign');
    el.addEventListener('paperos-sign', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: 'Enter' });
    expect((await signed).detail.recipient.name).to.equal('Ann Signer');
  });

  it('workflow launcher: filter and start without a mouse', async () => {
    api.on('GET', `/api/v1/orgs/${ORG}/workflow-templates`, { json: workflowTemplatesResponse });
    api.on('GET', `/api/v1/orgs/${ORG}/workflows`, { json: workflowsResponse });
    api.on('POST', `/api/v1/orgs/${ORG}/workflows`, { json: { status: 'success', workflow_id: 'wrk_1' } });
    const el = await fixture<HTMLElement>(specs[2].view());
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="templates"]'));
    const root = el.shadowRoot!;
    await tabTo(root, 'input');
    await sendKeys({ type: 'onboard' });
    await waitUntil(() => root.querySelectorAll('[part~="template"]').length === 1);
    const start = await tabTo(root, '[part~="start-button"]');
    expect(start.getAttribute('aria-label')).to.equal('Start Onboard Employees');
    const started = oneEvent(el, 'paperos-workflow-started');
    await sendKeys({ press: 'Enter' });
    expect((await started).detail.templateId).to.equal('flow_extg0g5yjfrtfk3e');
  });

  it('record list: choose, edit and save without a mouse', async () => {
    api.on('GET', specs[1].path, { json: recordsResponse });
    api.on('PATCH', `${specs[1].path}/17413`, { json: { success: true, changes: ['name'], total: 1, count: 1 } });
    const el = await fixture<HTMLElement>(specs[1].view());
    await waitUntil(() => el.shadowRoot?.querySelector('[role="listbox"]'));
    const root = el.shadowRoot!;
    await tabTo(root, '[role="option"]');
    await sendKeys({ press: 'ArrowDown' });
    const selected = oneEvent(el, 'paperos-record-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.record.name).to.equal('Bob the Builder');
    const input = (await tabTo(root, '[part~="field-input"]')) as HTMLInputElement;
    // Clear the field by keyboard (Chromium selects it on Tab, Firefox does not).
    const length = input.value.length;
    await sendKeys({ press: 'End' });
    for (let i = 0; i < length; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'Chief builder' });
    expect(input.value).to.equal('Chief builder');
    const saved = oneEvent(el, 'paperos-record-save');
    await sendKeys({ press: 'Enter' }); // submits the form
    expect((await saved).detail.changes).to.deep.equal(['name']);
    expect(api.requestsTo('PATCH', `${specs[1].path}/17413`)[0].body).to.deep.equal({
      fields: { name: 'Chief builder' },
    });
  });
});
