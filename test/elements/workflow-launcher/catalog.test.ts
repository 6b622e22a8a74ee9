// The launcher as a catalog, with the organization's 71 templates (the documentation's six and
// the sandbox's seed after them): its height, search, keyboard, featured templates, the Started
// section and its links.
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/workflow-launcher/define.js';
import type { PaperOSWorkflowLauncher } from '../../../src/elements/workflow-launcher/workflow-launcher.js';
import { pageCache } from '../../../src/client/cache.js';
import { seedTemplates } from '../../../src/sandbox/seed.js';
import { EXAMPLE_ORG_ID, epochIn, makeJwt, workflowsResponse } from '../../fixtures/api-examples.js';
import { expectAccessible } from '../../helpers/axe.js';
import { MockApi } from '../../helpers/mock-api.js';

const ORG = EXAMPLE_ORG_ID;
const BASE = 'https://paperos.test';
const TEMPLATES = `/api/v1/orgs/${ORG}/workflow-templates`;
const WORKFLOWS = `/api/v1/orgs/${ORG}/workflows`;
const token = makeJwt({ org_id: ORG, sub: 'sub_catalog', exp: epochIn(3600) });
const templates = seedTemplates();
const NEW_ID = 'wrk_01hcn8arzxb9heq3saaf97b7bx';

const root = (el: HTMLElement) => el.shadowRoot!;
const labels = (el: HTMLElement) =>
  [...root(el).querySelectorAll('[part~="template-label"]')].map((n) => n.textContent);
const active = (el: HTMLElement) => root(el).activeElement as HTMLElement | null;
const count = (el: HTMLElement) => root(el).querySelector('[part~="match-count"]')!;

function serve(api: MockApi, workflows: unknown = workflowsResponse): void {
  api.on('GET', TEMPLATES, { json: { workflow_templates: templates, count: 71, total: 71 } });
  api.on('GET', WORKFLOWS, { json: workflows });
  api.on('POST', WORKFLOWS, { json: { status: 'success', workflow_id: NEW_ID } });
}

interface Options {
  featured?: string;
  href?: string;
  lang?: string;
  style?: string;
}

/** The launcher with a button after it, to see where Tab goes next. */
async function mount(options: Options = {}): Promise<PaperOSWorkflowLauncher> {
  const page = await fixture<HTMLDivElement>(
    html`<div lang=${ifDefined(options.lang)}>
      <paperos-workflow-launcher
        base-url=${BASE}
        featured=${ifDefined(options.featured)}
        workflow-href=${ifDefined(options.href)}
        style=${ifDefined(options.style)}
        .token=${token}
      ></paperos-workflow-launcher>
      <button id="after">after</button>
    </div>`,
  );
  const el = page.querySelector('paperos-workflow-launcher')!;
  await waitUntil(() => root(el).querySelector('[part~="templates"]'), 'the catalog');
  return el;
}

describe('<paperos-workflow-launcher> as a catalog of 71 templates', () => {
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  it('is at most --paperos-launcher-max-height tall (28rem by default), the catalog scrolling inside', async () => {
    serve(api);
    const el = await mount();
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(el.getBoundingClientRect().height).to.be.within(20 * rem, 28 * rem + 0.5);
    const list = root(el).querySelector<HTMLElement>('[part~="templates"]')!;
    expect(list.scrollHeight).to.be.greaterThan(list.clientHeight * 4); // 71 rows in a box of a few
    expect(getComputedStyle(list).overflowY).to.equal('auto');
    expect(labels(el)).to.have.length(71);

    el.style.setProperty('--paperos-launcher-max-height', '320px');
    await aTimeout(0);
    expect(el.getBoundingClientRect().height).to.be.within(300, 320.5);
    await expectAccessible(el, 'populated, 71 templates');
  });

  it('typing "board" leaves the matching rows and announces how many (accents and case ignored)', async () => {
    serve(api);
    const el = await mount();
    expect(count(el).getAttribute('role')).to.equal('status');
    expect(count(el).textContent!.trim()).to.equal('71 workflows');
    root(el).querySelector<HTMLInputElement>('[part~="filter"]')!.focus();
    await sendKeys({ type: 'board' });
    await waitUntil(() => labels(el).length === 4, 'filtered');
    expect(labels(el)).to.deep.equal(['Onboard Employees', 'Board Consent', 'Annual Board Meeting', 'Board Observer']);
    expect(count(el).textContent!.trim()).to.equal('4 of 71 workflows match');

    const input = root(el).querySelector<HTMLInputElement>('[part~="filter"]')!;
    input.value = 'BÖÁRD OBS';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Board Observer']);
    input.value = 'with the documents it needs'; // descriptions count too
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(labels(el)).to.have.length(65);
    await expectAccessible(el, 'filtered');
  });

  it('is one Tab stop: Tab enters the list once and leaves it with one more Tab', async () => {
    serve(api, { workflows: [] });
    const el = await mount();
    root(el).querySelector<HTMLInputElement>('[part~="filter"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('Start Entity Setup');
    const tabbable = [...root(el).querySelectorAll('[part~="start-button"]')].filter(
      (b) => b.getAttribute('tabindex') !== '-1',
    );
    expect(tabbable).to.have.length(1);
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement?.id).to.equal('after');
  });

  it('arrow keys, Home and End move between rows; the Tab stop follows', async () => {
    serve(api);
    const el = await mount();
    root(el).querySelector<HTMLInputElement>('[part~="filter"]')!.focus();
    await sendKeys({ press: 'ArrowDown' }); // from the search field into the list
    expect(active(el)?.getAttribute('aria-label')).to.equal('Start Entity Setup');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('Start Onboard Employees');
    await sendKeys({ press: 'ArrowUp' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('Start Fundraising Diligence Portal');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active(el)?.getAttribute('aria-label')).to.equal(`Start ${templates[70].label}`);
    const list = root(el).querySelector<HTMLElement>('[part~="templates"]')!;
    const row = active(el)!.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    expect(row.bottom).to.be.at.most(box.bottom + 1); // scrolled into view inside the list
    await sendKeys({ press: 'Home' });
    expect(active(el)?.getAttribute('aria-label')).to.equal('Start Entity Setup');
    expect(active(el)?.getAttribute('tabindex')).to.equal('0');
    // the focused row shows its whole description; the others two lines
    const description = active(el)!.closest('li')!.querySelector('[part~="template-description"]')!;
    expect(getComputedStyle(description).display).to.equal('block');
  });

  for (const [lang, status, announcement] of [
    ['en', 'Open', 'Onboard Employees started.'],
    ['de', 'Offen', 'Onboard Employees gestartet.'],
    ['es', 'Abierto', 'Se inició Onboard Employees.'],
  ] as const) {
    it(`Enter starts the focused workflow exactly once, and it shows at the top of Started, in view (${lang})`, async () => {
      serve(api);
      const el = await mount({ lang });
      root(el).querySelector<HTMLInputElement>('[part~="filter"]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      const starts: unknown[] = [];
      el.addEventListener('paperos-workflow-start', (e) => starts.push(e.detail.templateId));
      const started = oneEvent(el, 'paperos-workflow-started');
      await sendKeys({ press: 'Enter' });
      expect((await started).detail).to.deep.equal({ workflowId: NEW_ID, templateId: 'flow_extg0g5yjfrtfk3e' });
      await waitUntil(() => api.requestsTo('GET', WORKFLOWS).length === 2, 'the started list refreshed');
      await aTimeout(50);
      expect(starts).to.deep.equal(['flow_extg0g5yjfrtfk3e']);
      expect(api.requestsTo('POST', WORKFLOWS).map((r) => r.body)).to.deep.equal([
        { flow_id: 'flow_extg0g5yjfrtfk3e' },
      ]);
      // the refresh is a conditional request past the page cache
      expect(api.requestsTo('GET', TEMPLATES)).to.have.length(2);

      const announce = root(el).querySelector('[part~="start-announcement"]')!;
      await waitUntil(() => announce.textContent!.trim() === announcement, `announced: ${announce.textContent}`);
      expect(announce.getAttribute('role')).to.equal('status');
      const rows = [...root(el).querySelectorAll<HTMLElement>('[part~="workflow"]')];
      expect(rows.map((r) => r.dataset.key)).to.deep.equal([NEW_ID, 'work_q0yjdgdr77rdnedc']); // newest first
      expect(rows[0].querySelector('[part~="workflow-label"]')!.textContent).to.equal('Onboard Employees');
      expect(rows[0].querySelector('[part~="workflow-status"]')!.textContent).to.equal(status);
      expect(rows[1].querySelector('[part~="workflow-status"]')!.textContent).to.equal(status);
      const box = rows[0].getBoundingClientRect();
      expect(window.scrollY).to.equal(0);
      expect(box.top).to.be.at.least(0);
      expect(box.bottom).to.be.at.most(innerHeight);
      // the keyboard stays where it was
      expect(active(el)?.dataset.key).to.equal('flow_extg0g5yjfrtfk3e');
      await expectAccessible(el, `started, ${lang}`);
    });
  }

  it('a start that makes the Started list taller keeps the focused row whole in view in the catalog', async () => {
    serve(api);
    const el = await mount();
    const list = root(el).querySelector<HTMLElement>('[part~="templates"]')!;
    root(el).querySelector<HTMLInputElement>('[part~="filter"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    for (let i = 0; i < 8; i++) await sendKeys({ press: 'ArrowDown' });
    const focused = active(el)!;
    const row = () => focused.closest('li')!.getBoundingClientRect();
    // the focused row at the bottom edge of the catalog's box, as scrolling the list by hand leaves it
    list.scrollTop += row().bottom - list.getBoundingClientRect().bottom;
    const before = list.getBoundingClientRect().height;
    const started = oneEvent(el, 'paperos-workflow-started');
    await sendKeys({ press: 'Enter' });
    await started;
    await waitUntil(() => root(el).querySelectorAll('[part~="workflow"]').length === 2, 'the new workflow listed');
    await aTimeout(50);
    expect(list.getBoundingClientRect().height).to.be.lessThan(before); // the catalog gave way
    expect(active(el)).to.equal(focused);
    const box = list.getBoundingClientRect();
    expect(row().top).to.be.at.least(box.top - 0.5);
    expect(row().bottom).to.be.at.most(box.bottom + 0.5);
  });

  it('shows statuses in words in en, de and es, unknown ones as they came, and times relative to now', async () => {
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const workflows = [
      ['wrk_a', 'open', 2],
      ['wrk_b', 'in_progress', 90],
      ['wrk_c', 'completed', 3 * 24 * 60],
      ['wrk_d', 'cancelled', 1],
      ['wrk_e', 'waiting_for_bank', 0],
    ].map(([id, status, minutes]) => ({
      id,
      label: `Flow ${id}`,
      template_id: 'flow_x',
      status,
      created_at: ago(minutes as number),
      updated_at: ago(0),
    }));
    serve(api, { workflows });
    const el = await mount();
    const seen = () =>
      [...root(el).querySelectorAll('[part~="workflow"]')].map((row) => [
        row.querySelector('[part~="workflow-status"]')!.textContent,
        row.querySelector('[part~="workflow-time"]')!.textContent,
      ]);
    expect(seen()).to.deep.equal([
      ['waiting_for_bank', 'now'],
      ['Cancelled', '1 minute ago'],
      ['Open', '2 minutes ago'],
      ['In progress', '1 hour ago'],
      ['Completed', '3 days ago'],
    ]);
    el.setAttribute('lang', 'de');
    await waitUntil(() => seen()[1][0] === 'Abgebrochen', 'German');
    expect(seen()).to.deep.equal([
      ['waiting_for_bank', 'jetzt'],
      ['Abgebrochen', 'vor 1 Minute'],
      ['Offen', 'vor 2 Minuten'],
      ['In Bearbeitung', 'vor 1 Stunde'],
      ['Abgeschlossen', 'vor 3 Tagen'],
    ]);
    el.setAttribute('lang', 'es');
    await waitUntil(() => seen()[1][0] === 'Cancelado', 'Spanish');
    expect(seen()).to.deep.equal([
      ['waiting_for_bank', 'ahora'],
      ['Cancelado', 'hace 1 minuto'],
      ['Abierto', 'hace 2 minutos'],
      ['En curso', 'hace 1 hora'],
      ['Completado', 'hace 3 días'],
    ]);
    el.removeAttribute('lang');
    await waitUntil(() => seen()[1][0] === 'Cancelled', 'English again');
  });

  it('featured templates come first, the rest behind "Show all 71 workflows"', async () => {
    serve(api);
    const el = await mount({ featured: 'flow_extg0v4ndq47rnwk, flow_extg0g5yjfrtfk3e' });
    expect(labels(el)).to.deep.equal(['Doc Send & Sign', 'Onboard Employees']);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part~="show-all"]')!;
    expect(toggle.textContent!.trim()).to.equal('Show all 71 workflows');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await expectAccessible(el, 'featured');
    const toggleHeight = toggle.getBoundingClientRect().height;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    // the long catalog gives way, not the toggle: it keeps its height, its text inside its border
    expect(toggle.getBoundingClientRect().height).to.be.closeTo(toggleHeight, 0.5);
    expect(toggle.scrollHeight).to.be.at.most(toggle.clientHeight);
    expect(labels(el)).to.have.length(71);
    expect(labels(el).slice(0, 3)).to.deep.equal(['Doc Send & Sign', 'Onboard Employees', 'Entity Setup']);
    // the catalog gives way, not the Started section: its workflow is still whole on screen
    const workflow = root(el).querySelector('[part~="workflow"]')!.getBoundingClientRect();
    const started = root(el).querySelector('[part~="started"]')!.getBoundingClientRect();
    expect(workflow.height).to.be.greaterThan(10);
    expect(workflow.bottom).to.be.at.most(started.bottom);
    toggle.click();
    await el.updateComplete;
    expect(labels(el)).to.have.length(2);
    // a search looks through all of them
    const input = root(el).querySelector<HTMLInputElement>('[part~="filter"]')!;
    input.value = 'board';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Onboard Employees', 'Board Consent', 'Annual Board Meeting', 'Board Observer']);
    expect(root(el).querySelector('[part~="show-all"]')).to.equal(null);
  });

  it('workflow-href links each started workflow, through the URL policy', async () => {
    serve(api);
    const el = await mount({ href: 'https://app.paperos.com/workflows/{id}' });
    const link = root(el).querySelector<HTMLAnchorElement>('[part~="workflow-link"]')!;
    expect(link.getAttribute('href')).to.equal('https://app.paperos.com/workflows/work_q0yjdgdr77rdnedc');
    expect(link.textContent).to.equal('Entity Setup');
    // the Started list is one Tab stop too; Enter on a row follows its link
    const row = root(el).querySelector<HTMLElement>('[part~="workflow"]')!;
    expect(row.getAttribute('tabindex')).to.equal('0');
    const followed = new Promise<string>((resolve) =>
      link.addEventListener('click', (e) => (e.preventDefault(), resolve(link.href)), { once: true }),
    );
    row.focus();
    await sendKeys({ press: 'Enter' });
    expect(await followed).to.equal('https://app.paperos.com/workflows/work_q0yjdgdr77rdnedc');
    el.setAttribute('workflow-href', 'javascript:alert(1)//{id}');
    await waitUntil(() => root(el).querySelector('[part~="link-unavailable"]'), 'the refused link is noted');
    expect(root(el).querySelector('[part~="workflow-link"]')).to.equal(null);
    expect(root(el).querySelector('[part~="workflow-label"]')!.textContent).to.equal('Entity Setup');
  });
});

describe('<paperos-workflow-launcher> axe (WCAG 2.2 AA) in each state, light and dark, 390 and 1280 px wide', function () {
  // Eight axe runs over 71 rows per test: WebKit under load takes over the default 10 s.
  this.timeout(40000);
  let api: MockApi;
  beforeEach(() => {
    pageCache.clear();
    api = new MockApi().install();
  });
  afterEach(() => api.restore());

  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark']) {
      it(`${width} px, ${scheme}`, async () => {
        const held = api.deferred();
        api.on('GET', TEMPLATES, held.handler, { times: 1 });
        api.on('GET', WORKFLOWS, { json: workflowsResponse });
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="inline-size: ${width}px; color-scheme: ${scheme}; background: Canvas; color: CanvasText">
            <paperos-workflow-launcher
              base-url=${BASE}
              featured="flow_extg0v4ndq47rnwk,flow_extg0g5yjfrtfk3e"
              workflow-href="https://app.paperos.com/workflows/{id}"
              .token=${token}
            ></paperos-workflow-launcher>
          </div>`,
        );
        const el = wrapper.querySelector('paperos-workflow-launcher')!;
        const check = (state: string) => expectAccessible(el, `${state}, ${width} px, ${scheme}`);
        await waitUntil(() => root(el).querySelector('[role="status"] .spinner'), 'the loading label');
        await check('loading');
        api.on('GET', TEMPLATES, { json: { workflow_templates: templates } }); // the refreshes after a start
        held.release({ json: { workflow_templates: templates } });
        await waitUntil(() => root(el).querySelector('[part~="templates"]'), 'the catalog');
        await check('featured');
        root(el).querySelector<HTMLButtonElement>('[part~="show-all"]')!.click();
        await el.updateComplete;
        await check('all');
        const input = root(el).querySelector<HTMLInputElement>('[part~="filter"]')!;
        input.value = 'payroll';
        input.dispatchEvent(new Event('input'));
        await el.updateComplete;
        await check('no matches');
        input.value = '';
        input.dispatchEvent(new Event('input'));
        await el.updateComplete;

        api.on('POST', WORKFLOWS, { status: 500, json: { message: 'boom' } }, { times: 1 });
        root(el).querySelector<HTMLButtonElement>('[part~="start-button"]')!.click();
        await waitUntil(() => root(el).querySelector('[part~="start-status"][role="alert"]'), 'the failure');
        await check('failed start');
        api.on('POST', WORKFLOWS, { json: { status: 'success', workflow_id: NEW_ID } });
        root(el).querySelector<HTMLButtonElement>('[part~="start-button"]')!.click();
        await waitUntil(() => root(el).querySelector('[part~="start-announcement"]')!.textContent!.trim(), 'started');
        await check('started');

        api.on('GET', TEMPLATES, { json: { workflow_templates: [] } });
        api.on('GET', WORKFLOWS, { json: { workflows: [] } });
        await el.refresh();
        // the workflow started here stays until PaperOS lists it
        expect(root(el).querySelector<HTMLElement>('[part~="workflow"]')!.dataset.key).to.equal(NEW_ID);
        await check('only started');
        api.on('GET', TEMPLATES, { status: 403, json: { message: 'Forbidden' } });
        await el.refresh();
        await waitUntil(() => root(el).querySelector('[part~="error"]'), 'the error');
        await check('error');
      });
    }
  }

  it('empty, 390 and 1280 px, light and dark', async () => {
    api.on('GET', TEMPLATES, { json: { workflow_templates: [] } });
    api.on('GET', WORKFLOWS, { json: { workflows: [] } });
    for (const width of [390, 1280]) {
      for (const scheme of ['light', 'dark']) {
        pageCache.clear();
        const wrapper = await fixture<HTMLDivElement>(
          html`<div style="inline-size: ${width}px; color-scheme: ${scheme}; background: Canvas; color: CanvasText">
            <paperos-workflow-launcher base-url=${BASE} .token=${token}></paperos-workflow-launcher>
          </div>`,
        );
        const el = wrapper.querySelector('paperos-workflow-launcher')!;
        await waitUntil(() => root(el).querySelector('[part~="empty"]'), 'empty');
        await expectAccessible(el, `empty, ${width} px, ${scheme}`);
      }
    }
  });
});
