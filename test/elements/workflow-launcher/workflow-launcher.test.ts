import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/workflow-launcher/define.js';
import '../../../src/elements/record-list/define.js';
import type { PaperOSWorkflowLauncher } from '../../../src/elements/workflow-launcher/workflow-launcher.js';
import type { PaperOSProvider } from '../../../src/elements/provider/provider.js';
import { pageCache } from '../../../src/client/cache.js';
import {
  EXAMPLE_ORG_ID,
  epochIn,
  makeJwt,
  recordsResponse,
  startWorkflowResponse,
  workflowTemplatesResponse,
  workflowsResponse,
} from '../../fixtures/api-examples.js';
import { MockApi } from '../../helpers/mock-api.js';
import { holdKey, releaseKey } from '../../helpers/keyboard.js';

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const TEMPLATES = `/api/v1/orgs/${ORG}/workflow-templates`;
const WORKFLOWS = `/api/v1/orgs/${ORG}/workflows`;
const token = (org = ORG) => makeJwt({ org_id: org, sub: 'sub_test', exp: epochIn(3600) });

function serve(api: MockApi, org = ORG): void {
  api.on('GET', `/api/v1/orgs/${org}/workflow-templates`, { json: workflowTemplatesResponse });
  api.on('GET', `/api/v1/orgs/${org}/workflows`, { json: workflowsResponse });
  api.on('POST', `/api/v1/orgs/${org}/workflows`, { json: startWorkflowResponse });
}

async function mount(attrs: { templates?: string; autoSubmit?: boolean } = {}): Promise<PaperOSWorkflowLauncher> {
  const el = await fixture<PaperOSWorkflowLauncher>(
    html`<paperos-workflow-launcher
      base-url=${BASE}
      templates=${ifDefined(attrs.templates)}
      ?auto-submit=${attrs.autoSubmit}
      .token=${token()}
    ></paperos-workflow-launcher>`,
  );
  await settled(el);
  return el;
}

const root = (el: HTMLElement) => el.shadowRoot!;
async function settled(el: HTMLElement): Promise<void> {
  await waitUntil(
    () =>
      root(el).querySelector('[part~="templates"], [part~="empty"], [part~="error"], [part~="started"], .none-started'),
    'settled',
  );
}
const labels = (el: HTMLElement) =>
  [...root(el).querySelectorAll('[part~="template-label"]')].map((n) => n.textContent);
const announced = (el: HTMLElement) =>
  root(el).querySelector('[part~="start-announcement"]')?.textContent?.trim() ?? '';
const startButton = (el: HTMLElement, label: string) =>
  root(el).querySelector<HTMLButtonElement>(`[part~="start-button"][aria-label="Start ${label}"]`)!;

describe('<paperos-workflow-launcher>', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  describe('states', () => {
    it('loading: a status while both requests are in flight, sent together', async () => {
      const held = api.deferred();
      const heldWorkflows = api.deferred();
      api.on('GET', TEMPLATES, held.handler);
      api.on('GET', WORKFLOWS, heldWorkflows.handler);
      const el = await fixture<PaperOSWorkflowLauncher>(
        html`<paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>`,
      );
      await Promise.all([held.pending, heldWorkflows.pending]); // both out before either answered
      await waitUntil(
        () => root(el).querySelector('[role="status"]')?.textContent?.includes('Loading workflows'),
        'the loading label after its delay',
      );
      await expect(el).to.be.accessible();
      held.release({ json: workflowTemplatesResponse });
      heldWorkflows.release({ json: workflowsResponse });
      await settled(el);
    });

    it('empty', async () => {
      api.on('GET', TEMPLATES, { json: { workflow_templates: [] } });
      api.on('GET', WORKFLOWS, { json: { workflows: [] } });
      const el = await mount();
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.include('No workflows are available');
      await expect(el).to.be.accessible();
    });

    it('error (403) with a working retry', async () => {
      api.on('GET', WORKFLOWS, { json: workflowsResponse });
      api.on('GET', TEMPLATES, { status: 403, json: { message: 'no access' } }, { times: 1 });
      const failed = oneEvent(document, 'paperos-error');
      const el = await fixture<PaperOSWorkflowLauncher>(
        html`<paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>`,
      );
      await settled(el);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.include('You do not have access');
      expect((await failed).detail.status).to.equal(403);
      await expect(el).to.be.accessible();
      api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => labels(el).length === 6);
    });

    it('error (429) shows the wait and retries', async () => {
      api.on('GET', WORKFLOWS, { json: workflowsResponse });
      api.on('GET', TEMPLATES, { status: 429, headers: { 'retry-after': '120' }, json: {} }, { times: 1 });
      const el = await fixture<PaperOSWorkflowLauncher>(
        html`<paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>`,
      );
      await settled(el);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.include('Try again in 120 seconds');
      api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => labels(el).length === 6);
    });

    it('error (429) with Retry-After: 1 says "a second", in English and German', async function () {
      this.timeout(15000);
      api.on('GET', WORKFLOWS, { json: workflowsResponse });
      api.on('GET', TEMPLATES, { status: 429, headers: { 'retry-after': '1' }, json: {} });
      const wrapper = await fixture<HTMLDivElement>(
        html`<div><paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher></div>`,
      );
      const el = wrapper.querySelector('paperos-workflow-launcher')!;
      // the client waits the second it was asked to between its tries first
      await waitUntil(() => root(el).querySelector('[part~="error"]'), 'the error', { timeout: 8000 });
      const summary = () => root(el).querySelector('[role="alert"] .error-summary')!.textContent;
      expect(summary()).to.equal('PaperOS is busy. Try again in a second.');
      wrapper.setAttribute('lang', 'de');
      await waitUntil(() => summary()!.startsWith('PaperOS ist ausgelastet'), 'German');
      expect(summary()).to.equal('PaperOS ist ausgelastet. Versuchen Sie es in einer Sekunde erneut.');
    });

    it('populated: templates and started workflows, with a load event', async () => {
      serve(api);
      const loaded = oneEvent(document, 'paperos-load');
      const el = await mount();
      expect(labels(el)).to.deep.equal(workflowTemplatesResponse.workflow_templates.map((t) => t.label));
      expect(root(el).querySelector('[part~="template-description"]')!.textContent).to.include('Form a new entity');
      const workflow = root(el).querySelector('[part~="workflow"]')!;
      expect(workflow.textContent).to.include('Entity Setup');
      expect(workflow.querySelector('[part~="workflow-status"]')!.textContent).to.equal('Open');
      const time = workflow.querySelector('[part~="workflow-time"]')!;
      expect(time.getAttribute('datetime')).to.equal('2025-10-22T19:41:06.000Z');
      // How long ago it started, in the element's locale.
      const years = Math.trunc((Date.parse('2025-10-22T19:41:06.000Z') - Date.now()) / (365 * 24 * 3600 * 1000));
      expect(time.textContent).to.equal(
        new Intl.RelativeTimeFormat(navigator.language, { numeric: 'auto' }).format(years, 'year'),
      );
      expect((await loaded).detail).to.deep.equal({ count: 6 });
      await expect(el).to.be.accessible();
    });
  });

  it('filters by label and description', async () => {
    serve(api);
    const el = await mount();
    const input = root(el).querySelector<HTMLInputElement>('[part~="filter"]')!;
    input.value = 'STATE';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Annual Report (State Renewal)']);
    input.value = 'investors'; // in a description only
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Fundraising Diligence Portal']);
    input.value = 'payroll';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(labels(el)).to.deep.equal([]);
    expect(root(el).querySelector('.no-matches')!.textContent).to.equal('No workflows match “payroll”.');
    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(labels(el)).to.have.length(6);
  });

  it('the filter box is typed into with the keyboard and labelled', async () => {
    serve(api);
    const el = await mount();
    const input = root(el).querySelector<HTMLInputElement>('[part~="filter"]')!;
    expect(input.closest('label')!.textContent).to.include('Search workflows');
    input.focus();
    await sendKeys({ type: 'onboard' });
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Onboard Employees']);
  });

  it('offers only the templates listed in `templates`', async () => {
    serve(api);
    const el = await mount({ templates: 'flow_extg0g5yjfrtfk3e, flow_extg0v4ndq47rnwk' });
    expect(labels(el)).to.deep.equal(['Onboard Employees', 'Doc Send & Sign']);
    el.setAttribute('templates', 'flow_extg0vcffk3h9085');
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Entity Setup']);
    el.removeAttribute('templates');
    await el.updateComplete;
    expect(labels(el)).to.have.length(6);
    expect(api.requestsTo('GET', TEMPLATES)).to.have.length(1); // narrowing is local, not a new request
  });

  it('counts only the offered templates in paperos-load', async () => {
    serve(api);
    const loaded = oneEvent(document, 'paperos-load');
    await mount({ templates: 'flow_extg0g5yjfrtfk3e,flow_extg0v4ndq47rnwk' });
    expect((await loaded).detail).to.deep.equal({ count: 2 });
  });

  describe('start', () => {
    it('POSTs flow_id only, fires start and started, and refreshes the started list', async () => {
      serve(api);
      const el = await mount();
      const start = oneEvent(el, 'paperos-workflow-start');
      const started = oneEvent(el, 'paperos-workflow-started');
      startButton(el, 'Entity Setup').click();
      expect((await start).detail).to.deep.equal({
        templateId: 'flow_extg0vcffk3h9085',
        records: [],
        autoSubmit: false,
      });
      expect((await started).detail).to.deep.equal({
        workflowId: 'wrk_01hcn8arzxb9heq3saaf97b7bx',
        templateId: 'flow_extg0vcffk3h9085',
      });
      expect(api.requestsTo('POST', WORKFLOWS).map((r) => r.body)).to.deep.equal([
        { flow_id: 'flow_extg0vcffk3h9085' },
      ]);
      await waitUntil(() => api.requestsTo('GET', WORKFLOWS).length === 2, 'the started list was refreshed');
      expect(announced(el)).to.equal('Entity Setup started.');
      expect(root(el).querySelector('[part~="start-status"]')).to.equal(null);
    });

    const combos = [
      { name: 'records only', records: [{ role: 'company', id: 'rec_kp9fh3354dqt255m' }], autoSubmit: false },
      { name: 'auto-submit only', records: [], autoSubmit: true },
      { name: 'records and auto-submit', records: [{ role: 'company', id: 'rec_kp9fh3354dqt255m' }], autoSubmit: true },
    ];
    for (const combo of combos) {
      it(`POSTs the exact body with ${combo.name}`, async () => {
        serve(api);
        const el = await mount({ autoSubmit: combo.autoSubmit });
        // Extra fields on a record (a whole record from the record list, say) are not sent.
        el.records = combo.records.map((r) => ({ ...r, label: 'Acme, Inc.' }));
        const start = oneEvent(document, 'paperos-workflow-start'); // bubbles and is composed
        startButton(el, 'Onboard Employees').click();
        expect((await start).detail).to.deep.equal({
          templateId: 'flow_extg0g5yjfrtfk3e',
          records: combo.records,
          autoSubmit: combo.autoSubmit,
        });
        await waitUntil(() => api.requestsTo('POST', WORKFLOWS).length === 1);
        expect(api.requestsTo('POST', WORKFLOWS)[0].body).to.deep.equal({
          flow_id: 'flow_extg0g5yjfrtfk3e',
          ...(combo.records.length ? { records: combo.records } : {}),
          ...(combo.autoSubmit ? { auto_submit: 1 } : {}),
        });
      });
    }

    it('sends nothing when the start event is cancelled', async () => {
      serve(api);
      const el = await mount();
      el.addEventListener('paperos-workflow-start', (e) => e.preventDefault());
      startButton(el, 'Entity Setup').click();
      await aTimeout(20);
      expect(api.requestsTo('POST', WORKFLOWS)).to.have.length(0);
    });

    it('a double click or a held Enter starts exactly one workflow', async () => {
      serve(api);
      const held = api.deferred();
      api.on('POST', WORKFLOWS, held.handler);
      const el = await mount();
      const button = startButton(el, 'Entity Setup');
      button.click();
      button.click();
      button.focus();
      await holdKey('Enter');
      await sendKeys({ press: 'Enter' });
      await releaseKey('Enter');
      await held.pending;
      expect(api.requestsTo('POST', WORKFLOWS)).to.have.length(1);
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.textContent!.trim()).to.equal('Starting…');
      const progress = root(el).querySelector('[part~="start-status"]')!;
      expect(progress.getAttribute('role')).to.equal('status');
      expect(progress.textContent).to.equal('Starting…');
      expect(progress.closest('li')!.querySelector('[part~="template-label"]')!.textContent).to.equal('Entity Setup');
      held.release({ json: startWorkflowResponse });
      await waitUntil(() => announced(el).includes('Entity Setup started.'));
      expect(api.requestsTo('POST', WORKFLOWS)).to.have.length(1);
    });

    it('a double click starts one workflow even when the first start finishes in between', async () => {
      serve(api);
      const el = await mount();
      const button = startButton(el, 'Entity Setup');
      // What a browser dispatches for a double click: click (detail 1), click (detail 2), dblclick.
      const click = (detail: number) =>
        button.dispatchEvent(new MouseEvent('click', { detail, bubbles: true, composed: true, cancelable: true }));
      click(1);
      await waitUntil(() => announced(el).includes('Entity Setup started.'));
      click(2);
      button.dispatchEvent(new MouseEvent('dblclick', { detail: 2, bubbles: true, composed: true }));
      await aTimeout(50);
      expect(api.requestsTo('POST', WORKFLOWS)).to.have.length(1);
      click(1); // a later, separate click is a new start
      await waitUntil(() => api.requestsTo('POST', WORKFLOWS).length === 2, 'a fresh click starts again');
    });

    it('Enter held down past the end of the start does not start another', async () => {
      serve(api);
      const el = await mount();
      const button = startButton(el, 'Entity Setup');
      button.focus();
      await holdKey('Enter');
      await waitUntil(() => announced(el).includes('Entity Setup started.'));
      await holdKey('Enter'); // auto-repeat while still held
      await holdKey('Enter');
      await releaseKey('Enter');
      await aTimeout(50);
      expect(api.requestsTo('POST', WORKFLOWS)).to.have.length(1);
    });

    it('a failed start is shown next to its template, keeps nothing half-done, and can be tried again', async () => {
      serve(api);
      api.on('POST', WORKFLOWS, { status: 500, json: { message: 'boom' } }, { times: 1 });
      const el = await mount();
      const startedEvents: unknown[] = [];
      el.addEventListener('paperos-workflow-started', (e) => startedEvents.push(e.detail));
      const failed = oneEvent(el, 'paperos-error');
      startButton(el, 'Entity Setup').click();
      expect((await failed).detail).to.deep.equal({ status: 500, code: 'server_error', message: 'boom' });
      await waitUntil(() => root(el).querySelector('[part~="start-status"][role="alert"]'));
      const alerts = [...root(el).querySelectorAll('[role="alert"]')];
      expect(alerts).to.have.length(1);
      expect(alerts[0].textContent).to.include('Entity Setup was not started');
      expect(alerts[0].closest('li')!.querySelector('[part~="template-label"]')!.textContent).to.equal('Entity Setup');
      expect(api.requestsTo('POST', WORKFLOWS)).to.have.length(1); // never retried on its own
      expect(startedEvents).to.deep.equal([]);
      expect(api.requestsTo('GET', WORKFLOWS)).to.have.length(1); // the started list was not refetched
      expect(root(el).querySelectorAll('[part~="workflow"]')).to.have.length(1);
      expect(startButton(el, 'Entity Setup').getAttribute('aria-disabled')).to.equal('false');
      expect(labels(el)).to.have.length(6); // the lists stay
      await expect(el).to.be.accessible();
      startButton(el, 'Entity Setup').click();
      await waitUntil(() => announced(el).includes('Entity Setup started.'));
      expect(api.requestsTo('POST', WORKFLOWS)).to.have.length(2);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
      expect(startedEvents).to.deep.equal([
        { workflowId: 'wrk_01hcn8arzxb9heq3saaf97b7bx', templateId: 'flow_extg0vcffk3h9085' },
      ]);
    });

    it('is keyboard operable with a name that includes the workflow', async () => {
      serve(api);
      const el = await mount();
      const started = oneEvent(el, 'paperos-workflow-started');
      for (let i = 0; i < 6; i++) {
        await sendKeys({ press: 'Tab' });
        if (root(el).activeElement?.getAttribute('aria-label') === 'Start Entity Setup') break;
      }
      expect(root(el).activeElement?.getAttribute('aria-label')).to.equal('Start Entity Setup');
      await sendKeys({ press: 'Enter' });
      expect((await started).detail.templateId).to.equal('flow_extg0vcffk3h9085');
    });
  });

  describe('tokens and requests', () => {
    it('401, then one refresh, then success', async () => {
      serve(api);
      api.on('GET', TEMPLATES, { status: 401, json: { message: 'expired' } }, { times: 1 });
      let n = 0;
      const tokens: string[] = [];
      const fetchToken = async () => {
        const next = makeJwt({ org_id: ORG, sub: 'sub_test', exp: epochIn(3600), n: ++n });
        tokens.push(next);
        return next;
      };
      const el = await fixture<PaperOSWorkflowLauncher>(
        html`<paperos-workflow-launcher base-url=${BASE} .fetchToken=${fetchToken}></paperos-workflow-launcher>`,
      );
      await waitUntil(() => labels(el).length === 6);
      expect(n).to.equal(2);
      const sent = api.requestsTo('GET', TEMPLATES).map((r) => r.headers.get('authorization'));
      expect(sent).to.have.length(2);
      expect(sent[0]).to.equal(`Bearer ${tokens[0]}`);
      expect(sent[1]).to.equal(`Bearer ${tokens[1]}`);
    });

    it('shows only the last org when org-id changes mid-request', async () => {
      const first = api.deferred();
      api.on('GET', TEMPLATES, first.handler);
      api.on('GET', WORKFLOWS, { json: workflowsResponse });
      api.on('GET', '/api/v1/orgs/org_second/workflow-templates', {
        json: { workflow_templates: [{ id: 'flow_second', label: 'Second org flow', description: '' }] },
      });
      api.on('GET', '/api/v1/orgs/org_second/workflows', { json: { workflows: [] } });
      const el = await fixture<PaperOSWorkflowLauncher>(
        html`<paperos-workflow-launcher base-url=${BASE} org-id=${ORG} .token=${token()}></paperos-workflow-launcher>`,
      );
      await first.pending;
      el.setAttribute('org-id', 'org_second');
      await waitUntil(() => labels(el).length === 1);
      first.release({ json: workflowTemplatesResponse }); // the stale answer arrives last
      await aTimeout(20);
      expect(labels(el)).to.deep.equal(['Second org flow']);
      expect(root(el).querySelectorAll('[part~="workflow"]')).to.have.length(0); // nor the first org's workflows
    });

    it('an org change while the started list refreshes shows no Start button for the old org', async () => {
      serve(api);
      const el = await mount();
      const refresh = api.deferred();
      api.on('GET', WORKFLOWS, refresh.handler);
      startButton(el, 'Entity Setup').click();
      await refresh.pending; // the refresh after the start is in flight
      expect(labels(el)).to.have.length(6); // the lists stay while they refresh
      serve(api, 'org_second');
      api.on('GET', '/api/v1/orgs/org_second/workflow-templates', { json: { workflow_templates: [] } });
      const secondHeld = api.deferred();
      api.on('GET', '/api/v1/orgs/org_second/workflows', secondHeld.handler);
      el.setAttribute('org-id', 'org_second');
      await secondHeld.pending;
      await el.updateComplete;
      expect(labels(el)).to.deep.equal([]);
      await waitUntil(
        () => root(el).querySelector('[role="status"]')?.textContent?.includes('Loading workflows'),
        'the loading label after its delay',
      );
      refresh.release({ json: workflowsResponse });
      secondHeld.release({ json: { workflows: [] } });
      await waitUntil(() => root(el).querySelector('[part~="empty"]'), 'the second org loaded');
    });

    it('aborts its requests when removed mid-request', async () => {
      let seenSignal: AbortSignal | undefined;
      const original = globalThis.fetch;
      const held = api.deferred();
      api.on('GET', TEMPLATES, held.handler);
      api.on('GET', WORKFLOWS, held.handler);
      const wrapped: typeof fetch = (input, init) => {
        if (String(input).includes('workflow-templates')) seenSignal = init?.signal ?? undefined;
        return original(input, init);
      };
      globalThis.fetch = wrapped;
      try {
        const el = await fixture<PaperOSWorkflowLauncher>(
          html`<paperos-workflow-launcher base-url=${BASE} .token=${token()}></paperos-workflow-launcher>`,
        );
        await held.pending;
        expect(seenSignal?.aborted).to.equal(false);
        el.remove();
        await waitUntil(() => seenSignal?.aborted, 'the request was aborted');
      } finally {
        globalThis.fetch = original;
      }
    });

    it('two launchers make one templates request and one token fetch', async () => {
      serve(api);
      let tokenCalls = 0;
      api.on('POST', '/paperos-token', () => {
        tokenCalls++;
        return { json: { access_token: token() } };
      });
      const page = await fixture(
        html`<div>
          <paperos-workflow-launcher base-url=${BASE} token-url="/paperos-token"></paperos-workflow-launcher>
          <paperos-workflow-launcher base-url=${BASE} token-url="/paperos-token"></paperos-workflow-launcher>
        </div>`,
      );
      const [a, b] = [...page.querySelectorAll('paperos-workflow-launcher')];
      await waitUntil(() => labels(a).length === 6 && labels(b).length === 6);
      expect(api.requestsTo('GET', TEMPLATES)).to.have.length(1);
      expect(api.requestsTo('GET', WORKFLOWS)).to.have.length(1);
      expect(tokenCalls).to.equal(1);
    });
  });

  describe('with the provider and the record list', () => {
    it('settings flow from the provider and follow its changes; own attributes win', async () => {
      serve(api);
      serve(api, 'org_two');
      const page = await fixture<PaperOSProvider>(
        html`<paperos-provider base-url=${BASE} org-id=${ORG} .token=${token()}>
          <section><paperos-workflow-launcher id="inherits"></paperos-workflow-launcher></section>
          <paperos-workflow-launcher id="own" org-id="org_two"></paperos-workflow-launcher>
        </paperos-provider>`,
      );
      const inherits = page.querySelector<PaperOSWorkflowLauncher>('#inherits')!;
      const own = page.querySelector<PaperOSWorkflowLauncher>('#own')!;
      await waitUntil(() => labels(inherits).length === 6 && labels(own).length === 6);
      expect(api.requestsTo('GET', TEMPLATES)).to.have.length(1);
      expect(api.requestsTo('GET', '/api/v1/orgs/org_two/workflow-templates')).to.have.length(1);
      expect(api.requests.every((r) => r.url.origin === BASE)).to.equal(true);

      api.on('GET', '/api/v1/orgs/org_three/workflow-templates', {
        json: { workflow_templates: [{ id: 'f3', label: 'Third', description: '' }] },
      });
      api.on('GET', '/api/v1/orgs/org_three/workflows', { json: { workflows: [] } });
      page.orgId = 'org_three';
      await waitUntil(() => labels(inherits).join() === 'Third', 'the nested launcher followed the provider');
      expect(labels(own)).to.have.length(6); // its own org-id wins
      expect(page.hasAttribute('token')).to.equal(false);
    });

    it("a record chosen in the record list is sent with the launcher's start", async () => {
      serve(api);
      api.on('GET', `/api/v1/orgs/${ORG}/records`, { json: recordsResponse });
      const page = await fixture(
        html`<paperos-provider base-url=${BASE} .token=${token()}>
          <paperos-record-list></paperos-record-list>
          <paperos-workflow-launcher></paperos-workflow-launcher>
        </paperos-provider>`,
      );
      const list = page.querySelector('paperos-record-list')!;
      const launcher = page.querySelector('paperos-workflow-launcher')!;
      // the page's wiring, as the demo does it
      list.addEventListener('paperos-record-select', (e) => (launcher.records = [e.detail.workflowRecord]));
      await waitUntil(() => list.shadowRoot!.querySelector('[role="option"]') && labels(launcher).length === 6);
      (list.shadowRoot!.querySelector('[role="option"]') as HTMLElement).click();
      startButton(launcher, 'Entity Setup').click();
      await waitUntil(() => api.requestsTo('POST', WORKFLOWS).length === 1);
      expect(api.requestsTo('POST', WORKFLOWS)[0].body).to.deep.equal({
        flow_id: 'flow_extg0vcffk3h9085',
        records: [{ role: 'company', id: '5617' }],
      });
    });
  });
});
