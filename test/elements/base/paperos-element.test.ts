// The shared element foundation, through a minimal element built on it the way
// the real ones are: one task over the client, registered with trackTask, and
// the base's loading / empty / error states.
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { html as litHtml, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import sinon from 'sinon';
import { LOADING_DELAY_MS, PaperOSElement, defineElement } from '../../../src/elements/base/paperos-element.js';
import { baseStyles } from '../../../src/elements/base/base.styles.js';
import type { PaperOSErrorEvent, PaperOSLoadEvent } from '../../../src/elements/base/events.js';
import { pageCache } from '../../../src/client/cache.js';
import { listWorkflowTemplates } from '../../../src/client/workflows.js';
import { EXAMPLE_ORG_ID, epochIn, makeJwt, workflowTemplatesResponse } from '../../fixtures/api-examples.js';
import { MockApi } from '../../helpers/mock-api.js';

class TestTemplates extends PaperOSElement {
  static override styles = [baseStyles];
  readonly task = this.trackTask(
    new Task(this, {
      task: async ([client, orgId], { signal }) => {
        const org = await this.resolveOrgId(client, orgId, signal);
        return listWorkflowTemplates(client, org, { signal });
      },
      args: () => [this.client, this.settings.orgId] as const,
    }),
    (templates) => templates.length,
  );
  override render(): TemplateResult {
    return this.task.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      error: (error) => this.renderError(error, () => void this.task.run()),
      complete: (templates) =>
        templates.length
          ? litHtml`<ul part="list">${templates.map((t) => litHtml`<li>${t.label}</li>`)}</ul>`
          : this.renderEmpty('Nothing here.'),
    });
  }
}
defineElement('test-paperos-templates', TestTemplates);

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const TEMPLATES = `/api/v1/orgs/${ORG}/workflow-templates`;
const token = (claims: Record<string, unknown> = { org_id: ORG }) =>
  makeJwt({ sub: 'sub_test', exp: epochIn(3600), ...claims });
const root = (el: Element) => el.shadowRoot!;
const items = (el: Element) => [...root(el).querySelectorAll('li')].map((li) => li.textContent);

/** Records every paperos-load / paperos-error that reaches the document. */
function announcements() {
  const seen: string[] = [];
  const onLoad = (e: Event) => seen.push(`load ${(e as PaperOSLoadEvent).detail.count}`);
  const onError = (e: Event) => {
    const { status, code } = (e as PaperOSErrorEvent).detail;
    seen.push(`error ${status} ${code}`);
  };
  document.addEventListener('paperos-load', onLoad);
  document.addEventListener('paperos-error', onError);
  return {
    seen,
    stop: () => {
      document.removeEventListener('paperos-load', onLoad);
      document.removeEventListener('paperos-error', onError);
    },
  };
}

describe('PaperOSElement (the shared foundation)', () => {
  let api: MockApi;
  let events: ReturnType<typeof announcements>;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
    events = announcements();
  });
  afterEach(() => {
    events.stop();
    api.restore();
  });

  describe('states and their slots', () => {
    it('loading: role=status, replaceable through the loading slot', async () => {
      const held = api.deferred();
      api.on('GET', TEMPLATES, held.handler);
      const el = await fixture(
        html`<test-paperos-templates base-url=${BASE} .token=${token()}>
          <span slot="loading">Fetching your flows</span>
        </test-paperos-templates>`,
      );
      await held.pending;
      const status = root(el).querySelector('[role="status"]')!;
      expect(status.getAttribute('part')).to.equal('loading');
      await waitUntil(() => status.querySelector('slot[name="loading"]'), 'the loading label shows after its delay');
      const slot = status.querySelector<HTMLSlotElement>('slot[name="loading"]')!;
      expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Fetching your flows']);
      await expect(el).to.be.accessible();
      held.release({ json: workflowTemplatesResponse });
      await waitUntil(() => items(el).length === 6);
      expect(root(el).querySelector('[role="status"]')).to.equal(null);
    });

    describe('the loading delay', () => {
      // setTimeout is faked (the delay's timer), so these wait by animation frames instead of waitUntil.
      const until = async (done: () => boolean) => {
        for (let frame = 0; frame < 600 && !done(); frame++) await new Promise(requestAnimationFrame);
        expect(done(), 'in time').to.equal(true);
      };
      let clock: sinon.SinonFakeTimers;
      beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })));
      afterEach(() => clock.restore());

      it('a load faster than the delay never shows the loading label; the empty status region is there from the start', async () => {
        const held = api.deferred();
        api.on('GET', TEMPLATES, held.handler);
        const el = await fixture(
          html`<test-paperos-templates base-url=${BASE} .token=${token()}></test-paperos-templates>`,
        );
        const labels: Node[] = [];
        const watch = new MutationObserver((records) =>
          records.forEach((r) => r.addedNodes.forEach((n) => n.nodeType === 1 && labels.push(n))),
        );
        watch.observe(root(el), { childList: true, subtree: true });
        await held.pending;
        const status = root(el).querySelector('[part="loading"]')!;
        expect(status.getAttribute('role')).to.equal('status');
        expect(status.getAttribute('aria-live')).to.equal('polite');
        expect(status.textContent!.trim()).to.equal('');
        clock.tick(LOADING_DELAY_MS - 1);
        held.release({ json: workflowTemplatesResponse });
        await until(() => items(el).length === 6);
        watch.disconnect();
        expect(labels.filter((n) => (n as Element).matches('slot, .spinner'))).to.deep.equal([]);
        clock.tick(LOADING_DELAY_MS);
        await (el as TestTemplates).updateComplete;
        expect(items(el)).to.have.length(6);
      });

      it('shows the label once the load has taken the delay, and waits again for the next load', async () => {
        const first = api.deferred();
        api.on('GET', TEMPLATES, first.handler);
        const el = await fixture<TestTemplates>(
          html`<test-paperos-templates base-url=${BASE} .token=${token()}></test-paperos-templates>`,
        );
        await first.pending;
        const label = () => root(el).querySelector('[part="loading"]')?.textContent?.trim() ?? null;
        clock.tick(LOADING_DELAY_MS - 1);
        await el.updateComplete;
        expect(label()).to.equal('');
        clock.tick(1);
        await el.updateComplete;
        expect(label()).to.equal('Loading…');
        first.release({ json: workflowTemplatesResponse });
        await until(() => items(el).length === 6);
        const second = api.deferred();
        api.on('GET', TEMPLATES, second.handler);
        pageCache.clear();
        void el.task.run();
        await second.pending;
        await el.updateComplete;
        expect(label()).to.equal('');
        clock.tick(LOADING_DELAY_MS);
        await el.updateComplete;
        expect(label()).to.equal('Loading…');
        second.release({ json: workflowTemplatesResponse });
        await until(() => items(el).length === 6);
      });
    });

    it('empty: its message, replaceable through the empty slot', async () => {
      api.on('GET', TEMPLATES, { json: { workflow_templates: [] } });
      const el = await fixture(
        html`<test-paperos-templates base-url=${BASE} .token=${token()}></test-paperos-templates>`,
      );
      await waitUntil(() => root(el).querySelector('[part="empty"]'));
      expect(root(el).querySelector('[part="empty"]')!.textContent!.trim()).to.equal('Nothing here.');
      expect(events.seen).to.deep.equal(['load 0']);
      await expect(el).to.be.accessible();

      const custom = await fixture(
        html`<test-paperos-templates base-url=${BASE} .token=${token()}
          ><p slot="empty">No flows yet: ask your admin.</p></test-paperos-templates
        >`,
      );
      await waitUntil(() => root(custom).querySelector('[part="empty"]'));
      const slot = root(custom).querySelector<HTMLSlotElement>('slot[name="empty"]')!;
      expect(slot.assignedElements().map((n) => n.textContent)).to.deep.equal(['No flows yet: ask your admin.']);
    });

    it("error: role=alert, the failure in plain words and the server's message as text only", async () => {
      api.on('GET', TEMPLATES, { status: 500, json: { message: '<img src=x onerror="window.__pwned=1">' } });
      const el = await fixture(
        html`<test-paperos-templates base-url=${BASE} .token=${token()}></test-paperos-templates>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.querySelector('.error-summary')!.textContent).to.equal('PaperOS had a problem. Retry in a moment.');
      expect(alert.querySelector('.error-detail')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
      expect(alert.querySelector('img')).to.equal(null);
      expect(alert.querySelector('button')!.textContent).to.equal('Retry');
      await expect(el).to.be.accessible();
    });

    it('error slot replaces the message; the Retry button stays and works', async () => {
      api.on('GET', TEMPLATES, { status: 503, json: {} }); // every attempt (the client retries a GET itself)
      const el = await fixture(
        html`<test-paperos-templates base-url=${BASE} .token=${token()}
          ><span slot="error">Our PaperOS link is down.</span></test-paperos-templates
        >`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'error shown', { timeout: 8000 });
      const slot = root(el).querySelector<HTMLSlotElement>('[role="alert"] slot[name="error"]')!;
      expect(slot.assignedElements().map((n) => n.textContent)).to.deep.equal(['Our PaperOS link is down.']);
      api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
      root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await waitUntil(() => items(el).length === 6, 'the retry loaded');
      expect(events.seen).to.deep.equal(['error 503 service_unavailable', 'load 6']);
    });
  });

  describe('focus', () => {
    it('Retry keeps the focus in the element, unless the user has moved it elsewhere on the page meanwhile', async () => {
      api.on('GET', TEMPLATES, { status: 403, json: {} }, { times: 1 });
      const el = await fixture<TestTemplates>(
        html`<test-paperos-templates base-url=${BASE} .token=${token()}></test-paperos-templates>`,
      );
      const outside = await fixture<HTMLButtonElement>(html`<button>elsewhere</button>`);
      const focusedPart = () => root(el).activeElement?.getAttribute('part');
      const retry = async () => {
        await waitUntil(() => root(el).querySelector('[part="retry-button"]'), 'error shown');
        const held = api.deferred();
        api.on('GET', TEMPLATES, held.handler, { times: 1 });
        root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.focus();
        root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
        await held.pending;
        await el.updateComplete;
        return held;
      };
      let held = await retry();
      expect(focusedPart()).to.equal('loading');
      held.release({ status: 403, json: {} });
      await waitUntil(() => focusedPart() === 'retry-button', 'the focus went to the next Retry');

      held = await retry();
      outside.focus();
      held.release({ json: workflowTemplatesResponse });
      await waitUntil(() => items(el).length === 6, 'the retry loaded');
      await el.updateComplete;
      expect(document.activeElement).to.equal(outside);
    });
  });

  describe('paperos-load and paperos-error', () => {
    it('announce each settled run once, bubbling and composed out of shadow roots', async () => {
      api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
      api.on('GET', TEMPLATES, { status: 403, json: { message: 'no' } }, { times: 1 }); // answers first, once
      const host = await fixture(html`<div></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      const el = document.createElement('test-paperos-templates') as TestTemplates;
      el.baseUrl = BASE;
      el.token = token();
      shadow.append(el);
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      el.requestUpdate(); // a re-render announces nothing new
      await el.updateComplete;
      expect(events.seen).to.deep.equal(['error 403 forbidden']);
      root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await waitUntil(() => items(el).length === 6);
      el.requestUpdate();
      await el.updateComplete;
      expect(events.seen).to.deep.equal(['error 403 forbidden', 'load 6']);
    });

    it('the error event carries status, code and message, never the token', async () => {
      const secret = token();
      api.on('GET', TEMPLATES, { status: 403, json: { message: 'Not a member of this org' } });
      const failed = oneEvent(document, 'paperos-error');
      await fixture(html`<test-paperos-templates base-url=${BASE} .token=${secret}></test-paperos-templates>`);
      const event = await failed;
      expect(event.detail).to.deep.equal({ status: 403, code: 'forbidden', message: 'Not a member of this org' });
      expect(JSON.stringify(event.detail)).not.to.include(secret);
    });

    it('a superseded run announces nothing and never shows', async () => {
      const first = api.deferred();
      api.on('GET', TEMPLATES, first.handler);
      api.on('GET', '/api/v1/orgs/org_later/workflow-templates', {
        json: { workflow_templates: [{ id: 'flow_later', label: 'Later org flow', description: '' }] },
      });
      const el = await fixture<TestTemplates>(
        html`<test-paperos-templates base-url=${BASE} org-id=${ORG} .token=${token()}></test-paperos-templates>`,
      );
      await first.pending;
      el.setAttribute('org-id', 'org_later');
      await waitUntil(() => items(el).length === 1);
      first.release({ json: workflowTemplatesResponse }); // the older answer comes in last
      await aTimeout(30);
      await el.updateComplete;
      expect(items(el)).to.deep.equal(['Later org flow']);
      expect(events.seen).to.deep.equal(['load 1']);
    });
  });

  describe('task lifecycle', () => {
    it('aborts the request on removal without reporting an error, and loads again when put back', async () => {
      let signal: AbortSignal | undefined;
      const held = api.deferred();
      api.on('GET', TEMPLATES, held.handler);
      const original = globalThis.fetch;
      globalThis.fetch = (input, init) => {
        signal = init?.signal ?? undefined;
        return original(input, init);
      };
      try {
        const parent = await fixture(html`<div></div>`);
        const el = document.createElement('test-paperos-templates') as TestTemplates;
        el.baseUrl = BASE;
        el.token = token();
        parent.append(el);
        await held.pending;
        el.remove();
        await waitUntil(() => signal?.aborted, 'the request was aborted');
        await aTimeout(20);
        expect(events.seen).to.deep.equal([]);

        api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
        parent.append(el);
        await waitUntil(() => items(el).length === 6, 'loaded again after re-attaching');
        expect(events.seen).to.deep.equal(['load 6']);
        expect(api.requestsTo('GET', TEMPLATES)).to.have.length(2);
      } finally {
        globalThis.fetch = original;
      }
    });
  });

  describe('organization', () => {
    it("defaults to the token's org_id claim", async () => {
      api.on('GET', '/api/v1/orgs/org_from_claim/workflow-templates', { json: workflowTemplatesResponse });
      const el = await fixture(
        html`<test-paperos-templates
          base-url=${BASE}
          .token=${token({ org_id: 'org_from_claim' })}
        ></test-paperos-templates>`,
      );
      await waitUntil(() => items(el).length === 6);
      expect(api.requests.map((r) => r.url.href)).to.deep.equal([
        `${BASE}/api/v1/orgs/org_from_claim/workflow-templates`,
      ]);
    });

    it('without org-id or an org_id claim it explains, and sends nothing', async () => {
      const el = await fixture(
        html`<test-paperos-templates base-url=${BASE} .token=${'opaque-token-value'}></test-paperos-templates>`,
      );
      await waitUntil(() => root(el).querySelector('[role="alert"]'));
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.include('No organization is set');
      expect(api.requests).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('connection settings', () => {
    it('uses its base-url and token, never reflects the token, and shares one request with a twin', async () => {
      const secret = token();
      api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
      const page = await fixture(
        html`<div>
          <test-paperos-templates base-url=${BASE} .token=${secret}></test-paperos-templates>
          <test-paperos-templates base-url=${BASE} .token=${secret}></test-paperos-templates>
        </div>`,
      );
      const [a, b] = page.querySelectorAll('test-paperos-templates');
      await waitUntil(() => items(a).length === 6 && items(b).length === 6);
      expect(api.requests).to.have.length(1);
      expect(api.requests[0].url.href).to.equal(`${BASE}${TEMPLATES}`);
      expect(api.requests[0].headers.get('authorization')).to.equal(`Bearer ${secret}`);
      expect(api.requests[0].url.href).not.to.include(secret);
      expect(a.hasAttribute('token')).to.equal(false);
      expect(page.outerHTML).not.to.include(secret);
    });

    it('defaults to https://app.paperos.com', async () => {
      api.on('GET', TEMPLATES, { json: workflowTemplatesResponse });
      const el = await fixture(html`<test-paperos-templates .token=${token()}></test-paperos-templates>`);
      await waitUntil(() => items(el).length === 6);
      expect(api.requests[0].url.origin).to.equal('https://app.paperos.com');
    });
  });

  describe('defineElement', () => {
    it('a second registration of a name is ignored, not an error', () => {
      class Other extends TestTemplates {}
      expect(() => defineElement('test-paperos-templates', Other)).not.to.throw();
      expect(customElements.get('test-paperos-templates')).to.equal(TestTemplates);
    });
  });

  describe('styling', () => {
    const held = () => {
      const deferred = api.deferred();
      api.on('GET', TEMPLATES, deferred.handler);
      return deferred;
    };

    it("inherits the page's font and follows its color-scheme", async () => {
      held();
      const page = await fixture(
        html`<div style="font-family: Georgia, serif; font-size: 19px">
          <div style="color-scheme: light">
            <test-paperos-templates base-url=${BASE} .token=${token()}></test-paperos-templates>
          </div>
          <div style="color-scheme: dark">
            <test-paperos-templates base-url=${BASE} .token=${token()}></test-paperos-templates>
          </div>
        </div>`,
      );
      const [light, dark] = page.querySelectorAll('test-paperos-templates');
      expect(getComputedStyle(light).fontFamily).to.equal(getComputedStyle(page).fontFamily);
      expect(getComputedStyle(light).fontSize).to.equal('19px');
      expect(getComputedStyle(light).color).to.equal('rgb(31, 35, 40)');
      expect(getComputedStyle(dark).color).to.equal('rgb(230, 232, 235)');
    });

    it('--paperos-* custom properties restyle it, and ::part() reaches its pieces', async () => {
      api.on('GET', TEMPLATES, { status: 403, json: {} });
      const page = await fixture(
        html`<div>
          <style>
            .themed {
              --paperos-color-text: rgb(1, 2, 3);
              --paperos-color-accent: rgb(200, 0, 100);
              --paperos-radius: 0px;
              --paperos-font: italic 15px monospace;
            }
            .themed::part(retry-button) {
              text-transform: uppercase;
            }
          </style>
          <test-paperos-templates class="themed" base-url=${BASE} .token=${token()}></test-paperos-templates>
        </div>`,
      );
      const el = page.querySelector('test-paperos-templates')!;
      await waitUntil(() => root(el).querySelector('[part="retry-button"]'));
      const retry = root(el).querySelector('[part="retry-button"]')!;
      expect(getComputedStyle(el).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(el).fontStyle).to.equal('italic');
      expect(getComputedStyle(retry).backgroundColor).to.equal('rgb(200, 0, 100)');
      expect(getComputedStyle(retry).borderTopLeftRadius).to.equal('0px');
      expect(getComputedStyle(retry).textTransform).to.equal('uppercase');
      expect(retry.getBoundingClientRect().height).to.be.at.least(24);
    });
  });
});
